package fr.harmonie.dossiers;

import fr.harmonie.comptes.Role;
import fr.harmonie.comptes.Utilisateur;
import fr.harmonie.json.Json;
import fr.harmonie.json.Citations;
import fr.harmonie.stockage.ActionJournal;
import fr.harmonie.web.ProblemeHttpException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Un dossier confié par son service à l'un de ses instructeurs ({@code CONFIER}) : la file d'un instructeur absent en
 * décembre passe à un collègue, un chef de service répartit les dépôts. Seul {@code instructeur} change : ni le statut,
 * ni rien de ce que le bailleur lit d'autre ; sans cette étape, un dossier pris en instruction restait à celui qui
 * l'avait pris, et la part de chacun ({@code ?instructeur=}) n'était plus vraie dès qu'un collègue le reprenait.
 */
@Service
class AttributionDesDossiers {

    /**
     * The statuses a dossier is with its service in, and can be given to one of its instructeurs: those of a request
     * not yet decided, which its bailleur can still withdraw.
     */
    static final List<String> CONFIABLES = CycleDossier.RETIRABLES;

    private static final String CONFIABLES_SQL = "('" + String.join("', '", CONFIABLES) + "')";

    private final JdbcClient jdbc;
    private final DossiersStore dossiers;
    private final TransactionTemplate transaction;

    AttributionDesDossiers(JdbcClient jdbc, DossiersStore dossiers, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.dossiers = dossiers;
        this.transaction = transaction;
    }

    /** {@code versionLue}: as every instruction step, the version read (If-Match) or none. */
    void confier(Utilisateur u, DossierStocke d, CycleController.Instruction demande, boolean versionLue) {
        if (u.role() != Role.INSTRUCTEUR) {
            throw new ProblemeHttpException(HttpStatus.FORBIDDEN, "Accès refusé", "Seul un instructeur du territoire confie le dossier.");
        }
        if (demande.message() != null || demande.pieces() != null || demande.decision() != null) {
            // A message here would become the one the bailleur reads from the service, about an internal matter.
            throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Champ hors de CONFIER", "CONFIER prend « instructeur » seul :"
                    + " le bailleur n'a rien à lire de la répartition du service (ni « message », ni « pieces », ni « decision »).");
        }
        if (demande.instructeur() == null || demande.instructeur().isBlank()) {
            throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Instructeur requis", "Dites à qui le dossier est confié :"
                    + " « instructeur », l'identifiant d'un compte de votre service (celui que donne GET /api/v1/moi).");
        }
        // As a login reads it: « Elodie.Martin » is the account elodie.martin.
        String identifiant = demande.instructeur().strip().toLowerCase(Locale.ROOT);
        if (!CONFIABLES.contains(d.statut())) {
            throw new ProblemeHttpException(HttpStatus.CONFLICT, "Dossier non confiable", "Le dossier est au statut " + d.statut()
                    + " : seul un dossier déposé, en instruction ou en attente de compléments se confie à un instructeur"
                    + (d.statut().equals("INSTRUIT") ? " ; son instruction est close." : d.statut().equals("RETIRE")
                    ? " ; le bailleur a retiré sa demande." : "."));
        }
        // Not any account: one of the caller's own service, which sees the dossier; whether the name exists elsewhere is
        // not told, as the list's filter does not tell it.
        boolean duService = jdbc.sql("SELECT EXISTS (SELECT 1 FROM compte WHERE identifiant = ? AND organisation_id = ?"
                        + " AND role = 'INSTRUCTEUR' AND actif)").params(identifiant, u.organisation()).query(Boolean.class).single();
        if (!duService) {
            throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Instructeur inconnu", "« " + Citations.abregee(identifiant, 60)
                    + " » n'est pas un compte actif de votre service instructeur : le dossier se confie à l'un de ses instructeurs.");
        }
        if (identifiant.equals(d.instructeur())) {
            throw new ProblemeHttpException(HttpStatus.CONFLICT, "Déjà confié", "Le dossier est déjà confié à « " + identifiant + " ».");
        }
        transaction.executeWithoutResult(t -> {
            int n = jdbc.sql("UPDATE dossier SET instructeur = ?, version = version + 1, modifie_le = now(), modifie_par = ?"
                            + " WHERE id = ? AND statut IN " + CONFIABLES_SQL + " AND version = coalesce(?::int, version)")
                    .params(identifiant, u.identifiant(), d.id(), versionLue ? d.version() : null).update();
            if (n != 1) {
                throw IfMatch.nonEcrit(d, dossiers.visible(d.id(), u).orElseThrow(), versionLue, "Dossier non confiable",
                        "que vous le confiiez");
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("territoire", d.territoire());
            detail.put("instructeur", identifiant);
            if (d.instructeur() != null) {
                detail.put("instructeurPrecedent", d.instructeur());
            }
            dossiers.journal(u.identifiant(), ActionJournal.CONFIER, d.id(), Json.MAPPER.writeValueAsString(detail));
        });
    }
}
