package fr.harmonie.regles.cas;

import fr.harmonie.json.FautesDeSaisie;
import fr.harmonie.json.Json;
import fr.harmonie.regles.Pack;
import fr.harmonie.regles.PackInvalideException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;

/** Lit les fichiers {@code regles/*.cas.yaml} d'un pack. */
public final class LecteurCas {

    private LecteurCas() {
    }

    record Fichier(String dossier, List<Cas> cas) { }

    public static List<Cas> lire(Pack pack) {
        return lire(pack.reference(), pack.cas());
    }

    /**
     * Lit des fichiers de cas (chemin → texte) écrits pour le pack {@code reference}: ceux du pack, ou des cas ajoutés
     * après sa publication, qui ne peuvent plus entrer dans son contenu.
     */
    public static List<Cas> lire(String reference, Map<String, String> fichiers) {
        List<Cas> tous = new ArrayList<>();
        for (Map.Entry<String, String> f : fichiers.entrySet()) {
            Fichier fichier;
            try {
                fichier = Json.YAML.readValue(f.getValue(), Fichier.class);
            } catch (JacksonException e) {
                throw new PackInvalideException("pack " + reference + ", " + f.getKey() + " ligne "
                        + FautesDeSaisie.ligne(e, f.getValue()) + " : cas illisibles : "
                        + FautesDeSaisie.enFrancais(e), e);
            }
            if (fichier == null || fichier.cas() == null) {
                continue;
            }
            for (Cas c : fichier.cas()) {
                if (c.regle() == null || c.nom() == null || c.declenche() == null) {
                    throw new PackInvalideException("pack " + reference + ", " + f.getKey()
                            + " : chaque cas a une règle, un nom et « declenche »");
                }
                tous.add(c.dans(f.getKey(), fichier.dossier()));
            }
        }
        return tous;
    }
}
