package fr.harmonie.regles;

import java.time.LocalDate;
import java.util.List;

/** Le fichier {@code pack.yaml} d'un pack. */
public record Manifeste(
        String id,
        String libelle,
        String niveau,
        String parent,
        String version,
        LocalDate validFrom,
        LocalDate validUntil,
        Perimetre perimetre,
        List<String> sources) {

    public Manifeste {
        sources = sources == null ? List.of() : List.copyOf(sources);
        perimetre = perimetre == null ? Perimetre.VIDE : perimetre;
    }

    /**
     * Où le pack s'applique: des départements, des communes (codes INSEE) et des EPCI, dont les communes membres
     * viennent du jeu de données géographique, jamais d'une liste tapée à la main.
     */
    public record Perimetre(List<String> departements, List<String> communes, List<String> epci) {

        static final Perimetre VIDE = new Perimetre(null, null, null);

        public Perimetre {
            departements = departements == null ? List.of() : List.copyOf(departements);
            communes = communes == null ? List.of() : List.copyOf(communes);
            epci = epci == null ? List.of() : List.copyOf(epci);
        }

        public boolean estVide() {
            return departements.isEmpty() && communes.isEmpty() && epci.isEmpty();
        }
    }

    /** Sa période en français: « à partir du 2027-01-01 », ou « du 2025-01-01 au 2025-12-31 ». */
    public String periode() {
        return validUntil == null ? "à partir du " + validFrom : "du " + validFrom + " au " + validUntil;
    }

    public boolean enVigueurLe(LocalDate date) {
        return !date.isBefore(validFrom) && (validUntil == null || !date.isAfter(validUntil));
    }
}
