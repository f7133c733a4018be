package fr.harmonie.dossiers;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * The orders of the dossier list, each on one column of {@code dossier} (and the id, for keyset paging): by creation
 * (the bailleur's view), by last deposit (the queue in order of arrival, an answer to compléments included), by first
 * deposit (the date of each request: for requests for agrément, the order in which their four months of silence run
 * out, RejetImplicite), by the time each entered its status (statutDepuis: with {@code statut=COMPLEMENTS_DEMANDES},
 * the requests for compléments that have waited longest for their answer). The two deposit orders hold only the
 * dossiers deposited at least once.
 */
enum TriDeLaListe {
    CREATION("creation", "cree_le", DossierStocke::creeLe),
    DEPOT("depot", "depose_le", DossierStocke::deposeLe),
    PREMIER_DEPOT("premierDepot", "premier_depot_le", DossierStocke::premierDepotLe),
    STATUT_DEPUIS("statutDepuis", "statut_depuis", DossierStocke::statutDepuis);

    private final String nom;
    private final String colonne;
    private final Function<DossierStocke, OffsetDateTime> rang;

    TriDeLaListe(String nom, String colonne, Function<DossierStocke, OffsetDateTime> rang) {
        this.nom = nom;
        this.colonne = colonne;
        this.rang = rang;
    }

    /** As the query parameter writes it. */
    String nom() {
        return nom;
    }

    String colonne() {
        return colonne;
    }

    /** Where {@code d} stands in this order; null when it is not in it (never deposited). */
    OffsetDateTime rang(DossierStocke d) {
        return rang.apply(d);
    }

    /** Whether a dossier never deposited is left out. */
    boolean deposesSeulement() {
        return this == DEPOT || this == PREMIER_DEPOT;
    }

    /** The order written, whatever its case (« premierdepot ») or surrounding spaces, as statuses are read. */
    static Optional<TriDeLaListe> lire(String texte) {
        return Arrays.stream(values()).filter(t -> t.nom.equalsIgnoreCase(texte.strip())).findFirst();
    }
}
