package fr.harmonie.dossiers;

import fr.harmonie.evaluation.Evaluateur;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * When the service's silence would be worth a rejection of the request: « Lorsqu'une réponse du représentant de l'Etat
 * dans le département n'est pas intervenue dans un délai maximum de quatre mois à compter de la date de la demande de
 * décision favorable, cette demande est réputée rejetée » (former article R. 331-6 of the CCH, as consolidated in 2018,
 * archeo-lex; ../shared/domain/reference.md §1). The date of the request is its first deposit: an answer to compléments
 * deposits the same request again. Only a request for agrément (a programming request is not a demande de décision
 * favorable) still awaiting its decision (deposited, in instruction, awaiting compléments) has one: once decided or
 * withdrawn, the silence no longer means anything. An instructeur triaging his queue in December reads it; the bailleur
 * reads from when his request would be deemed rejected. Whether an answer to compléments starts the délai again is not
 * in the domain reference: counted from the request, as the text says, the day given is the earliest it can be.
 */
final class RejetImplicite {

    /** The délai of the former R. 331-6 (four months from the request). */
    static final Period DELAI = Period.ofMonths(4);

    /** The source said with the date, in the API's description and the README. */
    static final String SOURCE = "ancien article R. 331-6 du CCH (version consolidée de 2018) : sans réponse dans les quatre mois"
            + " de la demande de décision favorable, elle est réputée rejetée";

    /** The statuses of a request still awaiting its decision. */
    private static final List<String> EN_ATTENTE = CycleDossier.RETIRABLES;

    /**
     * In SQL, on a row of {@code dossier}: {@link #le}, null when it has none. PostgreSQL adds months as
     * {@link LocalDate#plusMonths} does (31 October + 4 months = 28 February).
     */
    static final String JOUR_SQL = "(CASE WHEN premier_depot_le IS NOT NULL AND coalesce(contenu->>'phase', 'AGREMENT') = 'AGREMENT'"
            + " AND statut IN ('" + String.join("', '", EN_ATTENTE) + "')"
            + " THEN ((premier_depot_le AT TIME ZONE 'Europe/Paris')::date + interval '" + DELAI.getMonths() + " months')::date END)";

    private RejetImplicite() {
    }

    /**
     * Whether a request for agrément first deposited at {@code premierDepot} and decided at {@code decision} was decided
     * after its silence had been worth rejection: on a later day (Paris) than the last of its four months.
     */
    static boolean depasse(Instant premierDepot, Instant decision) {
        return decision.atZone(Evaluateur.PARIS).toLocalDate().isAfter(premierDepot.atZone(Evaluateur.PARIS).toLocalDate().plus(DELAI));
    }

    /**
     * The last day (Paris) of the four months of the request {@code d}: not decided by its end, the request is deemed
     * rejected. Null for a programming request, or one decided or withdrawn.
     */
    static LocalDate le(DossierStocke d) {
        Object phase = d.apercu().get("phase");
        if (d.premierDepotLe() == null || !EN_ATTENTE.contains(d.statut()) || (phase != null && !phase.equals("AGREMENT"))) {
            return null;
        }
        return d.premierDepotLe().atZoneSameInstant(Evaluateur.PARIS).toLocalDate().plus(DELAI);
    }
}
