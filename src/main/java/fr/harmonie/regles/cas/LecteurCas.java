package fr.harmonie.regles.cas;

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
        List<Cas> tous = new ArrayList<>();
        for (Map.Entry<String, String> f : pack.cas().entrySet()) {
            Fichier fichier;
            try {
                fichier = Json.YAML.readValue(f.getValue(), Fichier.class);
            } catch (JacksonException e) {
                throw new PackInvalideException("pack " + pack.reference() + ", " + f.getKey() + " ligne "
                        + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + " : cas illisibles : "
                        + e.getOriginalMessage(), e);
            }
            if (fichier == null || fichier.cas() == null) {
                continue;
            }
            for (Cas c : fichier.cas()) {
                if (c.regle() == null || c.nom() == null || c.declenche() == null) {
                    throw new PackInvalideException("pack " + pack.reference() + ", " + f.getKey()
                            + " : chaque cas a une règle, un nom et « declenche »");
                }
                Cas complet = c.dossier() == null && fichier.dossier() != null
                        ? new Cas(c.regle(), c.nom(), fichier.dossier(), c.modifier(), c.declenche(), c.anomalies(),
                        c.pieces(), c.maturite(), c.etapes(), null)
                        : c;
                tous.add(complet.dans(f.getKey()));
            }
        }
        return tous;
    }
}
