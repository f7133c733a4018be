package fr.harmonie.dossiers;

import fr.harmonie.comptes.Utilisateur;
import fr.harmonie.json.Citations;
import fr.harmonie.json.Horodatage;
import fr.harmonie.json.Json;
import fr.harmonie.stockage.ActionJournal;
import fr.harmonie.web.ProblemeHttpException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * La liste de contrôle d'un dossier déposé : chaque pièce requise par l'évaluation scellée de son dernier dépôt (la
 * liste harmonisée, avec ce que la pièce doit contenir), et ce que l'instructeur en a jugé. Le collègue à qui le
 * dossier est confié reprend où il en était, et la demande de compléments nomme les pièces jugées non conformes.
 */
@Repository
class ControleDesPieces {

    static final List<String> ETATS = List.of("A_VERIFIER", "CONFORME", "NON_CONFORME");

    private final JdbcClient jdbc;
    private final EvaluationsStore evaluations;
    private final DossiersStore dossiers;

    ControleDesPieces(JdbcClient jdbc, EvaluationsStore evaluations, DossiersStore dossiers) {
        this.jdbc = jdbc;
        this.evaluations = evaluations;
        this.dossiers = dossiers;
    }

    /** The pieces of the deposit's sealed evaluation, each with the instructeur's last judgment, and their count by state. */
    Map<String, Object> liste(DossierStocke d) {
        Map<String, Map<String, Object>> juges = new HashMap<>();
        jdbc.sql("SELECT code, etat, commentaire, qui, quand FROM controle_piece WHERE dossier_id = ?").param(d.id()).query(rs -> {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("etat", rs.getString(2));
            if (rs.getString(3) != null) {
                j.put("commentaire", rs.getString(3));
            }
            j.put("qui", rs.getString(4));
            OffsetDateTime quand = rs.getObject(5, OffsetDateTime.class);
            j.put("quand", Horodatage.enTexte(quand));
            // Judged on an earlier deposit: the answer to compléments may have changed the piece since.
            j.put("avantDernierDepot", d.deposeLe() != null && quand.isBefore(d.deposeLe()));
            juges.put(rs.getString(1), j);
        });
        Map<String, Long> bilan = new LinkedHashMap<>();
        ETATS.forEach(e -> bilan.put(e, 0L));
        List<Map<String, Object>> pieces = new ArrayList<>();
        for (JsonNode requise : piecesRequises(d)) {
            Map<String, Object> p = new LinkedHashMap<>();
            String code = requise.get("code").asString();
            p.put("code", code);
            p.put("libelle", requise.get("libelle").asString());
            p.put("bloquante", requise.get("bloquante").asBoolean());
            p.put("statutAuDepot", requise.get("statut").asString());
            if (requise.has("attendus")) {
                p.put("attendus", requise.get("attendus").asString());
            }
            Map<String, Object> juge = juges.getOrDefault(code, Map.of("etat", "A_VERIFIER"));
            p.putAll(juge);
            bilan.merge((String) juge.get("etat"), 1L, Long::sum);
            pieces.add(p);
        }
        Map<String, Object> corps = new LinkedHashMap<>();
        // A dossier deposited before deposits were sealed (V8 found no evaluation for it) has no checklist to show.
        if (d.evaluationDepot() != null) {
            corps.put("evaluationDepot", d.evaluationDepot().toString());
        }
        if (d.deposeLe() != null) {
            corps.put("deposeLe", Horodatage.enTexte(d.deposeLe()));
        }
        corps.put("bilan", bilan);
        corps.put("pieces", pieces);
        return corps;
    }

    /**
     * The instructeur's judgment of one piece of the checklist, replacing the previous one, and its journal line. A code
     * that is not on the checklist is refused with the codes that are.
     */
    @Transactional
    void juger(Utilisateur u, DossierStocke d, String codeEcrit, String etatEcrit, String commentaire) {
        String code = codeEcrit.strip().toUpperCase(Locale.ROOT);
        List<String> codes = new ArrayList<>();
        piecesRequises(d).forEach(p -> codes.add(p.get("code").asString()));
        if (!codes.contains(code)) {
            throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Pièce hors de la liste de contrôle", "« "
                    + Citations.abregee(codeEcrit, 60) + " » n'est pas une pièce requise au dépôt de ce dossier" + (codes.isEmpty()
                    ? " : il a été déposé avant que les dépôts soient scellés, et n'a pas de liste de contrôle."
                    : " ; celles-ci le sont : " + String.join(", ", codes) + "."));
        }
        String etat = etatEcrit == null ? null : etatEcrit.strip().toUpperCase(Locale.ROOT);
        if (etat == null || !ETATS.contains(etat)) {
            throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "État inconnu", "« etat » vaut " + String.join(", ", ETATS)
                    + (etatEcrit == null ? "." : " (reçu : « " + Citations.abregee(etatEcrit, 40) + " »)."));
        }
        jdbc.sql("""
                INSERT INTO controle_piece (dossier_id, code, etat, commentaire, qui) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (dossier_id, code) DO UPDATE SET etat = excluded.etat, commentaire = excluded.commentaire,
                    qui = excluded.qui, quand = now()""")
                .params(d.id(), code, etat, commentaire, u.identifiant()).update();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("code", code);
        detail.put("etat", etat);
        dossiers.journal(u.identifiant(), ActionJournal.CONTROLE_PIECE, d.id(), Json.MAPPER.writeValueAsString(detail));
    }

    /** The pieces the deposit's sealed evaluation requires, in its order (the catalogue's). */
    private List<JsonNode> piecesRequises(DossierStocke d) {
        List<JsonNode> pieces = new ArrayList<>();
        if (d.evaluationDepot() != null) {
            evaluations.piecesRequises(d.evaluationDepot()).ifPresent(json -> Json.MAPPER.readTree(json).forEach(pieces::add));
        }
        return pieces;
    }
}
