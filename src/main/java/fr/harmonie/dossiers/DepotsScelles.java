package fr.harmonie.dossiers;

import fr.harmonie.evaluation.Evaluateur;
import fr.harmonie.json.Json;
import fr.harmonie.rapport.RapportEvaluation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

/**
 * Which deposit sealed an evaluation, read from the dossier's journal: what the bailleur said with it and, for an answer
 * to compléments, the request it answers. A deposit's journal line does not name the evaluation it sealed, but the next
 * deposit names it as the one before ({@code evaluationDepotPrecedent}), and the dossier names its last one.
 */
@Repository
class DepotsScelles {

    private final JdbcClient jdbc;

    DepotsScelles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The deposit of {@code d} that sealed {@code evaluation}; null for an evaluation no deposit sealed. */
    RapportEvaluation.Depot depotQuiAScelle(DossierStocke d, UUID evaluation) {
        record Ligne(String action, JsonNode detail) { }
        List<Ligne> lignes = jdbc.sql("""
                SELECT action, detail FROM journal
                WHERE objet = ? AND action IN ('DEPOT', 'DEMANDER_COMPLEMENTS') ORDER BY id""")
                .param("dossier:" + d.id())
                .query((rs, n) -> new Ligne(rs.getString(1), Json.MAPPER.readTree(rs.getString(2) == null ? "{}" : rs.getString(2))))
                .list();
        List<JsonNode> depots = new ArrayList<>();
        List<JsonNode> demandes = new ArrayList<>(); // for each deposit, the request just before it, or null
        JsonNode demande = null;
        for (Ligne l : lignes) {
            if (l.action().equals("DEPOT")) {
                depots.add(l.detail());
                demandes.add(demande);
                demande = null;
            } else {
                demande = l.detail();
            }
        }
        for (int i = 0; i < depots.size(); i++) {
            String scellee = i + 1 < depots.size() ? depots.get(i + 1).path("evaluationDepotPrecedent").asString(null)
                    : d.evaluationDepot() == null ? null : d.evaluationDepot().toString();
            if (evaluation.toString().equals(scellee)) {
                return depot(depots.get(i), demandes.get(i), d);
            }
        }
        return null;
    }

    private static RapportEvaluation.Depot depot(JsonNode depot, JsonNode demande, DossierStocke d) {
        String message = depot.path("message").asString(null);
        // The request's four months, whatever has happened since: its deposit's report says them as an acknowledgement
        // of the request would (the report prints them for a request for agrément, the phase it sealed).
        LocalDate demandeLe = d.premierDepotLe() == null ? null : d.premierDepotLe().atZoneSameInstant(Evaluateur.PARIS).toLocalDate();
        LocalDate rejetImpliciteLe = demandeLe == null ? null : demandeLe.plus(RejetImplicite.DELAI);
        if (!depot.has("evaluationDepotPrecedent")) {
            return new RapportEvaluation.Depot(message, null, demandeLe, rejetImpliciteLe);
        }
        List<RapportEvaluation.PieceDemandee> pieces = depot.path("piecesDemandees").valueStream()
                .map(p -> new RapportEvaluation.PieceDemandee(p.path("code").asString(""), p.path("libelle").asString(""),
                        p.path("modifiee").asBoolean()))
                .toList();
        return new RapportEvaluation.Depot(message, new RapportEvaluation.Complements(
                demande == null ? null : demande.path("message").asString(null), pieces,
                depot.has("nombreChangements") ? depot.path("nombreChangements").asInt() : null,
                depot.path("changements").valueStream().map(c -> c.path("resume").asString("")).filter(r -> !r.isEmpty()).toList()),
                demandeLe, rejetImpliciteLe);
    }
}
