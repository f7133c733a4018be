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
        List<String> sources) {

    public Manifeste {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    public boolean enVigueurLe(LocalDate date) {
        return !date.isBefore(validFrom) && (validUntil == null || !date.isAfter(validUntil));
    }
}
