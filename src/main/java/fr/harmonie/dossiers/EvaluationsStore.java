package fr.harmonie.dossiers;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class EvaluationsStore {

    record EvaluationStockee(UUID id, UUID dossier, String par, String creeLe, String entree, String chaine, String resultat,
                             String empreinte) { }

    private final JdbcClient jdbc;

    EvaluationsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void sceller(UUID id, UUID dossier, String par, String entree, String chaine, String resultat, String empreinte) {
        jdbc.sql("""
                INSERT INTO evaluation (id, dossier_id, par, entree, chaine, resultat, empreinte)
                VALUES (?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?)""")
                .params(id, dossier, par, entree, chaine, resultat, empreinte).update();
    }

    List<EvaluationStockee> duDossier(UUID dossier) {
        return jdbc.sql("SELECT * FROM evaluation WHERE dossier_id = ? ORDER BY cree_le, id").param(dossier).query(
                (rs, n) -> new EvaluationStockee(rs.getObject("id", UUID.class), dossier, rs.getString("par"),
                        rs.getObject("cree_le", java.time.OffsetDateTime.class).toString(), rs.getString("entree"),
                        rs.getString("chaine"), rs.getString("resultat"), rs.getString("empreinte"))).list();
    }

    Optional<EvaluationStockee> parId(UUID id) {
        return jdbc.sql("SELECT * FROM evaluation WHERE id = ?").param(id).query(
                (rs, n) -> new EvaluationStockee(id, rs.getObject("dossier_id", UUID.class), rs.getString("par"),
                        rs.getObject("cree_le", java.time.OffsetDateTime.class).toString(), rs.getString("entree"),
                        rs.getString("chaine"), rs.getString("resultat"), rs.getString("empreinte"))).optional();
    }
}
