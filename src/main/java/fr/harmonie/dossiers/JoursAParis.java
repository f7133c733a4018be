package fr.harmonie.dossiers;

import fr.harmonie.evaluation.Evaluateur;
import fr.harmonie.regles.faits.Fr;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/**
 * Les périodes que l'on écrit en jours (« du 1er au 31 décembre ») sont des jours de Paris, compris l'un et l'autre :
 * un instant est de la période s'il est à partir du {@link #debut} du premier et avant la {@link #fin} du dernier. La
 * liste, le journal et les statistiques les lisent ainsi.
 */
final class JoursAParis {

    private JoursAParis() {
    }

    /** Midnight in Paris, starting {@code jour}. */
    static OffsetDateTime debut(LocalDate jour) {
        return jour.atStartOfDay(Evaluateur.PARIS).toOffsetDateTime();
    }

    /** Midnight in Paris, ending {@code jour}: the start of the next day, excluded from the period. */
    static OffsetDateTime fin(LocalDate jour) {
        return debut(jour.plusDays(1));
    }

    /** « le 8 décembre 2026 à 2 h 10 (heure de Paris) »: an instant as a message to a person says it. */
    static String enFrancais(OffsetDateTime instant) {
        ZonedDateTime aParis = instant.atZoneSameInstant(Evaluateur.PARIS);
        return "le " + Fr.jour(aParis.toLocalDate()) + " à " + aParis.getHour() + " h " + String.format("%02d", aParis.getMinute())
                + " (heure de Paris)";
    }
}
