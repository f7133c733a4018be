package fr.harmonie.bench;

import fr.harmonie.dossier.Dossier;
import fr.harmonie.dossier.LecteurDossier;
import java.io.IOException;
import java.io.InputStream;

/**
 * The dossier every benchmark measures: Les Jardins de la Combe, Dijon (golden 01): 2 lots, 18 logements,
 * 4 ressources, 10 pièces. One dossier for all benches, so that their figures compare.
 */
public final class DossierDeBanc {

    private DossierDeBanc() {
    }

    public static byte[] json() throws IOException {
        try (InputStream in = DossierDeBanc.class.getClassLoader().getResourceAsStream("golden/01-construction-neuve-dijon/dossier.json")) {
            return in.readAllBytes();
        }
    }

    public static Dossier dossier() throws IOException {
        return new LecteurDossier().lire(json());
    }
}
