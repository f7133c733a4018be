package fr.harmonie.dossiers;

import fr.harmonie.comptes.CompteAuthentifie;
import fr.harmonie.comptes.Role;
import fr.harmonie.comptes.Utilisateur;
import fr.harmonie.web.ProblemeHttpException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Le journal, en lecture seule: tout pour un administrateur, les dossiers de sa région pour une DREAL, rien pour les
 * autres. La base le tient en ajout seul: il n'y a pas d'API pour le modifier.
 */
@RestController
class JournalController {

    private static final int LIMITE = 500;

    private final JdbcClient jdbc;

    JournalController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/v1/journal")
    List<Map<String, Object>> lire(@AuthenticationPrincipal CompteAuthentifie compte) {
        Utilisateur u = compte.utilisateur();
        if (u.role() == Role.ADMIN) {
            return jdbc.sql("SELECT id, quand, qui, action, objet, detail::text FROM journal ORDER BY id DESC LIMIT " + LIMITE)
                    .query((rs, n) -> ligne(rs)).list();
        }
        if (u.role() == Role.DREAL) {
            return jdbc.sql("""
                    SELECT j.id, j.quand, j.qui, j.action, j.objet, j.detail::text FROM journal j
                    JOIN dossier d ON j.objet = 'dossier:' || d.id::text
                    WHERE d.region = ? AND d.statut <> 'BROUILLON' ORDER BY j.id DESC LIMIT\s""" + LIMITE)
                    .param(u.region()).query((rs, n) -> ligne(rs)).list();
        }
        throw new ProblemeHttpException(HttpStatus.FORBIDDEN, "Accès refusé", "Le journal est lu par l'administration et les DREAL.");
    }

    private static Map<String, Object> ligne(java.sql.ResultSet rs) throws java.sql.SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", rs.getLong(1));
        m.put("quand", rs.getObject(2, java.time.OffsetDateTime.class).toString());
        m.put("qui", rs.getString(3));
        m.put("action", rs.getString(4));
        m.put("objet", rs.getString(5));
        m.put("detail", rs.getString(6));
        return m;
    }
}
