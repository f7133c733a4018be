package fr.harmonie.dossier;

import java.util.List;

/** Un lot par produit de financement. */
public record Lot(Produit produit, Double loyerZoneM2, Double margeLocale, Double loyerMensuelM2, List<Logement> logements) {

    public Lot {
        margeLocale = margeLocale == null ? 0.0 : margeLocale;
        logements = List.copyOf(logements);
    }

    public record Logement(
            String designation,
            Typologie typologie,
            double surfaceHabitable,
            Double surfaceAnnexes,
            Double surfaceUtile,
            Double loyerMensuel) {

        public Logement {
            surfaceAnnexes = surfaceAnnexes == null ? 0.0 : surfaceAnnexes;
        }
    }

    public enum Typologie { T1, T1BIS, T2, T3, T4, T5, T6, T7 }
}
