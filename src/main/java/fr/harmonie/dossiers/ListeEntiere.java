package fr.harmonie.dossiers;

import fr.harmonie.comptes.Utilisateur;
import fr.harmonie.regles.faits.Fr;
import fr.harmonie.web.Pagination;
import fr.harmonie.web.ProblemeHttpException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The whole filtered list at once, for the spreadsheet (or a tool reading the dossiers whole): a file opened with a
 * double click shows no {@code Link} header, so its first page of 500 read as the whole queue of a service that holds
 * more, with nothing to say so. Read by pages in one repeatable-read snapshot (a dossier deposited again meanwhile
 * neither appears twice nor goes missing), and refused beyond {@value #AU_PLUS} dossiers rather than cut.
 */
@Component
class ListeEntiere {

    /** About a region's dossiers over several years; some 10 MB of CSV. */
    static final int AU_PLUS = 10_000;

    record Lue(long nombre, List<DossierStocke> dossiers, Map<UUID, DossiersStore.DerniereEvaluation> evaluations) { }

    private final DossiersStore store;
    private final TransactionTemplate instantane;

    ListeEntiere(DossiersStore store, TransactionTemplate transaction) {
        this.store = store;
        this.instantane = Instantanes.enLectureSeule(transaction);
    }

    Lue lire(Utilisateur u, DossiersStore.Filtre filtre) {
        return instantane.execute(enCours -> {
            long nombre = store.nombreVisibles(u, filtre);
            if (nombre > AU_PLUS) {
                throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Liste trop longue pour un seul fichier",
                        "Le filtre retient " + Fr.nombre(nombre, 0) + " dossiers ; un fichier en tient au plus "
                                + Fr.nombre(AU_PLUS, 0) + ". Filtrez la liste (statut, territoire, commune, niveau, siren, phase,"
                                + " instructeur, decision, dates de dépôt : deposeDu, deposeAu, rejetImpliciteAvant, modifieDepuis) ou lisez-la par pages (limite=500, puis"
                                + " l'adresse de l'en-tête Link, rel=\"next\").");
            }
            List<DossierStocke> dossiers = new ArrayList<>();
            Map<UUID, DossiersStore.DerniereEvaluation> evaluations = new HashMap<>();
            List<DossierStocke> page;
            DossierStocke dernier = null;
            do {
                page = store.visibles(u, filtre, dernier, Pagination.LIMITE);
                dossiers.addAll(page);
                evaluations.putAll(store.dernieresEvaluations(page.stream().map(DossierStocke::id).toList()));
                dernier = page.isEmpty() ? null : page.get(page.size() - 1);
            } while (page.size() == Pagination.LIMITE);
            return new Lue(nombre, dossiers, evaluations);
        });
    }
}
