package fr.harmonie.dossiers;

import fr.harmonie.evaluation.Evaluateur;
import java.time.LocalDate;
import java.time.OffsetDateTime;

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
}
