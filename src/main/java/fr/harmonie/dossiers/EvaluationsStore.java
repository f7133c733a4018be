package fr.harmonie.dossiers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class EvaluationsStore {

    /** {@code localisation}: null for evaluations sealed before it was kept (migration V6). */
    record EvaluationStockee(UUID id, UUID dossier, String par, String creeLe, String entree, String chaine, String resultat,
                             String empreinte, String localisation) { }

    private final JdbcClient jdbc;

    EvaluationsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void sceller(UUID id, UUID dossier, String par, String entree, String chaine, String resultat, String empreinte,
                 String localisation) {
        jdbc.sql("""
                INSERT INTO evaluation (id, dossier_id, par, entree, chaine, resultat, empreinte, localisation)
                VALUES (?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?::jsonb)""")
                .params(id, dossier, par, entree, chaine, resultat, empreinte, localisation).update();
    }

    List<EvaluationStockee> duDossier(UUID dossier) {
        return jdbc.sql("SELECT * FROM evaluation WHERE dossier_id = ? ORDER BY cree_le, id").param(dossier)
                .query(EvaluationsStore::lue).list();
    }

    Optional<EvaluationStockee> parId(UUID id) {
        return jdbc.sql("SELECT * FROM evaluation WHERE id = ?").param(id).query(EvaluationsStore::lue).optional();
    }

    private static EvaluationStockee lue(ResultSet rs, int ligne) throws SQLException {
        return new EvaluationStockee(rs.getObject("id", UUID.class), rs.getObject("dossier_id", UUID.class), rs.getString("par"),
                rs.getObject("cree_le", OffsetDateTime.class).toString(), rs.getString("entree"), rs.getString("chaine"),
                rs.getString("resultat"), rs.getString("empreinte"), rs.getString("localisation"));
    }
}
