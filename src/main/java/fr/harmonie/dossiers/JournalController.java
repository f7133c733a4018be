package fr.harmonie.dossiers;

import fr.harmonie.comptes.CompteAuthentifie;
import fr.harmonie.comptes.Role;
import fr.harmonie.comptes.Utilisateur;
import fr.harmonie.json.Citations;
import fr.harmonie.json.Horodatage;
import fr.harmonie.json.Json;
import fr.harmonie.web.Pagination;
import fr.harmonie.web.ProblemeHttpException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Le journal, en lecture seule: tout pour un administrateur, les dossiers de sa région pour une DREAL, rien pour les
 * autres. La base le tient en ajout seul: il n'y a pas d'API pour le modifier. Il se lit par pages, du plus récent au
 * plus ancien, jusqu'à sa première ligne: un audit remonte aussi loin qu'il le faut.
 */
@RestController
@Tag(name = "Journal", description = "Qui a fait quoi, en lecture seule.")
class JournalController {

    private final JdbcClient jdbc;

    JournalController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * {@code avant}: the lines older than this id (the next page, which the {@code Link} header gives); {@code objet}
     * (say {@code dossier:<id>} or {@code compte:<identifiant>}) and {@code action}: only those lines.
     */
    @Operation(summary = "Lire le journal : qui a fait quoi (administration ; DREAL pour sa région)",
            description = "Filtres : objet (dossier:<id>, compte:<identifiant>…), action, qui (l'auteur des lignes, un"
                    + " identifiant de compte), du et au (jours AAAA-MM-JJ à Paris, compris l'un et l'autre).")
    @ApiResponse(responseCode = "200", description = "Les lignes du journal, par pages.")
    @ApiResponse(responseCode = "403", description = "Compte qui n'est ni administrateur ni DREAL.")
    @GetMapping("/api/v1/journal")
    ResponseEntity<List<Map<String, Object>>> lire(@AuthenticationPrincipal CompteAuthentifie compte,
                                                   @RequestParam(required = false) Long avant,
                                                   @RequestParam(required = false) Integer limite,
                                                   @RequestParam(name = "objet", required = false) String objetEcrit,
                                                   @RequestParam(name = "action", required = false) String actionEcrite,
                                                   @RequestParam(name = "qui", required = false) String quiEcrit,
                                                   @RequestParam(required = false) String du,
                                                   @RequestParam(required = false) String au) {
        Utilisateur u = compte.utilisateur();
        if (u.role() != Role.ADMIN && u.role() != Role.DREAL) {
            throw new ProblemeHttpException(HttpStatus.FORBIDDEN, "Accès refusé", "Le journal est lu par l'administration et les DREAL.");
        }
        int taille = Pagination.taille(limite, "lignes");
        String objet = FiltresDuJournal.objet(objetEcrit);
        String action = FiltresDuJournal.action(actionEcrite);
        if (u.role() == Role.DREAL) {
            FiltresDuJournal.dUnDossier(objet, action);
        }
        String qui = FiltresDuJournal.qui(quiEcrit);
        LocalDate[] jours = FiltresDuJournal.jours(du, au);
        String conditions = (avant == null ? "" : " AND j.id < :avant") + (objet == null ? "" : " AND j.objet = :objet")
                + (action == null ? "" : " AND j.action = :action") + (qui == null ? "" : " AND j.qui = :qui")
                + (jours[0] == null ? "" : " AND j.quand >= :du") + (jours[1] == null ? "" : " AND j.quand < :lendemainDuDernierJour");
        String sql;
        if (u.role() == Role.ADMIN) {
            sql = "SELECT j.id, j.quand, j.qui, j.action, j.objet, j.detail::text FROM journal j WHERE true" + conditions;
        } else {
            sql = """
                    SELECT j.id, j.quand, j.qui, j.action, j.objet, j.detail::text FROM journal j
                    JOIN dossier d ON j.objet = 'dossier:' || d.id::text
                    WHERE d.region = :region AND d.statut <> 'BROUILLON'""" + conditions;
        }
        Map<String, Object> parametres = new LinkedHashMap<>();
        parametres.put("region", u.region() == null ? "" : u.region());
        parametres.put("avant", avant == null ? 0L : avant);
        parametres.put("objet", objet == null ? "" : objet);
        parametres.put("action", action == null ? "" : action);
        parametres.put("qui", qui == null ? "" : qui);
        if (jours[0] != null) {
            parametres.put("du", JoursAParis.debut(jours[0]));
        }
        if (jours[1] != null) {
            parametres.put("lendemainDuDernierJour", JoursAParis.fin(jours[1]));
        }
        if (qui != null) {
            refuserUnAuteurInconnu(qui, u);
        }
        List<Map<String, Object>> lignes = jdbc.sql(sql + " ORDER BY j.id DESC LIMIT " + taille).params(parametres)
                .query((rs, n) -> ligne(rs)).list();
        Map<String, Object> suivante = new LinkedHashMap<>();
        suivante.put("avant", lignes.isEmpty() ? null : lignes.get(lignes.size() - 1).get("id"));
        suivante.put("objet", objet);
        suivante.put("action", action);
        suivante.put("qui", qui);
        suivante.put("du", jours[0]);
        suivante.put("au", jours[1]);
        ResponseEntity.BodyBuilder reponse = Pagination.page(lignes.size(), taille, "/api/v1/journal", suivante);
        return reponse.body(lignes);
    }

    /**
     * A name no line can be by (« e.martin » for « elodie.martin ») would read as « this account did nothing » to the
     * person auditing: refused. An administrateur is told whether it is an account; a DREAL only whether it acted on
     * a dossier of its région, which is all it may read, so that no account name of another région is learnt this way.
     */
    private void refuserUnAuteurInconnu(String qui, Utilisateur u) {
        boolean connu = u.role() == Role.ADMIN
                ? jdbc.sql("SELECT EXISTS (SELECT 1 FROM compte WHERE identifiant = :qui) OR EXISTS (SELECT 1 FROM journal WHERE qui = :qui)")
                        .param("qui", qui).query(Boolean.class).single()
                : jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM journal j JOIN dossier d ON j.objet = 'dossier:' || d.id::text
                                       WHERE j.qui = :qui AND d.region = :region AND d.statut <> 'BROUILLON')""")
                        .param("qui", qui).param("region", u.region() == null ? "" : u.region()).query(Boolean.class).single();
        if (!connu) {
            throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Auteur inconnu", "« " + Citations.abregee(qui, 60) + " » "
                    + (u.role() == Role.ADMIN ? "n'est pas un compte, et aucune ligne du journal n'est de lui."
                    : "n'a rien fait que vous puissiez lire au journal (les dossiers de votre région)."));
        }
    }

    /** One journal line as the API shows it. */
    static Map<String, Object> ligne(ResultSet rs) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", rs.getLong(1));
        m.put("quand", Horodatage.enTexte(rs.getObject(2, OffsetDateTime.class)));
        m.put("qui", rs.getString(3));
        m.put("action", rs.getString(4));
        m.put("objet", rs.getString(5));
        String detail = rs.getString(6);
        m.put("detail", detail == null ? null : Json.MAPPER.readTree(detail));
        return m;
    }
}
