package fr.harmonie.dossiers;

import fr.harmonie.comptes.Utilisateur;
import fr.harmonie.json.Horodatage;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Les autres demandes de la même opération : les dossiers déposés de la même organisation et de même référence (sans
 * égard à la casse ni aux espaces autour, comme la vérification des doubles au dépôt), de l'une et l'autre phase, que
 * l'appelant voit. L'instructeur qui ouvre une demande d'agrément y lit la programmation de l'opération, ou qu'elle suit
 * un refus, et pourquoi ; le bailleur, ses demandes précédentes. Un dossier sans référence n'en a pas : rien ne dit
 * alors quelle opération il porte.
 */
@Component
class AutresDemandes {

    private final JdbcClient jdbc;

    AutresDemandes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** For each of {@code ids}, its operation's other deposited dossiers that {@code u} sees, oldest request first. */
    Map<UUID, List<Map<String, Object>>> de(Collection<UUID> ids, Utilisateur u) {
        Map<UUID, List<Map<String, Object>>> autres = new HashMap<>();
        if (ids.isEmpty()) {
            return autres;
        }
        ids.forEach(id -> autres.put(id, new ArrayList<>()));
        Map<String, Object> parametres = new LinkedHashMap<>(DossiersStore.filtre(u));
        parametres.put("ids", List.copyOf(ids));
        // The columns of DossiersStore.VISIBLE, unqualified, are those of the other dossier: the one asked about is s.
        jdbc.sql("SELECT s.pour, id, coalesce(contenu->>'phase', 'AGREMENT'), statut, premier_depot_le, decision,"
                        + " message_instruction, message_retrait, statut_depuis FROM dossier"
                        + " JOIN (SELECT id AS pour, organisation_id AS organisation_du_dossier,"
                        + " lower(btrim(contenu->>'reference')) AS operation FROM dossier WHERE id IN (:ids)) s"
                        + " ON organisation_id = s.organisation_du_dossier AND id <> s.pour"
                        + " AND lower(btrim(contenu->>'reference')) = s.operation"
                        + " WHERE statut <> 'BROUILLON' AND " + DossiersStore.VISIBLE
                        + " ORDER BY premier_depot_le, id")
                .params(parametres).query(rs -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", rs.getObject(2, UUID.class).toString());
                    m.put("phase", rs.getString(3));
                    m.put("statut", rs.getString(4));
                    // Since when: for a request decided, the day of its decision; withdrawn, of its withdrawal.
                    m.put("statutDepuis", Horodatage.enTexte(rs.getObject(9, OffsetDateTime.class)));
                    OffsetDateTime premierDepot = rs.getObject(5, OffsetDateTime.class);
                    if (premierDepot != null) {
                        m.put("premierDepotLe", Horodatage.enTexte(premierDepot));
                    }
                    mettre(m, "decision", rs.getString(6));
                    mettre(m, "messageInstruction", rs.getString(7));
                    mettre(m, "messageRetrait", rs.getString(8));
                    autres.get(rs.getObject(1, UUID.class)).add(m);
                });
        return autres;
    }

    private static void mettre(Map<String, Object> m, String cle, String valeur) {
        if (valeur != null) {
            m.put(cle, valeur);
        }
    }
}
