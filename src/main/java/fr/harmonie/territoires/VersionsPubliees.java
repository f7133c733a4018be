package fr.harmonie.territoires;

import fr.harmonie.json.Ressources;
import fr.harmonie.regles.Pack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code territories/versions.lock}: each published version of a pack ({@code id@version}) and the hash of its content.
 * A published version never changes; publishing a version is adding its line. The build holds the repository to it,
 * and so does {@code verifier} for whoever edits packs with the jar alone: a version changed in place would pass its
 * cases, and then be refused by the service that already holds it.
 */
public final class VersionsPubliees {

    public static final String FICHIER = "territories/versions.lock";

    /** A line of the file that is neither blank, a comment, nor {@code id@version sha256:…}. */
    public static final class VerrouIllisibleException extends RuntimeException {
        VerrouIllisibleException(String message) {
            super(message);
        }
    }

    private final Map<String, String> empreintes;

    private VersionsPubliees(Map<String, String> empreintes) {
        this.empreintes = empreintes;
    }

    /** @throws VerrouIllisibleException a line that is not {@code id@version empreinte}, named by its number */
    static VersionsPubliees lire(String texte) {
        Map<String, String> empreintes = new LinkedHashMap<>();
        List<String> lignes = texte.lines().toList();
        for (int i = 0; i < lignes.size(); i++) {
            String ligne = lignes.get(i).trim();
            if (ligne.isEmpty() || ligne.startsWith("#")) {
                continue;
            }
            String[] champs = ligne.split("\\s+");
            if (champs.length != 2 || !champs[0].contains("@") || !champs[1].startsWith("sha256:")) {
                throw new VerrouIllisibleException(FICHIER + " ligne " + (i + 1) + " : « " + ligne
                        + " » ; attendu : id@version sha256:…");
            }
            empreintes.put(champs[0], champs[1]);
        }
        return new VersionsPubliees(empreintes);
    }

    /** The file of a repository ({@code racine}), or of the jar when {@code racine} is null; none: nothing published. */
    public static VersionsPubliees de(Path racine) {
        if (racine == null) {
            return lire(Ressources.texte(ChargeurPacks.RESSOURCE_TERRITOIRES + "/versions.lock"));
        }
        try {
            return lire(Files.readString(racine.resolve(FICHIER)));
        } catch (NoSuchFileException e) {
            return new VersionsPubliees(Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Null when the version is published with this content; else what is wrong, in French, and what to do. */
    public String ecart(Pack p) {
        String publiee = empreintes.get(p.reference());
        if (publiee == null) {
            return null;
        }
        return publiee.equals(p.empreinte()) ? null : p.reference() + " a changé depuis sa publication (empreinte "
                + p.empreinte() + " au lieu de " + publiee + ") : publier une nouvelle version plutôt que modifier celle-ci";
    }

    /** Whether the version is listed, whatever its content. */
    public boolean publiee(Pack p) {
        return empreintes.containsKey(p.reference());
    }

    /** The line that publishes this version. */
    public static String ligne(Pack p) {
        return p.reference() + " " + p.empreinte();
    }

    /** Each version of the registry changed since its publication, or not published: what the build refuses. */
    public List<String> ecarts(RegistrePacks registre) {
        List<String> ecarts = new ArrayList<>();
        for (List<Pack> versions : registre.packs()) {
            for (Pack p : versions) {
                String ecart = ecart(p);
                if (ecart != null) {
                    ecarts.add(ecart);
                } else if (!publiee(p)) {
                    ecarts.add(p.reference() + " n'est pas dans versions.lock : ajouter « " + ligne(p) + " »");
                }
            }
        }
        return ecarts;
    }
}
