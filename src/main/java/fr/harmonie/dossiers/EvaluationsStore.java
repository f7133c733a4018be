package fr.harmonie.dossiers;

import fr.harmonie.json.Horodatage;
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

    /**
     * {@code localisation}: null for evaluations sealed before it was kept (migration V6). {@code entree}, {@code chaine}
     * and {@code localisation} are null in a list, which shows the result only.
     */
    record EvaluationStockee(UUID id, UUID dossier, String par, String creeLe, String entree, String chaine, String resultat,
                             String empreinte, String localisation) { }

    private static final String SANS_ENTREE =
            "id, dossier_id, par, cree_le, NULL AS entree, NULL AS chaine, resultat, empreinte, NULL AS localisation";

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

    /**
     * One page of a dossier's evaluations, oldest first, after {@code apres} (the last of the previous page, or null).
     * Without their inputs: a dossier of 2 MiB evaluated two hundred times does not load 400 MiB to list them.
     */
    List<EvaluationStockee> duDossier(UUID dossier, EvaluationStockee apres, int limite) {
        var requete = jdbc.sql("SELECT " + SANS_ENTREE + " FROM evaluation WHERE dossier_id = :dossier"
                        + (apres == null ? "" : " AND (cree_le, id) > (:apresLe, :apres)")
                + " ORDER BY cree_le, id LIMIT :limite").param("dossier", dossier).param("limite", limite);
        if (apres != null) {
            requete = requete.param("apresLe", OffsetDateTime.parse(apres.creeLe())).param("apres", apres.id());
        }
        return requete.query(EvaluationsStore::lue).list();
    }

    /** One evaluation as a list shows it: where a client resumes a list, without reading the input it sealed. */
    Optional<EvaluationStockee> resumee(UUID id) {
        return jdbc.sql("SELECT " + SANS_ENTREE + " FROM evaluation WHERE id = ?").param(id).query(EvaluationsStore::lue).optional();
    }

    long nombre(UUID dossier) {
        return jdbc.sql("SELECT count(*) FROM evaluation WHERE dossier_id = ?").param(dossier).query(Long.class).single();
    }

    /** The pieces its result requires ({@code piecesRequises}, JSON), without reading its input (up to 2 MiB). */
    Optional<String> piecesRequises(UUID id) {
        return jdbc.sql("SELECT resultat -> 'piecesRequises' FROM evaluation WHERE id = ?").param(id).query(String.class).optional();
    }

    Optional<EvaluationStockee> parId(UUID id) {
        return jdbc.sql("SELECT * FROM evaluation WHERE id = ?").param(id).query(EvaluationsStore::lue).optional();
    }

    private static EvaluationStockee lue(ResultSet rs, int ligne) throws SQLException {
        return new EvaluationStockee(rs.getObject("id", UUID.class), rs.getObject("dossier_id", UUID.class), rs.getString("par"),
                Horodatage.enTexte(rs.getObject("cree_le", OffsetDateTime.class)), rs.getString("entree"), rs.getString("chaine"),
                rs.getString("resultat"), rs.getString("empreinte"), rs.getString("localisation"));
    }
}
