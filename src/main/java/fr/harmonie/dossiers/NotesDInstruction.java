package fr.harmonie.dossiers;

import fr.harmonie.comptes.Role;
import fr.harmonie.comptes.Utilisateur;
import fr.harmonie.json.Horodatage;
import fr.harmonie.json.Json;
import fr.harmonie.stockage.ActionJournal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Les notes d'instruction en base (V30, en ajout seul), et qui les lit : les instructeurs et la DREAL, jamais le bailleur. */
@Repository
class NotesDInstruction {

    private final JdbcClient jdbc;
    private final DossiersStore dossiers;

    NotesDInstruction(JdbcClient jdbc, DossiersStore dossiers) {
        this.jdbc = jdbc;
        this.dossiers = dossiers;
    }

    static boolean lisibles(Utilisateur u) {
        return u.role() == Role.INSTRUCTEUR || u.role() == Role.DREAL;
    }

    /** The note written, as the API shows it, and its journal line (within the caller's transaction). */
    Map<String, Object> ecrire(UUID dossier, String qui, String texte) {
        Map<String, Object> ecrite = jdbc.sql("INSERT INTO note_instruction (dossier_id, qui, texte) VALUES (?, ?, ?)"
                        + " RETURNING id, quand, qui, texte")
                .params(dossier, qui, texte).query((rs, n) -> enJson(rs)).single();
        dossiers.journal(qui, ActionJournal.NOTE_INSTRUCTION, dossier, Json.MAPPER.writeValueAsString(Map.of("note", ecrite.get("id"))));
        return ecrite;
    }

    /** The dossier's notes, oldest first. */
    List<Map<String, Object>> du(UUID dossier) {
        return jdbc.sql("SELECT id, quand, qui, texte FROM note_instruction WHERE dossier_id = ? ORDER BY id").param(dossier)
                .query((rs, n) -> enJson(rs)).list();
    }

    /**
     * How many notes each of {@code ids} has, zeros included, for a reader of notes; none at all for anyone else, whose
     * reading of a dossier says nothing of them.
     */
    Map<UUID, Long> nombres(List<UUID> ids, Utilisateur u) {
        Map<UUID, Long> nombres = new HashMap<>();
        if (!lisibles(u) || ids.isEmpty()) {
            return nombres;
        }
        ids.forEach(id -> nombres.put(id, 0L));
        jdbc.sql("SELECT dossier_id, count(*) FROM note_instruction WHERE dossier_id IN (:ids) GROUP BY dossier_id")
                .param("ids", ids).query(rs -> {
                    nombres.put(rs.getObject(1, UUID.class), rs.getLong(2));
                });
        return nombres;
    }

    private static Map<String, Object> enJson(ResultSet rs) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", rs.getLong("id"));
        m.put("quand", Horodatage.enTexte(rs.getObject("quand", OffsetDateTime.class)));
        m.put("qui", rs.getString("qui"));
        m.put("texte", rs.getString("texte"));
        return m;
    }
}
