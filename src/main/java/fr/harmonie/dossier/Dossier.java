package fr.harmonie.dossier;

import java.time.LocalDate;
import java.util.List;

/** Un dossier au format 1. {@code dateReference} peut être absente: l'évaluateur la fixe alors à aujourd'hui (Europe/Paris). */
public record Dossier(
        String formatVersion,
        String reference,
        Phase phase,
        LocalDate dateReference,
        String territoire,
        MaitreOuvrage maitreOuvrage,
        Operation operation,
        List<PieceDeclaree> pieces) {

    public Dossier {
        phase = phase == null ? Phase.AGREMENT : phase;
        pieces = pieces == null ? List.of() : List.copyOf(pieces);
    }

    public Dossier avecDateReference(LocalDate date) {
        return new Dossier(formatVersion, reference, phase, date, territoire, maitreOuvrage, operation, pieces);
    }
}
