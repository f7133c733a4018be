package fr.harmonie.regles;

import fr.harmonie.json.FautesDeSaisie;
import fr.harmonie.json.Json;
import fr.harmonie.catalogue.CataloguePieces;
import fr.harmonie.parametres.LecteurParametres;
import fr.harmonie.parametres.ParametreInvalideException;
import fr.harmonie.parametres.ParametresDates;
import fr.harmonie.parametres.Parametre;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Lit un pack depuis ses fichiers: {@code pack.yaml}, {@code regles/*.drl} et leurs {@code *.cas.yaml},
 * {@code parametres/*.yaml}, {@code catalogue/pieces.csv}.
 */
public final class LecteurPack {

    private LecteurPack() {
    }

    public static Pack lire(FichiersPack f) {
        Manifeste m = manifeste(f);
        SortedMap<String, String> regles = new TreeMap<>();
        SortedMap<String, String> cas = new TreeMap<>();
        Map<String, Parametre> parametres = new LinkedHashMap<>();
        CataloguePieces catalogue = CataloguePieces.VIDE;
        Surcharges surcharges = Surcharges.AUCUNE;
        for (String chemin : f.fichiers().keySet()) {
            String contenu = f.texte(chemin);
            String ou = "pack " + m.id() + "@" + m.version() + ", " + chemin;
            if (chemin.startsWith("regles/") && chemin.endsWith(".drl")) {
                regles.put(chemin, contenu);
            } else if (chemin.startsWith("regles/") && chemin.endsWith(".cas.yaml")) {
                cas.put(chemin, contenu);
            } else if (chemin.startsWith("parametres/") && chemin.endsWith(".yaml")) {
                try {
                    LecteurParametres.lire(ou, contenu).forEach((cle, p) -> {
                        if (parametres.putIfAbsent(cle, p) != null) {
                            throw new PackInvalideException(ou + " : paramètre « " + cle + " » défini deux fois");
                        }
                    });
                } catch (ParametreInvalideException e) {
                    throw new PackInvalideException(e.getMessage(), e);
                }
            } else if (chemin.equals("surcharges.yaml")) {
                try {
                    surcharges = Json.YAML.readValue(contenu, Surcharges.class);
                } catch (JacksonException e) {
                    // In the vocabulary but refused by its record (a condition written as an empty list), or outside it.
                    String quoi = e instanceof ValueInstantiationException ? "surcharge à corriger" : "surcharge hors du vocabulaire";
                    throw new PackInvalideException(ou + " ligne " + FautesDeSaisie.ligne(e, contenu) + " : " + quoi + " : "
                            + FautesDeSaisie.enFrancais(e), e);
                }
                if (surcharges == null) {
                    surcharges = Surcharges.AUCUNE;
                }
            } else if (chemin.equals("catalogue/pieces.csv")) {
                try {
                    catalogue = CataloguePieces.lireCsv(ou, contenu);
                } catch (IllegalArgumentException e) {
                    throw new PackInvalideException(e.getMessage(), e);
                }
            }
        }
        return new Pack(m, empreinte(f), regles, cas, new ParametresDates(parametres), catalogue, surcharges, f);
    }

    private static Manifeste manifeste(FichiersPack f) {
        String texte = f.texte("pack.yaml");
        if (texte == null) {
            throw new PackInvalideException(f.origine() + " : pack.yaml absent");
        }
        Manifeste m;
        try {
            m = Json.YAML.readValue(texte, Manifeste.class);
        } catch (JacksonException e) {
            throw new PackInvalideException(f.origine() + "/pack.yaml ligne " + FautesDeSaisie.ligne(e, texte) + " : "
                    + FautesDeSaisie.enFrancais(e), e);
        }
        if (m.id() == null || !m.id().matches("[a-z0-9][a-z0-9-]{1,63}")) {
            throw new PackInvalideException(f.origine() + "/pack.yaml : id absent ou invalide (minuscules, chiffres, tirets)");
        }
        if (m.version() == null || m.version().isBlank() || m.libelle() == null || m.niveau() == null || m.validFrom() == null) {
            throw new PackInvalideException(f.origine() + "/pack.yaml : id, libelle, niveau, version et validFrom sont obligatoires");
        }
        return m;
    }

    /** sha256 de tout le contenu du pack: chemins triés, chacun suivi de son contenu. */
    static String empreinte(FichiersPack f) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> e : f.fichiers().entrySet()) {
                sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(e.getValue());
                sha.update((byte) 0);
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
