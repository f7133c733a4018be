package fr.harmonie.dossiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;

import fr.harmonie.ClientHttp;
import fr.harmonie.DossiersDeTest;
import fr.harmonie.HorlogeReglable;
import fr.harmonie.ServiceDeTest;
import fr.harmonie.Socle;
import fr.harmonie.evaluation.SchemaResultat;
import fr.harmonie.json.Json;
import fr.harmonie.regles.faits.Localisation;
import fr.harmonie.territoires.RegistreCourant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Le parcours d'un dossier à Rouen: le bailleur le crée, l'évalue, le dépose; l'instructeur de la Métropole le voit
 * et demande des compléments; le bailleur complète et redépose. Chaque évaluation est scellée et vérifiable.
 */
@ServiceDeTest
// The registry is a Mockito spy here, stubbed by a test while the service runs: a background preparation of the chains
// calling it at that moment would take the stub for its own (Mockito stubs are not thread-safe).
@TestPropertySource(properties = "harmonie.packs.prechauffage=0")
class CycleDossierTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @MockitoSpyBean
    RegistreCourant registre;

    @Autowired
    HorlogeReglable horloge;

    @Autowired
    CycleDossier cycle;

    @Autowired
    ActiviteDesTerritoires activite;

    private HttpResponse<String> appeler(String methode, String chemin, String compte, String corps, String ifMatch) throws Exception {
        return ClientHttp.appeler(port, methode, chemin, compte, corps, ifMatch);
    }

    private static JsonNode json(HttpResponse<String> r) {
        return Json.MAPPER.readTree(r.body());
    }

    /** Created by {@code bailleur}: its id. */
    private String creer(String corps) throws Exception {
        return json(appeler("POST", "/api/v1/dossiers", "bailleur", corps, null)).get("id").asString();
    }

    private HttpResponse<String> deposer(String id) throws Exception {
        return appeler("POST", "/api/v1/dossiers/" + id + "/depot", "bailleur", null, null);
    }

    private HttpResponse<String> deposerAvec(String id, String type, String corps) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/dossiers/" + id + "/depot"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("bailleur:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(corps)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The row of the dossier {@code id} in the instructeur's list as a spreadsheet reads it, by column name. */
    private Map<String, String> ligneCsv(String adresse, String id) throws Exception {
        String csv = appeler("GET", adresse, "instructeur", null, null).body();
        return TableurLu.lignes(csv).stream()
                .filter(l -> l.get("identifiant").equals(id)).findFirst().orElseThrow().toMap();
    }

    private static String dossierRouen() throws Exception {
        return DossiersDeTest.uneOperation(Files.readString(Path.of("rules/cas/agrement.json")))
                .replace("\"356000000\"", "\"732829320\"").replace("\"21231\"", "\"76540\"");
    }

    @Test
    void creerEvaluerDeposerInstruireCompleterRedeposer() throws Exception {
        String rouen = dossierRouen();
        String id = json(appeler("POST", "/api/v1/dossiers", "bailleur", rouen, null)).get("id").asString();

        HttpResponse<String> evaluation = appeler("POST", "/api/v1/dossiers/" + id + "/evaluations", "bailleur", null, null);
        assertThat(evaluation.statusCode()).isEqualTo(201);
        String idEvaluation = json(evaluation).get("id").asString();
        assertThat(SchemaResultat.ecarts(Json.MAPPER.writeValueAsString(json(evaluation).get("resultat")))).isEmpty();
        // The dossier edited and sent with the evaluation, as if it evaluated what was sent: it would not; refused, unsealed.
        HttpResponse<String> avecUnCorps = appeler("POST", "/api/v1/dossiers/" + id + "/evaluations", "bailleur", rouen, null);
        assertThat(avecUnCorps.statusCode()).isEqualTo(400);
        assertThat(json(avecUnCorps).get("detail").asString()).isEqualTo("L'évaluation porte sur le dossier tel qu'il est gardé :"
                + " elle ne lit pas de corps. Pour évaluer un autre contenu, le garder d'abord (PUT /api/v1/dossiers/" + id
                + ", avec If-Match), puis l'évaluer ; ou l'évaluer sans le garder : POST /api/v1/evaluations.");
        assertThat(json(appeler("GET", "/api/v1/dossiers/" + id + "/evaluations", "bailleur", null, null))).hasSize(1);
        // Where the creation's Location says: the sealed evaluation, with its input and its chain, for whoever sees the dossier.
        String ou = evaluation.headers().firstValue("Location").orElseThrow();
        JsonNode scellee = json(appeler("GET", ou, "bailleur", null, null));
        assertThat(scellee.get("id").asString()).isEqualTo(idEvaluation);
        // The receipt covers the whole result: the same receipt, stored and answered, is the same result.
        assertThat(scellee.get("empreinte").asString()).isEqualTo(json(evaluation).get("resultat").get("empreinte").asString())
                .isEqualTo(scellee.get("resultat").get("empreinte").asString());
        assertThat(scellee.get("entree").get("operation").get("commune").get("codeInsee").asString()).isEqualTo("76540");
        assertThat(scellee.get("chaine").toString()).contains("metropole-rouen-normandie@");
        assertThat(appeler("GET", ou, "bailleur2", null, null).statusCode()).isEqualTo(404);
        JsonNode verification = json(appeler("GET", "/api/v1/evaluations/" + idEvaluation + "/verification", "bailleur", null, null));
        assertThat(verification.get("concorde").asBoolean()).isTrue();
        assertThat(appeler("GET", "/api/v1/evaluations/" + idEvaluation + "/verification", "bailleur2", null, null).statusCode()).isEqualTo(404);

        assertThat(appeler("GET", "/api/v1/dossiers/" + id, "instructeur", null, null).statusCode()).isEqualTo(404);
        HttpResponse<String> depot = appeler("POST", "/api/v1/dossiers/" + id + "/depot", "bailleur", null, null);
        assertThat(depot.statusCode()).isEqualTo(200);
        assertThat(json(depot).get("territoire").asString()).isEqualTo("metropole-rouen-normandie");
        assertThat(json(depot).has("nombreChangements")).as("un premier dépôt ne se compare à rien").isFalse();
        assertThat(appeler("POST", "/api/v1/dossiers/" + id + "/depot", "bailleur", null, null).statusCode()).isEqualTo(409);
        // Deposited, the dossier no longer changes, even with its current ETag.
        HttpResponse<String> luApresDepot = appeler("GET", "/api/v1/dossiers/" + id, "bailleur", null, null);
        HttpResponse<String> modifie = appeler("PUT", "/api/v1/dossiers/" + id, "bailleur", dossierRouen().replace("\"pieces\": [",
                "\"pieces\": [{\"code\": \"AVIS_COMMUNE\", \"fournie\": true},"), luApresDepot.headers().firstValue("ETag").orElseThrow());
        assertThat(modifie.statusCode()).isEqualTo(409);
        assertThat(json(modifie).get("detail").asString())
                .isEqualTo("Un dossier au statut DEPOSE ne se modifie pas (seulement BROUILLON ou COMPLEMENTS_DEMANDES) : il est entre"
                        + " les mains du service instructeur, qui le rouvre à la modification en demandant des compléments.");
        assertThat(appeler("GET", "/api/v1/dossiers/" + id, "bailleur", null, null).headers().firstValue("ETag"))
                .isEqualTo(luApresDepot.headers().firstValue("ETag"));

        JsonNode depose = json(appeler("GET", "/api/v1/dossiers/" + id, "instructeur", null, null));
        assertThat(depose.get("statut").asString()).isEqualTo("DEPOSE");
        assertThat(depose.get("chaineDepot").findValuesAsString("id"))
                .containsExactly("national", "region-28", "metropole-rouen-normandie");
        String evaluationDepot = json(depot).get("evaluation").asString();
        assertThat(depose.get("evaluationDepot").asString()).isEqualTo(evaluationDepot);
        // The instructeur sees what the bailleur deposited: the deposit's evaluation replayed, with its receipt.
        JsonNode parInstructeur = json(appeler("POST", "/api/v1/dossiers/" + id + "/evaluations", "instructeur", null, null)).get("resultat");
        String empreinteDuDepot = null;
        for (JsonNode e : json(appeler("GET", "/api/v1/dossiers/" + id + "/evaluations", "instructeur", null, null))) {
            if (e.get("id").asString().equals(evaluationDepot)) {
                empreinteDuDepot = e.get("empreinte").asString();
            }
        }
        assertThat(parInstructeur.get("territoire").get("resolution").asString()).isEqualTo("commune 76540 (Rouen) → Métropole Rouen Normandie");
        assertThat(parInstructeur.get("empreinte").asString()).isEqualTo(empreinteDuDepot);
        // Replayed on the chain that today's dossiers use, since the service serves the deposit's versions: not on a
        // second compilation of the same packs, which would cost its first reader a second and as much memory again.
        assertThat(cycle.chainesRejoueesApart()).doesNotContain(
                depose.get("chaineDepot").valueStream().map(p -> p.get("id").asString() + "@" + p.get("version").asString()).toList());
        assertThat(appeler("GET", "/api/v1/dossiers/" + id, "dreal28", null, null).statusCode()).isEqualTo(200);
        assertThat(appeler("GET", "/api/v1/dossiers/" + id, "instructeur38", null, null).statusCode()).isEqualTo(404);
        assertThat(appeler("GET", "/api/v1/dossiers/" + id, "dreal", null, null).statusCode()).isEqualTo(404);
        assertThat(appeler("GET", "/api/v1/dossiers/" + id, "bailleur2", null, null).statusCode()).isEqualTo(404);

        String prendre = "{\"action\": \"PRENDRE_EN_INSTRUCTION\"}";
        assertThat(appeler("POST", "/api/v1/dossiers/" + id + "/instruction", "bailleur", prendre, null).statusCode()).isEqualTo(403);
        assertThat(appeler("POST", "/api/v1/dossiers/" + id + "/instruction", "dreal28", prendre, null).statusCode()).isEqualTo(403);
        assertThat(appeler("POST", "/api/v1/dossiers/" + id + "/instruction", "instructeur38", prendre, null).statusCode()).isEqualTo(404);
        HttpResponse<String> tropTot = appeler("POST", "/api/v1/dossiers/" + id + "/instruction", "instructeur",
                "{\"action\": \"INSTRUIRE\"}", null);
        assertThat(tropTot.statusCode()).isEqualTo(409);
        assertThat(json(tropTot).get("detail").asString()).isEqualTo("Le dossier est au statut DEPOSE ; « INSTRUIRE » part du statut"
                + " EN_INSTRUCTION : le prendre d'abord en instruction (PRENDRE_EN_INSTRUCTION).");
        // Written in lower case, as the journal's filter reads it too; the journal keeps the action's name (history below).
        assertThat(appeler("POST", "/api/v1/dossiers/" + id + "/instruction", "instructeur", prendre.toLowerCase(Locale.ROOT), null)
                .statusCode()).isEqualTo(200);
        assertThat(json(appeler("POST", "/api/v1/dossiers/" + id + "/instruction", "instructeur", prendre, null)).get("detail").asString())
                .endsWith("part du statut DEPOSE : il est déjà en instruction.");
        assertThat(appeler("POST", "/api/v1/dossiers/" + id + "/instruction", "instructeur",
                "{\"action\": \"DEMANDER_COMPLEMENTS\"}", null).statusCode()).isEqualTo(400);
        assertThat(appeler("POST", "/api/v1/dossiers/" + id + "/instruction", "instructeur",
                "{\"action\": \"DEMANDER_COMPLEMENTS\", \"message\": \"" + "x".repeat(10_001) + "\"}", null).statusCode()).isEqualTo(400);
        assertThat(appeler("POST", "/api/v1/dossiers/" + id + "/instruction", "instructeur",
                "{\"action\": \"DEMANDER_COMPLEMENTS\", \"message\": \"Merci de joindre l'avis de la commune.\"}", null).statusCode()).isEqualTo(200);
        assertThat(json(appeler("POST", "/api/v1/dossiers/" + id + "/instruction", "instructeur", "{\"action\": \"INSTRUIRE\"}", null))
                .get("detail").asString()).endsWith(" : des compléments sont demandés au bailleur ; le dossier revient au statut"
                        + " DEPOSE quand il le redépose.");

        HttpResponse<String> lu = appeler("GET", "/api/v1/dossiers/" + id, "bailleur", null, null);
        assertThat(json(lu).get("statut").asString()).isEqualTo("COMPLEMENTS_DEMANDES");
        assertThat(json(lu).get("messageInstruction").asString()).isEqualTo("Merci de joindre l'avis de la commune.");
        HttpResponse<String> complete = appeler("PUT", "/api/v1/dossiers/" + id, "bailleur",
                rouen.replace("\"pieces\": [", "\"pieces\": [{\"code\": \"AVIS_COMMUNE\", \"fournie\": true},"),
                lu.headers().firstValue("ETag").orElseThrow());
        assertThat(complete.statusCode()).isEqualTo(200);
        HttpResponse<String> reponse = appeler("POST", "/api/v1/dossiers/" + id + "/depot", "bailleur",
                "{\"message\": \"Avis de la commune joint.\"}", null);
        assertThat(reponse.statusCode()).isEqualTo(200);
        // The deposit itself says how many changes the instructeur will read, as the history below details them.
        assertThat(json(reponse).get("statut").asString()).isEqualTo("DEPOSE");
        assertThat(json(reponse).get("nombreChangements").asInt()).isEqualTo(1);
        JsonNode redepose = json(appeler("GET", "/api/v1/dossiers/" + id, "instructeur", null, null));
        assertThat(redepose.get("statut").asString()).isEqualTo("DEPOSE");
        assertThat(redepose.get("messageDepot").asString()).isEqualTo("Avis de la commune joint.");

        // Both sides read the same history: who did what, and the instructeur's message where it was written.
        JsonNode historique = json(appeler("GET", "/api/v1/dossiers/" + id + "/historique", "bailleur", null, null));
        assertThat(historique.valueStream().map(l -> l.get("qui").asString() + " " + l.get("action").asString()).toList())
                .containsExactly("bailleur CREATION", "bailleur EVALUATION", "bailleur EVALUATION", "bailleur DEPOT", "instructeur EVALUATION",
                        "instructeur PRENDRE_EN_INSTRUCTION", "instructeur DEMANDER_COMPLEMENTS", "bailleur MODIFICATION",
                        "bailleur EVALUATION", "bailleur DEPOT");
        assertThat(historique.get(6).get("detail").get("message").asString()).isEqualTo("Merci de joindre l'avis de la commune.");
        // The instructeur who asked reads what was changed, by the edit and between the two deposits: one piece added.
        String ajout = "[{\"op\": \"add\", \"path\": \"/pieces/0\", \"value\": {\"code\": \"AVIS_COMMUNE\", \"fournie\": true},"
                + " \"resume\": \"Ajout : pièce AVIS_COMMUNE\"}]";
        assertThat(historique.get(7).get("detail").get("changements")).isEqualTo(Json.MAPPER.readTree(ajout));
        JsonNode redepot = historique.get(9).get("detail");
        assertThat(redepot.get("changements")).isEqualTo(Json.MAPPER.readTree(ajout));
        assertThat(redepot.get("nombreChangements").asInt()).isEqualTo(1);
        assertThat(redepot.get("message").asString()).isEqualTo("Avis de la commune joint.");
        assertThat(redepot.get("evaluationDepotPrecedent").asString()).isEqualTo(evaluationDepot);
        assertThat(historique.get(3).get("detail").has("changements")).as("un premier dépôt ne se compare à rien").isFalse();
        assertThat(json(appeler("GET", "/api/v1/dossiers/" + id + "/historique", "instructeur", null, null))).isEqualTo(historique);
        assertThat(appeler("GET", "/api/v1/dossiers/" + id + "/historique", "instructeur38", null, null).statusCode()).isEqualTo(404);
        assertThat(appeler("GET", "/api/v1/dossiers/" + id + "/historique", "bailleur2", null, null).statusCode()).isEqualTo(404);

        // The administration's journal, page by page back to the first line: three pages of at most 4 lines, then none.
        List<JsonNode> pages = new ArrayList<>();
        String suivante = "/api/v1/journal?limite=4&objet=dossier:" + id;
        while (suivante != null) {
            HttpResponse<String> page = appeler("GET", suivante, "admin", null, null);
            pages.add(json(page));
            suivante = page.headers().firstValue("Link").map(l -> l.substring(1, l.indexOf('>'))).orElse(null);
        }
        assertThat(pages).extracting(JsonNode::size).containsExactly(4, 4, 2);
        List<JsonNode> relu = new ArrayList<>(pages.stream().flatMap(JsonNode::valueStream).toList());
        Collections.reverse(relu);
        assertThat(relu).containsExactlyElementsOf(historique.valueStream().toList());
        assertThat(appeler("GET", "/api/v1/journal?limite=0", "admin", null, null).statusCode()).isEqualTo(400);
        assertThat(appeler("GET", "/api/v1/journal?avant=abc", "admin", null, null).statusCode()).isEqualTo(400);
        // Filters as someone auditing types them: the action in any case; a filter no line can match says what to write
        // instead of an empty page that reads « nothing happened ».
        assertThat(json(appeler("GET", "/api/v1/journal?action=depot&objet=dossier:" + id.toUpperCase(), "admin", null, null))
                .valueStream().map(l -> l.get("id")).toList())
                .containsExactly(historique.get(9).get("id"), historique.get(3).get("id"));
        // Left empty, as a form sends its blank fields, a filter filters nothing.
        assertThat(json(appeler("GET", "/api/v1/journal?action=&objet=dossier:" + id, "admin", null, null))).hasSize(historique.size());
        assertThat(appeler("GET", "/api/v1/journal?objet=%20&action=", "admin", null, null).statusCode()).isEqualTo(200);
        assertThat(json(appeler("GET", "/api/v1/journal?action=DEPOSE", "admin", null, null)).get("detail").asString())
                .startsWith("« DEPOSE » n'est pas une action du journal. Ses actions, par objet : dossier : CREATION, MODIFICATION,")
                .contains(" DEPOT, ");
        assertThat(json(appeler("GET", "/api/v1/journal?objet=" + id, "admin", null, null)).get("detail").asString())
                .isEqualTo("L'objet d'un dossier s'écrit « dossier:" + id + " ».");
        assertThat(json(appeler("GET", "/api/v1/journal?objet=dossier:OPH-2026-12", "admin", null, null)).get("detail").asString())
                .contains("un dossier se retrouve par sa référence : GET /api/v1/dossiers?reference=OPH-2026-12");
        // A dossier's address written with its reference, as a bailleur's system that keeps only its own references would.
        HttpResponse<String> parSaReference = appeler("GET", "/api/v1/dossiers/OPH%202026-12", "bailleur", null, null);
        assertThat(parSaReference.statusCode()).isEqualTo(404);
        assertThat(json(parSaReference).get("detail").asString()).isEqualTo("« OPH 2026-12 » n'est pas l'identifiant d'un dossier, que"
                + " sa création donne (un UUID) ; un dossier se retrouve par sa référence : GET /api/v1/dossiers?reference=OPH+2026-12.");
        assertThat(json(appeler("POST", "/api/v1/dossiers/OPH-2026-12/depot", "bailleur", null, null)).get("detail").asString())
                .startsWith("« OPH-2026-12 » n'est pas l'identifiant d'un dossier");
        // A DREAL reads its région's dossiers' lines: an account's or a pack's would be an empty page, whatever happened.
        assertThat(json(appeler("GET", "/api/v1/journal?action=CREATION_COMPTE", "dreal28", null, null)).get("detail").asString())
                .startsWith("Une DREAL lit les lignes des dossiers de sa région : « CREATION_COMPTE » n'en concerne aucun.");
        assertThat(appeler("GET", "/api/v1/journal?objet=compte:bailleur", "dreal28", null, null).statusCode()).isEqualTo(400);
        assertThat(json(appeler("GET", "/api/v1/journal?action=DEPOT&objet=dossier:" + id, "dreal28", null, null))).hasSize(2);
        assertThat(appeler("GET", "/api/v1/journal?action=DEPOSE", "bailleur", null, null).statusCode())
                .as("qui ne lit pas le journal l'apprend avant ses filtres").isEqualTo(403);
        assertThatThrownBy(() -> jdbc.sql("UPDATE evaluation SET empreinte = 'x'").update())
                .hasMessageContaining("La table evaluation est en ajout seul : UPDATE refusé");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM evaluation").update()).hasMessageContaining("ajout seul : DELETE refusé");
    }

    /** The README's example, deposited: the demo has an instructeur for it, and only that one sees it. */
    @Test
    void unDossierDeposeHorsDesPacksTerritoriauxAUnInstructeurDeDemonstration() throws Exception {
        String dijon = Files.readString(Path.of("src/test/resources/exemples/construction-neuve-dijon.json"));
        String id = json(appeler("POST", "/api/v1/dossiers", "bailleur2", dijon, null)).get("id").asString();
        assertThat(appeler("POST", "/api/v1/dossiers/" + id + "/depot", "bailleur2", null, null).statusCode()).isEqualTo(200);

        assertThat(appeler("GET", "/api/v1/dossiers/" + id, "instructeur-socle", null, null).statusCode()).isEqualTo(200);
        assertThat(appeler("POST", "/api/v1/dossiers/" + id + "/instruction", "instructeur-socle",
                "{\"action\": \"PRENDRE_EN_INSTRUCTION\"}", null).statusCode()).isEqualTo(200);
        for (String autre : List.of("instructeur", "instructeur28", "instructeur38")) {
            assertThat(appeler("GET", "/api/v1/dossiers/" + id, autre, null, null).statusCode()).as(autre).isEqualTo(404);
        }
        String caen = DossiersDeTest.creer(port, "14118", true);
        assertThat(appeler("GET", "/api/v1/dossiers/" + caen, "instructeur28", null, null).statusCode()).isEqualTo(200);
        assertThat(appeler("GET", "/api/v1/dossiers/" + caen, "instructeur-socle", null, null).statusCode()).isEqualTo(404);
    }

    /** The territories whose chains are prepared first after a start: those with deposits in the last twelve months. */
    @Test
    void lActiviteDUnTerritoireSeLitDeSesDepotsDesDouzeDerniersMois() throws Exception {
        DossiersDeTest.creer(port, "14118", true);
        assertThat(activite.parActivite()).contains("region-28").doesNotContainNull();

        // Every deposit in Normandie outside Rouen, this test's and any other's, now thirteen months old.
        jdbc.sql("UPDATE dossier SET modifie_le = now() - interval '13 months' WHERE territoire = 'region-28'").update();
        assertThat(activite.parActivite()).doesNotContain("region-28");
    }

    /**
     * The administrative geography changes every 1 January (communes nouvelles) and with each update of Harmonie's
     * copy: an evaluation sealed since V6 keeps where the commune was placed and replays with it. One sealed before
     * (no localisation kept, copied here as such) replays with today's geography, as it always did.
     */
    @Test
    void uneEvaluationScelleeSeVerifieMemeApresUnChangementDeGeographie() throws Exception {
        String id = json(appeler("POST", "/api/v1/dossiers", "bailleur", dossierRouen(), null)).get("id").asString();
        // « {} », as some clients send with every POST, is no body: the evaluation is made.
        String scellee = json(appeler("POST", "/api/v1/dossiers/" + id + "/evaluations", "bailleur", "{}", null)).get("id").asString();
        String avantV6 = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO evaluation (id, dossier_id, par, entree, chaine, resultat, empreinte)
                SELECT ?::uuid, dossier_id, par, entree, chaine, resultat, empreinte FROM evaluation WHERE id = ?::uuid""")
                .params(avantV6, scellee).update();
        assertThat(concorde(avantV6)).isTrue();

        assertThat(appeler("POST", "/api/v1/dossiers/" + id + "/depot", "bailleur", null, null).statusCode()).isEqualTo(200);

        doReturn(new Localisation("76540", false, null, true, "commune 76540 absente du nouveau découpage", null, null, false, null))
                .when(registre).localiser(any());

        assertThat(concorde(scellee)).isTrue();
        assertThat(concorde(avantV6)).isFalse();
        // Nor does the new map block a dossier already deposited: it is judged with the commune as placed at deposit.
        JsonNode reevalue = json(appeler("POST", "/api/v1/dossiers/" + id + "/evaluations", "instructeur", null, null)).get("resultat");
        assertThat(reevalue.get("deposable").asBoolean()).isTrue();
        assertThat(reevalue.get("anomalies").findValuesAsString("code")).doesNotContain("COMMUNE_INCONNUE");
    }

    private boolean concorde(String evaluation) throws Exception {
        return json(appeler("GET", "/api/v1/evaluations/" + evaluation + "/verification", "bailleur", null, null)).get("concorde").asBoolean();
    }

    /**
     * The contract: without a dateReference, a dossier is judged at its date of deposit, the day it is in Paris:
     * deposited at half past midnight on New Year's Day (still 31 December in UTC), it is dated 1 January. Looked at
     * again weeks later (here: the deposit moved back to 20 December 2025 in the base), it keeps its deposit date.
     */
    @Test
    void unDossierDeposeSansDateEstRejugeALaDateDuDepot() throws Exception {
        String sansDate = dossierRouen().replace("\"dateReference\": \"2026-03-16\",", "");
        assertThat(sansDate).doesNotContain("dateReference");
        String id = json(appeler("POST", "/api/v1/dossiers", "bailleur", sansDate, null)).get("id").asString();
        horloge.regler(Instant.parse("2026-12-31T23:30:00Z"));
        HttpResponse<String> depot = appeler("POST", "/api/v1/dossiers/" + id + "/depot", "bailleur", null, null);
        assertThat(depot.statusCode()).isEqualTo(200);
        String jourDuDepot = json(depot).get("dateReference").asString();
        assertThat(jourDuDepot).isEqualTo("2027-01-01");
        assertThat(json(appeler("GET", "/api/v1/dossiers/" + id, "instructeur", null, null)).get("dateReferenceDepot").asString())
                .isEqualTo(jourDuDepot);

        jdbc.sql("UPDATE dossier SET date_reference_depot = '2025-12-20' WHERE id = ?::uuid").param(id).update();
        JsonNode reevaluation = json(appeler("POST", "/api/v1/dossiers/" + id + "/evaluations", "instructeur", null, null));

        assertThat(reevaluation.get("resultat").get("dateReference").asString()).isEqualTo("2025-12-20");
        assertThat(concorde(reevaluation.get("id").asString())).isTrue();
    }

    /**
     * A dossier deposited before its deposit's evaluation was kept (before migration V8, and not found by it) is judged
     * again on the chain frozen at its deposit, at the deposit's date, and says so; that evaluation's receipt verifies.
     */
    @Test
    void unDepotSansSonEvaluationEstRejugeSurLaChaineFigeeAuDepot() throws Exception {
        String id = json(appeler("POST", "/api/v1/dossiers", "bailleur", dossierRouen(), null)).get("id").asString();
        String evaluationDepot = json(appeler("POST", "/api/v1/dossiers/" + id + "/depot", "bailleur", null, null)).get("evaluation").asString();
        JsonNode depot = json(appeler("GET", "/api/v1/evaluations/" + evaluationDepot, "bailleur", null, null)).get("resultat");
        jdbc.sql("UPDATE dossier SET evaluation_depot = NULL WHERE id = ?::uuid").param(id).update();

        JsonNode rejugee = json(appeler("POST", "/api/v1/dossiers/" + id + "/evaluations", "instructeur", null, null));

        JsonNode r = rejugee.get("resultat");
        assertThat(r.get("territoire").get("resolution").asString()).isEqualTo(
                "chaîne figée au dépôt : " + Socle.REFERENCE + " > region-28@2026.1 > metropole-rouen-normandie@2026.1");
        assertThat(r.get("territoire").get("packs")).isEqualTo(depot.get("territoire").get("packs"));
        assertThat(r.get("dateReference")).isEqualTo(depot.get("dateReference"));
        assertThat(r.get("piecesRequises").findValuesAsString("statut")).isEqualTo(depot.get("piecesRequises").findValuesAsString("statut"));
        assertThat(r.get("piecesRequises").findValuesAsString("code")).isEqualTo(depot.get("piecesRequises").findValuesAsString("code"));
        assertThat(r.get("anomalies").findValuesAsString("message")).isEqualTo(depot.get("anomalies").findValuesAsString("message"));
        assertThat(r.get("maturite").get("score")).isEqualTo(depot.get("maturite").get("score"));
        assertThat(concorde(rejugee.get("id").asString())).isTrue();
    }

    /**
     * Dated 1 June 2025, before Rouen's pack, a 5 % margin on PLAI passes a check (national cap 15 %). Deposited on 20
     * November 2026, it is judged by that day's packs, where Rouen allows no margin on PLAI: the deposit is refused,
     * and says why.
     */
    @Test
    void unDepotEstJugeAuJourDuDepotQuelleQueSoitLaDateDuDossier() throws Exception {
        String antidate = dossierRouen().replace("\"dateReference\": \"2026-03-16\"", "\"dateReference\": \"2025-06-01\"")
                .replace("\"margeLocale\": 0.0", "\"margeLocale\": 0.05");
        String id = json(appeler("POST", "/api/v1/dossiers", "bailleur", antidate, null)).get("id").asString();
        JsonNode verification = json(appeler("POST", "/api/v1/dossiers/" + id + "/evaluations", "bailleur", null, null)).get("resultat");
        assertThat(verification.get("deposable").asBoolean()).as(verification.toString()).isTrue();

        horloge.regler(Instant.parse("2026-11-20T10:00:00Z"));
        HttpResponse<String> depot = appeler("POST", "/api/v1/dossiers/" + id + "/depot", "bailleur", null, null);

        assertThat(depot.statusCode()).isEqualTo(409);
        assertThat(json(depot).get("detail").asString())
                .contains("Évalué au jour du dépôt, le 20 novembre 2026 (le dossier indique le 1er juin 2025)")
                .contains("Lot PLAI : marge locale de 5 %");
    }

    /** How the bailleur worked its draft out is its own: the instructeur reads that it was edited, not what it tried. */
    @Test
    void lHistoriqueNeMontrePasALInstructeurLesEssaisDuBrouillon() throws Exception {
        String rouen = dossierRouen();
        String id = creer(rouen);
        String etag = appeler("GET", "/api/v1/dossiers/" + id, "bailleur", null, null).headers().firstValue("ETag").orElseThrow();
        assertThat(appeler("PUT", "/api/v1/dossiers/" + id, "bailleur", rouen.replace("\"Dossier de base", "\"Essai : dossier de base"), etag).statusCode()).isEqualTo(200);
        assertThat(deposer(id).statusCode()).isEqualTo(200);

        JsonNode historique = json(appeler("GET", "/api/v1/dossiers/" + id + "/historique", "instructeur", null, null));
        JsonNode modification = historique.valueStream().filter(l -> l.get("action").asString().equals("MODIFICATION")).findFirst().orElseThrow();
        assertThat(modification.get("detail").isEmpty()).as(modification.toString()).isTrue();
    }

    /**
     * An answer to compléments that neither changes the dossier nor says a word is most often an edit not saved: it is
     * refused, with what was asked, instead of reaching an instructeur who has nothing new to read. A word is enough.
     */
    @Test
    void uneReponseAuxComplementsSansChangementNiMessageEstRefusee() throws Exception {
        String id = creer(dossierRouen());
        assertThat(deposer(id).statusCode()).isEqualTo(200);
        for (String action : List.of("{\"action\": \"PRENDRE_EN_INSTRUCTION\"}",
                "{\"action\": \"DEMANDER_COMPLEMENTS\", \"message\": \"Merci de joindre l'avis de la commune.\"}")) {
            assertThat(appeler("POST", "/api/v1/dossiers/" + id + "/instruction", "instructeur", action, null).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> vide = deposer(id);
        assertThat(vide.statusCode()).isEqualTo(409);
        assertThat(json(vide).get("type").asString()).isEqualTo("urn:harmonie:probleme:reponse-vide");
        assertThat(json(vide).get("detail").asString()).isEqualTo("Le dossier n'a pas changé depuis la demande de compléments"
                + " (« Merci de joindre l'avis de la commune. ») : enregistrer d'abord les modifications (PUT), ou dire au service"
                + " pourquoi rien ne change, dans « message »");
        assertThat(json(appeler("GET", "/api/v1/dossiers/" + id, "instructeur", null, null)).get("statut").asString())
                .isEqualTo("COMPLEMENTS_DEMANDES");

        assertThat(deposerAvec(id, "application/json", "{\"message\": \"L'avis est la pièce 4 du premier dépôt.\"}").statusCode())
                .isEqualTo(200);
    }

    /**
     * A deposit's body is optional: none, or {"message": …}. An empty body is none whatever it announces (curl -d ''
     * announces a form); a message misspelt or sent as plain text is refused and deposits nothing, rather than being
     * dropped while the bailleur believes the instructeur will read it.
     */
    @Test
    void unDepotPrendUnMessageOuRienEtNeLeJetteJamaisEnSilence() throws Exception {
        String vide = creer(dossierRouen());
        HttpResponse<String> formulaireVide = deposerAvec(vide, "application/x-www-form-urlencoded", "");
        assertThat(formulaireVide.statusCode()).as(formulaireVide.body()).isEqualTo(200);
        assertThat(json(appeler("GET", "/api/v1/dossiers/" + vide, "instructeur", null, null)).has("messageDepot")).isFalse();

        String id = creer(dossierRouen());
        HttpResponse<String> malEcrit = deposerAvec(id, "application/json", "{\"mesage\": \"Voici\"}");
        assertThat(malEcrit.statusCode()).isEqualTo(400);
        assertThat(json(malEcrit).get("detail").asString()).isEqualTo("Corps de la requête : propriété « mesage » inconnue (attendues : message).");
        assertThat(deposerAvec(id, "text/plain", "Voici").statusCode()).isEqualTo(415);
        // The message alone, as a JSON text, or a number where a text goes: what to send instead, nothing deposited.
        assertThat(json(deposerAvec(id, "application/json", "\"Voici l'avis\"")).get("detail").asString())
                .isEqualTo("Le corps de la requête doit être un objet JSON, entre accolades : {\"message\": …} (ses champs : /swagger-ui.html).");
        assertThat(json(deposerAvec(id, "application/json", "{\"message\": 4}")).get("detail").asString())
                .isEqualTo("« message » : « 4 » ne convient pas (attendu : un texte).");
        assertThat(json(appeler("GET", "/api/v1/dossiers/" + id, "bailleur", null, null)).get("statut").asString()).isEqualTo("BROUILLON");
        // A letter, not a file: every list of dossiers an instructeur reads shows it.
        HttpResponse<String> roman = deposerAvec(id, "application/json", "{\"message\": \"" + "é".repeat(10_001) + "\"}");
        assertThat(roman.statusCode()).isEqualTo(400);
        assertThat(json(roman).get("detail").asString()).isEqualTo("« message » fait 10 001 caractères ; 10 000 au plus.");
        assertThat(deposerAvec(id, "application/json", "{\"message\": \"" + "é".repeat(10_000) + "\"}").statusCode()).isEqualTo(200);
    }

    /**
     * Two people on one dossier: the bailleur's agent evaluates and deposits the version she reviewed, not a colleague's
     * edit made since; the instructeur closes the instruction he read, not one where compléments were asked, answered and taken
     * up again meanwhile (the same status, another dossier). If-Match was ignored on both: the step was taken blind.
     */
    @Test
    void unDepotEtUneInstructionPortentLaVersionLue() throws Exception {
        String id = creer(dossierRouen());
        String modifie = dossierRouen().replaceFirst("CAS-AGREMENT-\\d+", "CAS-MODIFIE-PAR-UN-COLLEGUE");
        assertThat(appeler("PUT", "/api/v1/dossiers/" + id, "bailleur", modifie, "\"1\"").statusCode()).isEqualTo(200);

        assertThat(appeler("POST", "/api/v1/dossiers/" + id + "/evaluations", "bailleur", null, "\"1\"").statusCode()).isEqualTo(412);
        assertThat(appeler("POST", "/api/v1/dossiers/" + id + "/evaluations", "bailleur", null, "\"2\"").statusCode()).isEqualTo(201);
        HttpResponse<String> deposePerime = appeler("POST", "/api/v1/dossiers/" + id + "/depot", "bailleur", null, "\"1\"");
        assertThat(deposePerime.statusCode()).isEqualTo(412);
        assertThat(json(deposePerime).get("detail").asString()).contains("version actuelle \"2\"");
        assertThat(json(appeler("GET", "/api/v1/dossiers/" + id, "bailleur", null, null)).get("statut").asString()).isEqualTo("BROUILLON");
        assertThat(appeler("POST", "/api/v1/dossiers/" + id + "/depot", "bailleur", null, "2").statusCode()).isEqualTo(400);
        assertThat(appeler("POST", "/api/v1/dossiers/" + id + "/depot", "bailleur", null, "\"2\"").statusCode()).isEqualTo(200);

        String instruction = "/api/v1/dossiers/" + id + "/instruction";
        assertThat(appeler("POST", instruction, "instructeur", "{\"action\": \"PRENDRE_EN_INSTRUCTION\"}", "\"3\"").statusCode()).isEqualTo(200);
        String luParLui = "\"4\"";
        // Meanwhile, a colleague asks for compléments, the bailleur answers, the colleague takes the dossier up again.
        assertThat(appeler("POST", instruction, "instructeur", "{\"action\": \"DEMANDER_COMPLEMENTS\", \"message\": \"Le plan.\"}", null)
                .statusCode()).isEqualTo(200);
        assertThat(appeler("POST", "/api/v1/dossiers/" + id + "/depot", "bailleur", "{\"message\": \"Le voici.\"}", null).statusCode())
                .isEqualTo(200);
        assertThat(appeler("POST", instruction, "instructeur", "{\"action\": \"PRENDRE_EN_INSTRUCTION\"}", null).statusCode()).isEqualTo(200);

        HttpResponse<String> instruitPerime = appeler("POST", instruction, "instructeur", "{\"action\": \"INSTRUIRE\"}", luParLui);
        assertThat(instruitPerime.statusCode()).isEqualTo(412);
        assertThat(json(instruitPerime).get("detail").asString()).contains("statut EN_INSTRUCTION").contains("relisez-le");
        JsonNode relu = json(appeler("GET", "/api/v1/dossiers/" + id, "instructeur", null, null));
        assertThat(relu.get("statut").asString()).isEqualTo("EN_INSTRUCTION");
        assertThat(appeler("POST", instruction, "instructeur", "{\"action\": \"INSTRUIRE\"}", "\"" + relu.get("version").asInt() + "\"")
                .statusCode()).isEqualTo(200);
    }

    /**
     * Each dossier says since when it is at its status: the instructeur sees how long a request for compléments has
     * waited for its answer, the bailleur and his spreadsheet the day of the decision. A step that keeps the status
     * (CONFIER, CORRIGER_DECISION) or an edit does not move it.
     */
    @Test
    void chaqueDossierDitDepuisQuandIlEstASonStatut() throws Exception {
        // Created and deposited first, asked for compléments last: first by creation, last by time at its status.
        String creePlusTot = creer(dossierRouen());
        assertThat(deposer(creePlusTot).statusCode()).isEqualTo(200);
        String id = creer(dossierRouen());
        String adresse = "/api/v1/dossiers/" + id;
        String instruction = adresse + "/instruction";
        JsonNode brouillon = json(appeler("GET", adresse, "bailleur", null, null));
        assertThat(instant(brouillon, "statutDepuis")).isEqualTo(instant(brouillon, "creeLe"));
        assertThat(deposer(id).statusCode()).isEqualTo(200);
        JsonNode depose = json(appeler("GET", adresse, "bailleur", null, null));
        assertThat(instant(depose, "statutDepuis")).isEqualTo(instant(depose, "deposeLe"));
        assertThat(appeler("POST", instruction, "instructeur", "{\"action\": \"PRENDRE_EN_INSTRUCTION\"}", null).statusCode()).isEqualTo(200);
        assertThat(statutDepuis(id)).isEqualTo(quandAuJournal(id, "PRENDRE_EN_INSTRUCTION"));
        assertThat(appeler("POST", instruction, "instructeur", "{\"action\": \"DEMANDER_COMPLEMENTS\", \"message\": \"Le plan de"
                + " masse manque.\"}", null).statusCode()).isEqualTo(200);
        java.time.OffsetDateTime demande = quandAuJournal(id, "DEMANDER_COMPLEMENTS");
        assertThat(statutDepuis(id)).isEqualTo(demande);

        // The bailleur edits his answer, the service gives the dossier to a colleague: still waiting since the request.
        JsonNode enComplements = json(appeler("GET", adresse, "bailleur", null, null));
        assertThat(appeler("PUT", adresse, "bailleur", enComplements.get("dossier").toString(), "\"" + enComplements.get("version").asInt()
                + "\"").statusCode()).isEqualTo(200);
        long service = json(appeler("GET", "/api/v1/moi", "instructeur", null, null)).get("organisation").asLong();
        assertThat(appeler("POST", "/api/v1/admin/comptes", "admin", "{\"identifiant\": \"collegue-du-statut\", \"motDePasse\":"
                + " \"un mot de passe assez long\", \"organisation\": " + service + "}", null).statusCode()).isEqualTo(201);
        assertThat(appeler("POST", instruction, "instructeur", "{\"action\": \"CONFIER\", \"instructeur\": \"collegue-du-statut\"}",
                null).statusCode()).isEqualTo(200);
        JsonNode confie = json(appeler("GET", adresse, "bailleur", null, null));
        assertThat(instant(confie, "modifieLe")).isAfter(demande);
        assertThat(instant(confie, "statutDepuis")).isEqualTo(demande);
        // The requests that have waited longest for their answer come first, whatever the order they were created in.
        for (String etape : new String[] {"{\"action\": \"PRENDRE_EN_INSTRUCTION\"}",
                "{\"action\": \"DEMANDER_COMPLEMENTS\", \"message\": \"Le prix de revient.\"}"}) {
            assertThat(appeler("POST", "/api/v1/dossiers/" + creePlusTot + "/instruction", "instructeur", etape, null).statusCode())
                    .isEqualTo(200);
        }
        List<JsonNode> enAttente = json(appeler("GET", "/api/v1/dossiers?statut=COMPLEMENTS_DEMANDES&tri=statutdepuis&limite=500",
                "instructeur", null, null)).valueStream().toList();
        List<String> parAttente = enAttente.stream().map(d -> d.get("id").asString()).toList();
        assertThat(parAttente.indexOf(id)).isNotNegative().isLessThan(parAttente.indexOf(creePlusTot));
        assertThat(enAttente).extracting(d -> instant(d, "statutDepuis")).isSorted();
        List<String> parCreation = json(appeler("GET", "/api/v1/dossiers?statut=COMPLEMENTS_DEMANDES&limite=500", "instructeur", null,
                null)).valueStream().map(d -> d.get("id").asString()).toList();
        assertThat(parCreation.indexOf(creePlusTot)).isNotNegative().isLessThan(parCreation.indexOf(id));
        // Those waiting since a day or before: today's request is among those of today, not among those of yesterday.
        java.time.LocalDate aujourdhui = demande.atZoneSameInstant(java.time.ZoneId.of("Europe/Paris")).toLocalDate();
        assertThat(json(appeler("GET", "/api/v1/dossiers?statut=COMPLEMENTS_DEMANDES&limite=500&statutDepuisAvant=" + aujourdhui,
                "instructeur", null, null)).valueStream().map(d -> d.get("id").asString()).toList()).contains(id);
        assertThat(json(appeler("GET", "/api/v1/dossiers?statut=COMPLEMENTS_DEMANDES&limite=500&statutDepuisAvant="
                + aujourdhui.minusDays(1), "instructeur", null, null)).valueStream().map(d -> d.get("id").asString()).toList())
                .doesNotContain(id);
        HttpResponse<String> premiere = appeler("GET", "/api/v1/dossiers?tri=statutDepuis&limite=1", "bailleur", null, null);
        assertThat(premiere.headers().firstValue("Link")).hasValueSatisfying(l -> assertThat(l).contains("tri=statutDepuis"));

        assertThat(deposerAvec(id, "application/json", "{\"message\": \"Plan de masse joint.\"}").statusCode()).isEqualTo(200);
        JsonNode repondu = json(appeler("GET", adresse, "bailleur", null, null));
        assertThat(instant(repondu, "statutDepuis")).isEqualTo(instant(repondu, "deposeLe")).isAfter(demande);
        assertThat(appeler("POST", instruction, "instructeur", "{\"action\": \"PRENDRE_EN_INSTRUCTION\"}", null).statusCode()).isEqualTo(200);
        assertThat(appeler("POST", instruction, "instructeur", "{\"action\": \"INSTRUIRE\", \"decision\": \"FAVORABLE\"}", null)
                .statusCode()).isEqualTo(200);
        java.time.OffsetDateTime decision = quandAuJournal(id, "INSTRUIRE");
        assertThat(statutDepuis(id)).isEqualTo(decision);
        assertThat(appeler("POST", instruction, "instructeur", "{\"action\": \"CORRIGER_DECISION\", \"decision\": \"DEFAVORABLE\","
                + " \"message\": \"Sens mal saisi.\"}", null).statusCode()).isEqualTo(200);
        assertThat(statutDepuis(id)).isEqualTo(decision);
        // The day of the decision, in the spreadsheet, at Paris time, and who changed the dossier last.
        assertThat(ligneCsv("/api/v1/dossiers?statut=INSTRUIT&format=csv", id).get("modifié par")).isEqualTo("instructeur");
        assertThat(ligneCsv("/api/v1/dossiers?statut=INSTRUIT&format=csv", id).get("statut depuis le")).isEqualTo(
                decision.atZoneSameInstant(java.time.ZoneId.of("Europe/Paris")).format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
    }

    private static java.time.OffsetDateTime instant(JsonNode dossier, String champ) {
        return java.time.OffsetDateTime.parse(dossier.get(champ).asString()).withOffsetSameInstant(java.time.ZoneOffset.UTC);
    }

    private java.time.OffsetDateTime statutDepuis(String id) throws Exception {
        return instant(json(appeler("GET", "/api/v1/dossiers/" + id, "instructeur", null, null)), "statutDepuis");
    }

    /** When the journal wrote the last line of this action on the dossier. */
    private java.time.OffsetDateTime quandAuJournal(String id, String action) throws Exception {
        return instant(json(appeler("GET", "/api/v1/journal?objet=dossier:" + id + "&action=" + action, "admin", null, null)).get(0), "quand");
    }

    @Test
    void laClotureDeLInstructionDitLeSensDeLaDecision() throws Exception {
        String id = creer(dossierRouen());
        assertThat(deposer(id).statusCode()).isEqualTo(200);
        String instruction = "/api/v1/dossiers/" + id + "/instruction";
        // Said with another step than the close: refused, and the step is not taken.
        HttpResponse<String> horsCloture = appeler("POST", instruction, "instructeur",
                "{\"action\": \"PRENDRE_EN_INSTRUCTION\", \"decision\": \"FAVORABLE\"}", null);
        assertThat(horsCloture.statusCode()).isEqualTo(400);
        assertThat(json(horsCloture).get("detail").asString()).isEqualTo("« decision » dit le sens de la décision qui clôt"
                + " l'instruction (INSTRUIRE, ou CORRIGER_DECISION une fois close), pas d'une étape « PRENDRE_EN_INSTRUCTION ».");
        assertThat(json(appeler("GET", "/api/v1/dossiers/" + id, "instructeur", null, null)).get("statut").asString()).isEqualTo("DEPOSE");
        assertThat(appeler("POST", instruction, "instructeur", "{\"action\": \"PRENDRE_EN_INSTRUCTION\"}", null).statusCode())
                .isEqualTo(200);
        // Neither sense: refused, nothing written.
        for (String decision : new String[] {"\"accordée\"", "\"\"", "true"}) {
            HttpResponse<String> inconnue = appeler("POST", instruction, "instructeur",
                    "{\"action\": \"INSTRUIRE\", \"decision\": " + decision + "}", null);
            assertThat(inconnue.statusCode()).as(decision).isEqualTo(400);
            assertThat(inconnue.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(json(appeler("POST", instruction, "instructeur", "{\"action\": \"INSTRUIRE\", \"decision\": \"accordée\"}",
                null)).get("detail").asString())
                .isEqualTo("« decision » vaut FAVORABLE (l'agrément) ou DEFAVORABLE (le refus), pas « accordée ».");
        JsonNode enInstruction = json(appeler("GET", "/api/v1/dossiers/" + id, "bailleur", null, null));
        assertThat(enInstruction.get("statut").asString()).isEqualTo("EN_INSTRUCTION");
        assertThat(enInstruction.has("decision")).isFalse();

        // Written as a person types it; the bailleur reads the outcome of his request, and so does every list.
        assertThat(appeler("POST", instruction, "instructeur", "{\"action\": \"INSTRUIRE\", \"decision\": \" defavorable \","
                + " \"message\": \"Loyers au-dessus du barème local.\"}", null).statusCode()).isEqualTo(200);
        JsonNode instruit = json(appeler("GET", "/api/v1/dossiers/" + id, "bailleur", null, null));
        assertThat(instruit.get("statut").asString()).isEqualTo("INSTRUIT");
        assertThat(instruit.get("decision").asString()).isEqualTo("DEFAVORABLE");
        assertThat(instruit.get("messageInstruction").asString()).isEqualTo("Loyers au-dessus du barème local.");
        HttpResponse<String> encore = appeler("POST", instruction, "instructeur", "{\"action\": \"INSTRUIRE\", \"decision\": \"FAVORABLE\"}",
                null);
        assertThat(encore.statusCode()).isEqualTo(409);
        assertThat(json(encore).get("detail").asString()).endsWith(" : son instruction est close (décision défavorable) ; une clôture"
                + " faite par erreur se défait par ROUVRIR_INSTRUCTION.");
        assertThat(json(appeler("GET", "/api/v1/dossiers?statut=INSTRUIT", "dreal28", null, null)).valueStream()
                .filter(d -> d.get("id").asString().equals(id)).findFirst().orElseThrow().get("decision").asString())
                .isEqualTo("DEFAVORABLE");
        Map<String, String> enCsv = ligneCsv("/api/v1/dossiers?statut=INSTRUIT&format=csv", id);
        assertThat(enCsv.get("décision")).isEqualTo("DEFAVORABLE");
        assertThat(enCsv.get("message de l'instruction")).isEqualTo("Loyers au-dessus du barème local.");
        JsonNode historique = json(appeler("GET", "/api/v1/dossiers/" + id + "/historique", "bailleur", null, null));
        assertThat(historique.valueStream().filter(l -> l.get("action").asString().equals("INSTRUIRE")).toList()).singleElement()
                .satisfies(l -> assertThat(l.get("detail").get("decision").asString()).isEqualTo("DEFAVORABLE"));
        // Closed without saying it, as a client written before the decision was asked: closed, the sense left unsaid.
        String sansDecision = creer(dossierRouen());
        assertThat(deposer(sansDecision).statusCode()).isEqualTo(200);
        for (String action : new String[] {"PRENDRE_EN_INSTRUCTION", "INSTRUIRE"}) {
            assertThat(appeler("POST", "/api/v1/dossiers/" + sansDecision + "/instruction", "instructeur",
                    "{\"action\": \"" + action + "\"}", null).statusCode()).isEqualTo(200);
        }
        JsonNode clos = json(appeler("GET", "/api/v1/dossiers/" + sansDecision, "bailleur", null, null));
        assertThat(clos.get("statut").asString()).isEqualTo("INSTRUIT");
        assertThat(clos.has("decision")).isFalse();

        // A region lists the refusals of its services; a sense that does not exist is refused rather than listed empty.
        List<String> refuses = json(appeler("GET", "/api/v1/dossiers?statut=INSTRUIT&decision=%20defavorable&limite=500", "dreal28",
                null, null)).valueStream().map(d -> d.get("id").asString()).toList();
        assertThat(refuses).contains(id).doesNotContain(sansDecision);
        assertThat(json(appeler("GET", "/api/v1/dossiers?decision=FAVORABLE&limite=500", "dreal28", null, null)).valueStream()
                .map(d -> d.get("id").asString()).toList()).doesNotContain(id, sansDecision);
        HttpResponse<String> sensInconnu = appeler("GET", "/api/v1/dossiers?decision=accordee", "dreal28", null, null);
        assertThat(sensInconnu.statusCode()).isEqualTo(400);
        assertThat(json(sensInconnu).get("detail").asString()).isEqualTo("« decision » vaut FAVORABLE ou DEFAVORABLE : le sens de la"
                + " décision que le service a dit en clôturant l'instruction.");

        // Said wrongly: corrected, with why; the bailleur reads the correction, the history keeps both.
        String corriger = "{\"action\": \"CORRIGER_DECISION\", \"decision\": \"FAVORABLE\", \"message\": \"Erreur de saisie :"
                + " l'agrément a été signé le 15 décembre.\"}";
        assertThat(json(appeler("POST", instruction, "instructeur", "{\"action\": \"CORRIGER_DECISION\", \"decision\": \"FAVORABLE\"}",
                null)).get("detail").asString()).isEqualTo("Dites au bailleur pourquoi le sens de la décision est dit ou corrigé.");
        assertThat(json(appeler("POST", instruction, "instructeur", "{\"action\": \"CORRIGER_DECISION\", \"message\": \"m\"}", null))
                .get("detail").asString()).isEqualTo("« decision » dit le sens de la décision : FAVORABLE (l'agrément) ou DEFAVORABLE"
                        + " (le refus).");
        HttpResponse<String> inchangee = appeler("POST", instruction, "instructeur", corriger.replace("\"FAVORABLE\"", "\"DEFAVORABLE\""), null);
        assertThat(inchangee.statusCode()).isEqualTo(409);
        assertThat(json(inchangee).get("detail").asString()).isEqualTo("La décision est déjà DEFAVORABLE.");
        assertThat(appeler("POST", instruction, "bailleur", corriger, null).statusCode()).isEqualTo(403);
        assertThat(appeler("POST", instruction, "instructeur", corriger, null).statusCode()).isEqualTo(200);
        JsonNode corrige = json(appeler("GET", "/api/v1/dossiers/" + id, "bailleur", null, null));
        assertThat(corrige.get("statut").asString()).isEqualTo("INSTRUIT");
        assertThat(corrige.get("decision").asString()).isEqualTo("FAVORABLE");
        assertThat(corrige.get("messageInstruction").asString()).isEqualTo("Erreur de saisie : l'agrément a été signé le 15 décembre.");
        JsonNode correction = json(appeler("GET", "/api/v1/dossiers/" + id + "/historique", "bailleur", null, null)).valueStream()
                .filter(l -> l.get("action").asString().equals("CORRIGER_DECISION")).toList().get(0).get("detail");
        assertThat(correction.get("decision").asString()).isEqualTo("FAVORABLE");
        assertThat(correction.get("decisionPrecedente").asString()).isEqualTo("DEFAVORABLE");
        // Unsaid at the close (a client of before): said afterwards, with nothing to correct from.
        assertThat(appeler("POST", "/api/v1/dossiers/" + sansDecision + "/instruction", "instructeur", corriger, null).statusCode())
                .isEqualTo(200);
        assertThat(json(appeler("GET", "/api/v1/dossiers/" + sansDecision, "bailleur", null, null)).get("decision").asString())
                .isEqualTo("FAVORABLE");
        // Only a closed instruction has a decision to correct.
        String enCours = creer(dossierRouen());
        assertThat(deposer(enCours).statusCode()).isEqualTo(200);
        HttpResponse<String> tropTot = appeler("POST", "/api/v1/dossiers/" + enCours + "/instruction", "instructeur", corriger, null);
        assertThat(tropTot.statusCode()).isEqualTo(409);
        assertThat(json(tropTot).get("detail").asString()).startsWith("Le dossier est au statut DEPOSE ; « CORRIGER_DECISION » part du"
                + " statut INSTRUIT");
    }

    /**
     * An instruction closed by mistake (the wrong dossier of the queue, or before the piece awaited came) is reopened,
     * with why: the dossier is in instruction again, its decision unsaid, and the history keeps what the bailleur had
     * been told. Unless the bailleur has filed the operation again since: two dossiers of it would then be instructed.
     */
    @Test
    void uneInstructionCloseParErreurSeRouvre() throws Exception {
        String corps = dossierRouen();
        String id = creer(corps);
        assertThat(deposer(id).statusCode()).isEqualTo(200);
        String instruction = "/api/v1/dossiers/" + id + "/instruction";
        assertThat(appeler("POST", instruction, "instructeur", "{\"action\": \"PRENDRE_EN_INSTRUCTION\"}", null).statusCode())
                .isEqualTo(200);
        String rouvrir = "{\"action\": \"rouvrir_instruction\", \"message\": \"Clôturé par erreur : l'avis de la commune est"
                + " attendu.\"}";
        HttpResponse<String> tropTot = appeler("POST", instruction, "instructeur", rouvrir, null);
        assertThat(tropTot.statusCode()).isEqualTo(409);
        assertThat(json(tropTot).get("detail").asString()).isEqualTo("Le dossier est au statut EN_INSTRUCTION ;"
                + " « ROUVRIR_INSTRUCTION » part du statut INSTRUIT.");
        assertThat(appeler("POST", instruction, "instructeur", "{\"action\": \"INSTRUIRE\", \"decision\": \"FAVORABLE\","
                + " \"message\": \"Agrément accordé.\"}", null).statusCode()).isEqualTo(200);

        // Refused, nothing undone: without a word to the bailleur, with a decision, by the bailleur.
        HttpResponse<String> muet = appeler("POST", instruction, "instructeur", "{\"action\": \"ROUVRIR_INSTRUCTION\"}", null);
        assertThat(muet.statusCode()).isEqualTo(400);
        assertThat(json(muet).get("detail").asString()).isEqualTo("Dites au bailleur pourquoi l'instruction de sa demande est rouverte.");
        assertThat(appeler("POST", instruction, "instructeur", rouvrir.replace("}", ", \"decision\": \"DEFAVORABLE\"}"), null)
                .statusCode()).isEqualTo(400);
        assertThat(appeler("POST", instruction, "bailleur", rouvrir, null).statusCode()).isEqualTo(403);
        assertThat(json(appeler("GET", "/api/v1/dossiers/" + id, "bailleur", null, null)).get("decision").asString())
                .isEqualTo("FAVORABLE");

        HttpResponse<String> rouvert = appeler("POST", instruction, "instructeur", rouvrir, null);
        assertThat(rouvert.statusCode()).isEqualTo(200);
        assertThat(json(rouvert).get("statut").asString()).isEqualTo("EN_INSTRUCTION");
        JsonNode lu = json(appeler("GET", "/api/v1/dossiers/" + id, "bailleur", null, null));
        assertThat(lu.get("statut").asString()).isEqualTo("EN_INSTRUCTION");
        assertThat(lu.has("decision")).as("la décision défaite").isFalse();
        assertThat(lu.get("messageInstruction").asString()).isEqualTo("Clôturé par erreur : l'avis de la commune est attendu.");
        assertThat(json(appeler("GET", "/api/v1/dossiers?decision=FAVORABLE&limite=500", "instructeur", null, null)).valueStream()
                .map(d -> d.get("id").asString()).toList()).doesNotContain(id);
        JsonNode ligne = json(appeler("GET", "/api/v1/dossiers/" + id + "/historique", "bailleur", null, null)).valueStream()
                .filter(l -> l.get("action").asString().equals("ROUVRIR_INSTRUCTION")).toList().get(0);
        assertThat(ligne.get("detail")).isEqualTo(Json.MAPPER.readTree("{\"territoire\": \"metropole-rouen-normandie\", \"message\":"
                + " \"Clôturé par erreur : l'avis de la commune est attendu.\", \"decisionPrecedente\": \"FAVORABLE\"}"));
        // Back in instruction, closed again, in the other sense.
        assertThat(appeler("POST", instruction, "instructeur", "{\"action\": \"INSTRUIRE\", \"decision\": \"DEFAVORABLE\"}", null)
                .statusCode()).isEqualTo(200);
        assertThat(json(appeler("GET", "/api/v1/dossiers/" + id, "bailleur", null, null)).get("decision").asString())
                .isEqualTo("DEFAVORABLE");

        // Refused, the bailleur files the operation again; the first cannot be reopened beside the second.
        String nouveau = creer(corps);
        assertThat(deposer(nouveau).statusCode()).isEqualTo(200);
        HttpResponse<String> enDouble = appeler("POST", instruction, "instructeur", rouvrir, null);
        assertThat(enDouble.statusCode()).isEqualTo(409);
        assertThat(json(enDouble).get("dossierDepose").asString()).isEqualTo(nouveau);
        assertThat(json(enDouble).get("detail").asString()).endsWith(" a été déposé par le bailleur depuis la clôture (" + nouveau
                + ", statut DEPOSE) : rouvrir celui-ci ferait instruire deux fois la même opération ; l'instruction se poursuit"
                + " sur l'autre.");
        JsonNode reste = json(appeler("GET", "/api/v1/dossiers/" + id, "bailleur", null, null));
        assertThat(reste.get("statut").asString()).isEqualTo("INSTRUIT");
        assertThat(reste.get("decision").asString()).isEqualTo("DEFAVORABLE");
    }

    /**
     * A request for agrément not answered within four months of its request is deemed rejected (former R. 331-6 of the
     * CCH): the dossier says from which day, counted from its first deposit (an answer to compléments does not restart
     * it), the queue keeps those to decide first, and a request decided, or a programming request, has no such day.
     */
    @Test
    void uneDemandeDAgrementDitQuandLeSilenceDuServiceVaudraitRejet() throws Exception {
        String id = creer(dossierRouen());
        assertThat(json(appeler("GET", "/api/v1/dossiers/" + id, "bailleur", null, null)).has("rejetImpliciteLe")).isFalse();
        assertThat(deposer(id).statusCode()).isEqualTo(200);
        JsonNode depose = json(appeler("GET", "/api/v1/dossiers/" + id, "bailleur", null, null));
        String premierDepot = depose.get("premierDepotLe").asString();
        assertThat(premierDepot).isEqualTo(depose.get("deposeLe").asString());
        assertThat(depose.get("rejetImpliciteLe").asString()).isEqualTo(java.time.OffsetDateTime.parse(premierDepot)
                .atZoneSameInstant(java.time.ZoneId.of("Europe/Paris")).toLocalDate().plusMonths(4).toString());
        String instruction = "/api/v1/dossiers/" + id + "/instruction";
        assertThat(appeler("POST", instruction, "instructeur", "{\"action\": \"PRENDRE_EN_INSTRUCTION\"}", null).statusCode())
                .isEqualTo(200);
        assertThat(appeler("POST", instruction, "instructeur", "{\"action\": \"DEMANDER_COMPLEMENTS\", \"message\": \"L'avis"
                + " de la commune.\"}", null).statusCode()).isEqualTo(200);
        assertThat(deposerAvec(id, "application/json", "{\"message\": \"L'avis suit par courrier.\"}").statusCode()).isEqualTo(200);
        JsonNode redepose = json(appeler("GET", "/api/v1/dossiers/" + id, "instructeur", null, null));
        assertThat(redepose.get("premierDepotLe").asString()).as("la date de la demande").isEqualTo(premierDepot);
        assertThat(redepose.get("rejetImpliciteLe")).isEqualTo(depose.get("rejetImpliciteLe"));

        // Requested on 31 October: four months end on the last day of February, in the dossier as in the queue's filter.
        jdbc.sql("UPDATE dossier SET premier_depot_le = '2026-10-31T23:30:00+01:00' WHERE id = ?::uuid").param(id).update();
        assertThat(json(appeler("GET", "/api/v1/dossiers/" + id, "instructeur", null, null)).get("rejetImpliciteLe").asString())
                .isEqualTo("2027-02-28");
        assertThat(ligneCsv("/api/v1/dossiers?format=csv&rejetImpliciteAvant=2027-02-28", id).get("rejet implicite le"))
                .isEqualTo("2027-02-28");
        assertThat(aDecider("2027-02-28")).contains(id);
        assertThat(aDecider("2027-02-27")).doesNotContain(id);
        // In the order their four months run out: the request of 31 October first, whatever its last deposit, then another.
        String autre = creer(dossierRouen());
        assertThat(deposer(autre).statusCode()).isEqualTo(200);
        List<JsonNode> parEcheance = json(appeler("GET", "/api/v1/dossiers?tri=premierDepot&limite=500", "instructeur", null, null))
                .valueStream().toList();
        assertThat(parEcheance.get(0).get("id").asString()).isEqualTo(id);
        assertThat(parEcheance).extracting(d -> d.get("id").asString()).contains(autre);
        assertThat(parEcheance).extracting(d -> java.time.OffsetDateTime.parse(d.get("premierDepotLe").asString()))
                .isSortedAccordingTo(java.util.Comparator.naturalOrder());
        HttpResponse<String> echeance = appeler("GET", "/api/v1/dossiers?tri=echeance", "instructeur", null, null);
        assertThat(echeance.statusCode()).isEqualTo(400);
        assertThat(json(echeance).get("detail").asString()).startsWith("« tri » vaut creation");
        HttpResponse<String> page = appeler("GET", "/api/v1/dossiers?tri=premierdepot&limite=1", "instructeur", null, null);
        assertThat(page.headers().firstValue("Link")).hasValueSatisfying(l -> assertThat(l).contains("tri=premierDepot"));
        String suivante = page.headers().firstValue("Link").orElseThrow().replaceAll("^<[^>]*(/api/v1/dossiers[^>]*)>.*$", "$1");
        assertThat(json(appeler("GET", suivante, "instructeur", null, null)).get(0).get("id").asString())
                .isEqualTo(parEcheance.get(1).get("id").asString());
        HttpResponse<String> pasUnJour = appeler("GET", "/api/v1/dossiers?rejetImpliciteAvant=28/02/2027", "instructeur", null, null);
        assertThat(pasUnJour.statusCode()).isEqualTo(400);
        assertThat(json(pasUnJour).get("detail").asString()).startsWith("« rejetImpliciteAvant » : ");

        // A programming request is not a request for a decision: no such day, and not in the queue to decide first.
        jdbc.sql("UPDATE dossier SET contenu = jsonb_set(contenu, '{phase}', '\"PROGRAMMATION\"') WHERE id = ?::uuid").param(id).update();
        assertThat(json(appeler("GET", "/api/v1/dossiers/" + id, "instructeur", null, null)).has("rejetImpliciteLe")).isFalse();
        assertThat(aDecider("2027-02-28")).doesNotContain(id);
        jdbc.sql("UPDATE dossier SET contenu = jsonb_set(contenu, '{phase}', '\"AGREMENT\"') WHERE id = ?::uuid").param(id).update();
        // Decided: the silence no longer means anything.
        assertThat(appeler("POST", instruction, "instructeur", "{\"action\": \"PRENDRE_EN_INSTRUCTION\"}", null).statusCode())
                .isEqualTo(200);
        assertThat(appeler("POST", instruction, "instructeur", "{\"action\": \"INSTRUIRE\", \"decision\": \"FAVORABLE\"}", null)
                .statusCode()).isEqualTo(200);
        JsonNode decide = json(appeler("GET", "/api/v1/dossiers/" + id, "bailleur", null, null));
        assertThat(decide.has("rejetImpliciteLe")).isFalse();
        assertThat(decide.get("premierDepotLe").asString()).isNotEmpty();
        assertThat(aDecider("2027-02-28")).doesNotContain(id);
    }

    /** The dossiers of the instructeur's queue whose silence would be worth rejection by {@code jour}. */
    private List<String> aDecider(String jour) throws Exception {
        return json(appeler("GET", "/api/v1/dossiers?rejetImpliciteAvant=" + jour + "&limite=500", "instructeur", null, null))
                .valueStream().map(d -> d.get("id").asString()).toList();
    }

    /**
     * A bailleur abandons an operation after depositing it (the land lost): it withdraws its request, which leaves the
     * service's queue but not its sight, with the reason, and the operation may be filed again by another dossier.
     */
    @Test
    void unBailleurRetireSaDemandeDeposee() throws Exception {
        String corps = dossierRouen();
        String id = creer(corps);
        String retrait = "/api/v1/dossiers/" + id + "/retrait";
        HttpResponse<String> brouillon = appeler("POST", retrait, "bailleur", null, null);
        assertThat(brouillon.statusCode()).isEqualTo(409);
        assertThat(json(brouillon).get("detail").asString()).isEqualTo("Le dossier est au statut BROUILLON : il n'a pas été déposé,"
                + " il se supprime (DELETE /api/v1/dossiers/" + id + ").");
        assertThat(deposer(id).statusCode()).isEqualTo(200);
        assertThat(json(appeler("DELETE", "/api/v1/dossiers/" + id, "bailleur", null, null)).get("detail").asString())
                .endsWith(" ; une demande déposée se retire (POST /api/v1/dossiers/" + id + "/retrait).");
        assertThat(appeler("POST", "/api/v1/dossiers/" + id + "/instruction", "instructeur", "{\"action\": \"PRENDRE_EN_INSTRUCTION\"}",
                null).statusCode()).isEqualTo(200);
        assertThat(appeler("POST", retrait, "instructeur", null, null).statusCode()).isEqualTo(403);
        assertThat(appeler("POST", retrait, "bailleur2", null, null).statusCode()).isEqualTo(404);
        assertThat(appeler("POST", retrait, "bailleur", "{\"message\": \"" + "x".repeat(10_001) + "\"}", null).statusCode())
                .isEqualTo(400);
        assertThat(appeler("POST", retrait, "bailleur", "{\"message\": \"Foncier perdu.\"}", "\"2\"").statusCode())
                .as("lu avant sa prise en instruction").isEqualTo(412);
        assertThat(json(appeler("GET", "/api/v1/dossiers/" + id, "bailleur", null, null)).get("statut").asString())
                .isEqualTo("EN_INSTRUCTION");

        HttpResponse<String> retire = appeler("POST", retrait, "bailleur", "{\"message\": \"Foncier perdu : le vendeur s'est désisté.\"}",
                null);
        assertThat(retire.statusCode()).isEqualTo(200);
        assertThat(json(retire).get("statut").asString()).isEqualTo("RETIRE");
        // The service still sees it, with the reason, out of its queue; nothing moves it any more.
        JsonNode vu = json(appeler("GET", "/api/v1/dossiers/" + id, "instructeur", null, null));
        assertThat(vu.get("statut").asString()).isEqualTo("RETIRE");
        assertThat(vu.get("messageRetrait").asString()).isEqualTo("Foncier perdu : le vendeur s'est désisté.");
        assertThat(json(appeler("GET", "/api/v1/dossiers?statut=retire&limite=500", "instructeur", null, null)).valueStream()
                .map(d -> d.get("id").asString()).toList()).contains(id);
        assertThat(json(appeler("GET", "/api/v1/dossiers?statut=EN_INSTRUCTION&limite=500", "instructeur", null, null)).valueStream()
                .map(d -> d.get("id").asString()).toList()).doesNotContain(id);
        assertThat(json(appeler("POST", retrait, "bailleur", null, null)).get("detail").asString())
                .isEqualTo("Le dossier est au statut RETIRE : la demande est déjà retirée.");
        HttpResponse<String> instruire = appeler("POST", "/api/v1/dossiers/" + id + "/instruction", "instructeur",
                "{\"action\": \"INSTRUIRE\"}", null);
        assertThat(instruire.statusCode()).isEqualTo(409);
        assertThat(json(instruire).get("detail").asString()).endsWith(" : le bailleur a retiré sa demande.");
        assertThat(deposer(id).statusCode()).isEqualTo(409);
        HttpResponse<String> modifier = appeler("PUT", "/api/v1/dossiers/" + id, "bailleur", corps, "\"" + vu.get("version").asInt() + "\"");
        assertThat(modifier.statusCode()).isEqualTo(409);
        assertThat(json(modifier).get("detail").asString()).endsWith(": le bailleur a retiré sa demande ; une nouvelle demande pour"
                + " l'opération se fait par un nouveau dossier, qui peut être copié de celui-ci (POST /api/v1/dossiers/" + id + "/copie).");
        JsonNode ligne = json(appeler("GET", "/api/v1/dossiers/" + id + "/historique", "instructeur", null, null)).valueStream()
                .filter(l -> l.get("action").asString().equals("RETRAIT")).toList().get(0);
        assertThat(ligne.get("qui").asString()).isEqualTo("bailleur");
        assertThat(ligne.get("detail")).isEqualTo(Json.MAPPER.readTree(
                "{\"territoire\": \"metropole-rouen-normandie\", \"message\": \"Foncier perdu : le vendeur s'est désisté.\"}"));

        // The same operation, filed again later by another dossier, is not a second deposit of a request in progress.
        String nouveau = creer(corps);
        assertThat(deposer(nouveau).statusCode()).isEqualTo(200);
        // A request decided does not withdraw.
        assertThat(appeler("POST", "/api/v1/dossiers/" + nouveau + "/instruction", "instructeur",
                "{\"action\": \"PRENDRE_EN_INSTRUCTION\"}", null).statusCode()).isEqualTo(200);
        assertThat(appeler("POST", "/api/v1/dossiers/" + nouveau + "/instruction", "instructeur",
                "{\"action\": \"INSTRUIRE\", \"decision\": \"FAVORABLE\"}", null).statusCode()).isEqualTo(200);
        assertThat(json(appeler("POST", "/api/v1/dossiers/" + nouveau + "/retrait", "bailleur", null, null)).get("detail").asString())
                .isEqualTo("Le dossier est au statut INSTRUIT : son instruction est close (décision favorable), la demande ne se"
                        + " retire plus.");
    }

    /**
     * A refused request is filed again, or a programmed operation asked for its agrément, from a copy of its dossier:
     * a new draft with the same content, its own life, and the source as it was.
     */
    @Test
    void uneOperationRefuseeRepartDUneCopieDeSonDossier() throws Exception {
        String id = creer(dossierRouen());
        assertThat(deposer(id).statusCode()).isEqualTo(200);
        for (String etape : new String[] {"{\"action\": \"PRENDRE_EN_INSTRUCTION\"}",
                "{\"action\": \"INSTRUIRE\", \"decision\": \"DEFAVORABLE\", \"message\": \"Loyers trop hauts.\"}"}) {
            assertThat(appeler("POST", "/api/v1/dossiers/" + id + "/instruction", "instructeur", etape, null).statusCode()).isEqualTo(200);
        }
        JsonNode refuse = json(appeler("GET", "/api/v1/dossiers/" + id, "bailleur", null, null));
        HttpResponse<String> modifier = appeler("PUT", "/api/v1/dossiers/" + id, "bailleur", dossierRouen(),
                "\"" + refuse.get("version").asInt() + "\"");
        assertThat(json(modifier).get("detail").asString()).endsWith(": son instruction est close ; une nouvelle demande pour"
                + " l'opération se fait par un nouveau dossier, qui peut être copié de celui-ci (POST /api/v1/dossiers/" + id + "/copie).");
        String copie = "/api/v1/dossiers/" + id + "/copie";
        assertThat(appeler("POST", copie, "bailleur2", null, null).statusCode()).as("un autre bailleur ne le voit pas").isEqualTo(404);
        assertThat(appeler("POST", copie, "instructeur", null, null).statusCode()).isEqualTo(403);
        long avant = jdbc.sql("SELECT count(*) FROM dossier").query(Long.class).single();
        HttpResponse<String> phaseInconnue = appeler("POST", copie, "bailleur", "{\"phase\": \"ETUDE\"}", null);
        assertThat(phaseInconnue.statusCode()).isEqualTo(400);
        assertThat(json(phaseInconnue).get("detail").asString()).isEqualTo("« phase » vaut PROGRAMMATION ou AGREMENT (reçu : « ETUDE »).");
        HttpResponse<String> champInconnu = appeler("POST", copie, "bailleur", "{\"phse\": \"AGREMENT\"}", null);
        assertThat(champInconnu.statusCode()).isEqualTo(400);
        assertThat(json(champInconnu).get("detail").asString()).contains("phse");
        assertThat(jdbc.sql("SELECT count(*) FROM dossier").query(Long.class).single()).as("rien de créé").isEqualTo(avant);

        // The same request filed again: the content whole, none of the source's life; deposited, since the first is closed.
        HttpResponse<String> copiee = appeler("POST", copie, "bailleur", null, null);
        assertThat(copiee.statusCode()).isEqualTo(201);
        String nouveau = json(copiee).get("id").asString();
        assertThat(copiee.headers().firstValue("Location").orElseThrow()).endsWith("/api/v1/dossiers/" + nouveau);
        JsonNode lu = json(appeler("GET", "/api/v1/dossiers/" + nouveau, "bailleur", null, null));
        assertThat(lu.get("statut").asString()).isEqualTo("BROUILLON");
        assertThat(lu.get("dossier")).isEqualTo(refuse.get("dossier"));
        for (String champ : new String[] {"decision", "messageInstruction", "premierDepotLe", "evaluationDepot", "derniereEvaluation"}) {
            assertThat(lu.has(champ)).as(champ).isFalse();
        }
        JsonNode creation = json(appeler("GET", "/api/v1/dossiers/" + nouveau + "/historique", "bailleur", null, null)).get(0);
        assertThat(creation.get("action").asString()).isEqualTo("CREATION");
        assertThat(creation.get("detail").get("copieDe").asString()).isEqualTo(id);
        assertThat(deposer(nouveau).statusCode()).isEqualTo(200);
        // The instructeur who opens the new request reads that it follows a refusal, and why; from the first, the new one.
        JsonNode autres = json(appeler("GET", "/api/v1/dossiers/" + nouveau, "instructeur", null, null)).get("autresDemandes");
        assertThat(autres).hasSize(1);
        assertThat(autres.get(0).get("id").asString()).isEqualTo(id);
        assertThat(autres.get(0).get("statut").asString()).isEqualTo("INSTRUIT");
        assertThat(autres.get(0).get("decision").asString()).isEqualTo("DEFAVORABLE");
        assertThat(autres.get(0).get("messageInstruction").asString()).isEqualTo("Loyers trop hauts.");
        assertThat(autres.get(0).get("premierDepotLe").asString()).isEqualTo(refuse.get("premierDepotLe").asString());
        assertThat(autres.get(0).get("statutDepuis").asString()).as("le jour du refus").isEqualTo(refuse.get("statutDepuis").asString());
        assertThat(json(appeler("GET", "/api/v1/dossiers/" + id, "instructeur", null, null)).get("autresDemandes").valueStream()
                .map(a -> a.get("id").asString() + " " + a.get("statut").asString()).toList()).containsExactly(nouveau + " DEPOSE");
        assertThat(json(appeler("GET", "/api/v1/dossiers/" + id, "instructeur38", null, null)).has("autresDemandes"))
                .as("un service qui ne voit pas le dossier n'en lit rien").isFalse();
        JsonNode source = json(appeler("GET", "/api/v1/dossiers/" + id, "bailleur", null, null));
        assertThat(source.get("statut").asString()).isEqualTo("INSTRUIT");
        assertThat(source.get("version")).isEqualTo(refuse.get("version"));

        // The phase changed on the way, as typed: the rest of the content as it was.
        HttpResponse<String> programmation = appeler("POST", copie, "bailleur", "{\"phase\": \" programmation\"}", null);
        assertThat(programmation.statusCode()).isEqualTo(201);
        JsonNode contenu = json(appeler("GET", "/api/v1/dossiers/" + json(programmation).get("id").asString(), "bailleur", null, null))
                .get("dossier");
        assertThat(contenu.get("phase").asString()).isEqualTo("PROGRAMMATION");
        ((ObjectNode) contenu).put("phase", refuse.get("dossier").get("phase").asString());
        assertThat(contenu).isEqualTo(refuse.get("dossier"));
        ((ObjectNode) contenu).put("phase", "PROGRAMMATION");
        // Its note descriptive added, as a programming asks for one, it is deposited.
        String idProgrammation = json(programmation).get("id").asString();
        ((ArrayNode) contenu.get("pieces")).add(Json.MAPPER.readTree("{\"code\": \"NOTE_DESCRIPTIVE\", \"fournie\": true}"));
        assertThat(appeler("PUT", "/api/v1/dossiers/" + idProgrammation, "bailleur", Json.MAPPER.writeValueAsString(contenu), "\"1\"")
                .statusCode()).isEqualTo(200);
        HttpResponse<String> depotProgrammation = deposer(idProgrammation);
        assertThat(depotProgrammation.statusCode()).as(depotProgrammation.body()).isEqualTo(200);
        // The operation's programming and its requests for agrément, each among the others', with its phase.
        assertThat(json(appeler("GET", "/api/v1/dossiers/" + idProgrammation, "instructeur", null, null)).get("autresDemandes")
                .valueStream().map(a -> a.get("id").asString() + " " + a.get("phase").asString()).toList())
                .containsExactly(id + " AGREMENT", nouveau + " AGREMENT");
        assertThat(json(appeler("GET", "/api/v1/dossiers/" + id, "instructeur", null, null)).get("autresDemandes").valueStream()
                .map(a -> a.get("id").asString() + " " + a.get("phase").asString()).toList())
                .containsExactly(nouveau + " AGREMENT", idProgrammation + " PROGRAMMATION");
        // Another reference is another operation.
        String autreOperation = creer(dossierRouen());
        assertThat(deposer(autreOperation).statusCode()).isEqualTo(200);
        assertThat(json(appeler("GET", "/api/v1/dossiers/" + autreOperation, "instructeur", null, null)).get("autresDemandes")).isEmpty();
    }

    @Test
    void unDossierNonDeposableEstRefuseAvecSesRaisons() throws Exception {
        String nonDeposable = dossierRouen().replace("\"fournie\": true", "\"fournie\": false");
        String id = json(appeler("POST", "/api/v1/dossiers", "bailleur", nonDeposable, null)).get("id").asString();

        HttpResponse<String> depot = appeler("POST", "/api/v1/dossiers/" + id + "/depot", "bailleur", null, null);

        assertThat(depot.statusCode()).isEqualTo(409);
        // Every missing piece in one reason, not « Pièce bloquante manquante : » once for each.
        assertThat(json(depot).get("detail").asString())
                .containsPattern("\\d+ pièces bloquantes manquantes : « Courrier de demande signé par le maître d'ouvrage », .*« Plan de masse », .* et « [^»]+ »")
                .doesNotContain("Pièce bloquante manquante");
        // The same reasons by their codes, for a bailleur's system, which matches on codes rather than on French.
        assertThat(json(depot).get("type").asString()).isEqualTo("urn:harmonie:probleme:non-deposable");
        assertThat(json(depot).get("piecesManquantes").findValuesAsString("code")).contains("PLAN_MASSE", "COURRIER_DEMANDE");
        assertThat(json(depot).get("dateReference").asString()).isEqualTo(horloge.instant().atZone(java.time.ZoneId.of("Europe/Paris")).toLocalDate().toString());
        assertThat(json(appeler("GET", "/api/v1/dossiers/" + id, "bailleur", null, null)).get("statut").asString()).isEqualTo("BROUILLON");
    }

    /**
     * A commune has one territory that instructs it. Rouen's dossier that named the socle (or Normandie) escaped the
     * Métropole's blocking rule on PLAI margins, was deposited, and went to the service of the communes without a pack,
     * while the Métropole's instructeur never saw it. The evaluation says so; the deposit refuses, and writes nothing.
     */
    @Test
    void unDossierQuiNommeUnTerritoireAuDessusDeSaCommuneNEchappePasASesReglesNiASonInstructeur() throws Exception {
        String avecMarge = dossierRouen().replace("\"margeLocale\": 0.0", "\"margeLocale\": 0.05");
        for (String nomme : new String[] {"national", "region-28"}) {
            String id = json(appeler("POST", "/api/v1/dossiers", "bailleur",
                    avecMarge.replaceFirst("\\{", "{\"territoire\": \"" + nomme + "\","), null)).get("id").asString();
            JsonNode resultat = json(appeler("POST", "/api/v1/dossiers/" + id + "/evaluations", "bailleur", null, null)).get("resultat");
            assertThat(resultat.get("anomalies").findValuesAsString("code")).as(nomme).contains("TERRITOIRE_INCOHERENT");
            assertThat(resultat.get("territoire").get("resolution").asString()).as(nomme)
                    .endsWith("(la commune 76540 Rouen relève de Métropole Rouen Normandie)");

            HttpResponse<String> depot = appeler("POST", "/api/v1/dossiers/" + id + "/depot", "bailleur", null, null);

            assertThat(depot.statusCode()).as(nomme).isEqualTo(409);
            assertThat(json(depot).get("anomalies").findValuesAsString("code")).as(nomme).containsExactly("TERRITOIRE_INCOHERENT");
            assertThat(json(depot).get("detail").asString()).as(nomme).contains("Territoire « " + nomme + " » : la commune 76540"
                    + " (Rouen) relève de « metropole-rouen-normandie » (Métropole Rouen Normandie), plus précis : ses règles ne"
                    + " s'appliqueraient pas : un dépôt va au service qui instruit la commune ; retirer « territoire » du dossier");
            assertThat(json(appeler("GET", "/api/v1/dossiers/" + id, "bailleur", null, null)).get("statut").asString()).isEqualTo("BROUILLON");
            assertThat(appeler("GET", "/api/v1/dossiers/" + id, "instructeur-socle", null, null).statusCode()).isEqualTo(404);
        }
        // Named right, the Métropole judges it (its margin rule refuses the 5 %), and, once the margin is fixed, instructs it.
        String nommeJuste = dossierRouen().replaceFirst("\\{", "{\"territoire\": \"metropole-rouen-normandie\",");
        String refuse = json(appeler("POST", "/api/v1/dossiers", "bailleur",
                nommeJuste.replace("\"margeLocale\": 0.0", "\"margeLocale\": 0.05"), null)).get("id").asString();
        assertThat(json(appeler("POST", "/api/v1/dossiers/" + refuse + "/depot", "bailleur", null, null)).get("detail").asString())
                .contains("Lot PLAI : marge locale de 5 %").doesNotContain("Territoire");
        String id = json(appeler("POST", "/api/v1/dossiers", "bailleur", nommeJuste, null)).get("id").asString();
        assertThat(appeler("POST", "/api/v1/dossiers/" + id + "/depot", "bailleur", null, null).statusCode()).isEqualTo(200);
        assertThat(appeler("GET", "/api/v1/dossiers/" + id, "instructeur", null, null).statusCode()).isEqualTo(200);
    }

    /**
     * A request for compléments names its pieces by their code, as the checklist does: the bailleur's system reads them
     * by code, in catalogue order with their labels, until the next request, which replaces them. A code the deposit's
     * chain does not know refuses the whole request, with the piece meant when one fits, and nothing is asked.
     */
    @Test
    void uneDemandeDeComplementsNommeSesPiecesParLeurCode() throws Exception {
        String id = creer(dossierRouen());
        assertThat(deposer(id).statusCode()).isEqualTo(200);
        String instruction = "/api/v1/dossiers/" + id + "/instruction";
        HttpResponse<String> horsDemande = appeler("POST", instruction, "instructeur",
                "{\"action\": \"PRENDRE_EN_INSTRUCTION\", \"pieces\": [\"PLAN_MASSE\"]}", null);
        assertThat(horsDemande.statusCode()).isEqualTo(400);
        assertThat(json(horsDemande).get("title").asString()).isEqualTo("Pièces hors d'une demande de compléments");
        assertThat(appeler("POST", instruction, "instructeur", "{\"action\": \"PRENDRE_EN_INSTRUCTION\"}", null).statusCode())
                .isEqualTo(200);
        JsonNode enInstruction = json(appeler("GET", "/api/v1/dossiers/" + id, "instructeur", null, null));
        String chaine = String.join(" > ", enInstruction.get("chaineDepot").valueStream()
                .map(p -> p.get("id").asString() + "@" + p.get("version").asString()).toList());
        assertThat(chaine).startsWith("national@").contains(" > metropole-rouen-normandie@");

        HttpResponse<String> inconnues = appeler("POST", instruction, "instructeur", "{\"action\": \"DEMANDER_COMPLEMENTS\","
                + " \"message\": \"Le plan et le courrier.\", \"pieces\": [\"plan_de_masse\", \"A01\", \"PLAN_MASSE\", \"ACTE_NOTARIE\"]}", null);
        assertThat(inconnues.statusCode()).isEqualTo(400);
        assertThat(json(inconnues).get("title").asString()).isEqualTo("Pièce inconnue");
        assertThat(json(inconnues).get("detail").asString()).isEqualTo("« plan_de_masse » inconnue (vouliez-vous PLAN_MASSE, « Plan de"
                + " masse » ?) ; « A01 » inconnue (le code SPLS de COURRIER_DEMANDE, « Courrier de demande signé par le maître"
                + " d'ouvrage ») ; « ACTE_NOTARIE » inconnue : « pieces » nomme des pièces par leur code au catalogue de la chaîne"
                + " du dépôt (" + chaine + "), comme la liste des pièces requises de l'évaluation ; rien n'a été demandé.");
        JsonNode inchange = json(appeler("GET", "/api/v1/dossiers/" + id, "instructeur", null, null));
        assertThat(inchange.get("statut").asString()).isEqualTo("EN_INSTRUCTION");
        assertThat(inchange.get("version").asInt()).isEqualTo(enInstruction.get("version").asInt());
        assertThat(appeler("POST", instruction, "instructeur", "{\"action\": \"INSTRUIRE\", \"pieces\": [\"PLAN_MASSE\"]}", null)
                .statusCode()).isEqualTo(400);

        assertThat(appeler("POST", instruction, "instructeur", "{\"action\": \"DEMANDER_COMPLEMENTS\", \"message\": \"Le plan de"
                + " masse signé, le prix de revient à jour et l'avis de la commune.\", \"pieces\": [\" avis_commune \", \"PRIX_REVIENT\","
                + " \"PLAN_MASSE\", \"PLAN_MASSE\"]}", null).statusCode()).isEqualTo(200);
        String attendues = "[{\"code\": \"PLAN_MASSE\", \"libelle\": \"Plan de masse\"},"
                + " {\"code\": \"PRIX_REVIENT\", \"libelle\": \"Prix de revient prévisionnel HT\"},"
                + " {\"code\": \"AVIS_COMMUNE\", \"libelle\": \"Avis ou délibération de la commune\"}]";
        assertThat(json(appeler("GET", "/api/v1/dossiers/" + id, "bailleur", null, null)).get("piecesDemandees"))
                .isEqualTo(Json.MAPPER.readTree(attendues));
        JsonNode dansLaListe = json(appeler("GET", "/api/v1/dossiers?statut=COMPLEMENTS_DEMANDES", "bailleur", null, null))
                .valueStream().filter(d -> d.get("id").asString().equals(id)).findFirst().orElseThrow();
        assertThat(dansLaListe.get("piecesDemandees")).isEqualTo(Json.MAPPER.readTree(attendues));
        String csv = appeler("GET", "/api/v1/dossiers?statut=COMPLEMENTS_DEMANDES&format=csv", "instructeur", null, null).body();
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(";instructeur;pièces demandées;décision;premier dépôt le;"
                + "rejet implicite le;message du dépôt;message de l'instruction;message du retrait;statut depuis le;modifié par");
        Map<String, String> demandeEnCsv = ligneCsv("/api/v1/dossiers?statut=COMPLEMENTS_DEMANDES&format=csv", id);
        assertThat(demandeEnCsv.get("instructeur")).isEqualTo("instructeur");
        assertThat(demandeEnCsv.get("pièces demandées")).isEqualTo("PLAN_MASSE PRIX_REVIENT AVIS_COMMUNE");
        assertThat(demandeEnCsv.get("décision")).isEmpty();
        assertThat(demandeEnCsv.get("message de l'instruction")).isEqualTo("Le plan de masse signé, le prix de revient à jour et l'avis"
                + " de la commune.");
        JsonNode historique = json(appeler("GET", "/api/v1/dossiers/" + id + "/historique", "bailleur", null, null));
        JsonNode demande = historique.valueStream().filter(l -> l.get("action").asString().equals("DEMANDER_COMPLEMENTS"))
                .findFirst().orElseThrow().get("detail");
        assertThat(demande.get("pieces")).isEqualTo(Json.MAPPER.readTree("[\"PLAN_MASSE\", \"PRIX_REVIENT\", \"AVIS_COMMUNE\"]"));
        assertThat(demande.get("territoire").asString()).as("le service qui demande").isEqualTo("metropole-rouen-normandie");

        // Nothing changed and nothing said is the empty answer, as when no piece is named; something else changed, none
        // of the pieces asked, and nothing said, would be asked again.
        assertThat(json(deposer(id)).get("type").asString()).isEqualTo("urn:harmonie:probleme:reponse-vide");
        HttpResponse<String> lu = appeler("GET", "/api/v1/dossiers/" + id, "bailleur", null, null);
        assertThat(appeler("PUT", "/api/v1/dossiers/" + id, "bailleur", dossierRouen().replace("\"pieces\": [",
                "\"pieces\": [{\"code\": \"GARANTIE_EMPRUNT\", \"fournie\": true},"), lu.headers().firstValue("ETag").orElseThrow())
                .statusCode()).isEqualTo(200);
        HttpResponse<String> aCote = deposer(id);
        assertThat(aCote.statusCode()).isEqualTo(409);
        assertThat(json(aCote).get("type").asString()).isEqualTo("urn:harmonie:probleme:pieces-demandees-inchangees");
        assertThat(json(aCote).get("detail").asString()).isEqualTo("Aucune des pièces demandées n'a changé depuis la demande de"
                + " compléments (« Plan de masse », « Prix de revient prévisionnel HT », « Avis ou délibération de la commune ») :"
                + " les déclarer à nouveau (PUT : fournie, signee, dateDocument, commentaire), ou dire au service pourquoi, dans « message »");
        assertThat(json(aCote).get("piecesDemandees")).isEqualTo(Json.MAPPER.readTree("[\"PLAN_MASSE\", \"PRIX_REVIENT\", \"AVIS_COMMUNE\"]"));
        assertThat(json(appeler("GET", "/api/v1/dossiers/" + id, "instructeur", null, null)).get("statut").asString())
                .isEqualTo("COMPLEMENTS_DEMANDES");

        // Answered with one of the three: the answer says, piece by piece, which it changes, to both sides.
        lu = appeler("GET", "/api/v1/dossiers/" + id, "bailleur", null, null);
        assertThat(appeler("PUT", "/api/v1/dossiers/" + id, "bailleur", dossierRouen().replace("\"pieces\": [",
                "\"pieces\": [{\"code\": \"AVIS_COMMUNE\", \"fournie\": true},"), lu.headers().firstValue("ETag").orElseThrow())
                .statusCode()).isEqualTo(200);
        HttpResponse<String> reponse = deposerAvec(id, "application/json", "{\"message\": \"L'avis est joint ; le plan et le prix"
                + " partent par courrier.\"}");
        assertThat(reponse.statusCode()).isEqualTo(200);
        String repondues = "[{\"code\": \"PLAN_MASSE\", \"libelle\": \"Plan de masse\", \"modifiee\": false},"
                + " {\"code\": \"PRIX_REVIENT\", \"libelle\": \"Prix de revient prévisionnel HT\", \"modifiee\": false},"
                + " {\"code\": \"AVIS_COMMUNE\", \"libelle\": \"Avis ou délibération de la commune\", \"modifiee\": true}]";
        assertThat(json(reponse).get("piecesDemandees")).isEqualTo(Json.MAPPER.readTree(repondues));
        JsonNode redepot = json(appeler("GET", "/api/v1/dossiers/" + id + "/historique", "instructeur", null, null)).valueStream()
                .filter(l -> l.get("action").asString().equals("DEPOT")).reduce((premier, dernier) -> dernier).orElseThrow();
        assertThat(redepot.get("detail").get("piecesDemandees")).isEqualTo(Json.MAPPER.readTree(repondues));

        // Until the next request, the dossier shows the pieces asked and what the answer did to each, in every list.
        assertThat(json(appeler("GET", "/api/v1/dossiers/" + id, "bailleur", null, null)).get("piecesDemandees"))
                .isEqualTo(Json.MAPPER.readTree(repondues));
        assertThat(json(appeler("GET", "/api/v1/dossiers?statut=DEPOSE", "instructeur", null, null)).valueStream()
                .filter(d -> d.get("id").asString().equals(id)).findFirst().orElseThrow().get("piecesDemandees"))
                .isEqualTo(Json.MAPPER.readTree(repondues));
        Map<String, String> reponduEnCsv = ligneCsv("/api/v1/dossiers?statut=DEPOSE&format=csv", id);
        assertThat(reponduEnCsv.get("pièces demandées")).isEqualTo("PLAN_MASSE (inchangée) PRIX_REVIENT (inchangée) AVIS_COMMUNE (modifiée)");
        assertThat(reponduEnCsv.get("message du dépôt")).isEqualTo("L'avis est joint ; le plan et le prix partent par courrier.");

        // Asked again, by message alone: the pieces of the first request are no longer asked.
        assertThat(appeler("POST", instruction, "instructeur", "{\"action\": \"PRENDRE_EN_INSTRUCTION\"}", null).statusCode())
                .isEqualTo(200);
        assertThat(appeler("POST", instruction, "instructeur", "{\"action\": \"DEMANDER_COMPLEMENTS\", \"message\": \"Le"
                + " dossier papier n'est pas arrivé.\"}", null).statusCode()).isEqualTo(200);
        JsonNode redemande = json(appeler("GET", "/api/v1/dossiers/" + id, "bailleur", null, null));
        assertThat(redemande.get("messageInstruction").asString()).isEqualTo("Le dossier papier n'est pas arrivé.");
        assertThat(redemande.has("piecesDemandees")).isFalse();
    }

    /**
     * Compléments asked by the Métropole go back to the Métropole. Before, a bailleur who moved the operation to Dijon
     * while answering re-deposited it to the service of the communes without a pack: the instructeur who asked lost it
     * (404) mid-instruction. Moving it within the Métropole is a correction, and a pack published since the deposit for
     * the deposit's own commune still hands the dossier over, as any deposit goes to the service of its commune.
     */
    @Test
    void lesComplementsDemandesReviennentAuServiceQuiLesADemandes() throws Exception {
        String id = creer(dossierRouen());
        assertThat(deposer(id).statusCode()).isEqualTo(200);
        assertThat(appeler("POST", "/api/v1/dossiers/" + id + "/instruction", "instructeur",
                "{\"action\": \"PRENDRE_EN_INSTRUCTION\"}", null).statusCode()).isEqualTo(200);
        assertThat(appeler("POST", "/api/v1/dossiers/" + id + "/instruction", "instructeur",
                "{\"action\": \"DEMANDER_COMPLEMENTS\", \"message\": \"Merci de joindre le plan de masse signé.\"}", null).statusCode())
                .isEqualTo(200);

        String aDijon = dossierRouen().replace("\"76540\"", "\"21231\"");
        String etag = appeler("GET", "/api/v1/dossiers/" + id, "bailleur", null, null).headers().firstValue("ETag").orElseThrow();
        assertThat(appeler("PUT", "/api/v1/dossiers/" + id, "bailleur", aDijon, etag).statusCode()).isEqualTo(200);
        HttpResponse<String> redepot = deposer(id);

        assertThat(redepot.statusCode()).isEqualTo(409);
        assertThat(json(redepot).get("type").asString()).isEqualTo("urn:harmonie:probleme:complements-d-un-autre-territoire");
        assertThat(json(redepot).get("territoireDuDossierModifie").asString()).isEqualTo("national");
        assertThat(json(redepot).get("detail").asString()).isEqualTo("Les compléments ont été demandés par le service instructeur de"
                + " « metropole-rouen-normandie » (Métropole Rouen Normandie) : la réponse lui revient. Modifié (commune 21231 Dijon au"
                + " lieu de 76540 Rouen au dépôt), le dossier irait à « national » (Socle national) ; un dossier en cours"
                + " d'instruction ne change pas de service instructeur : remettre la commune du dépôt, ou créer un nouveau dossier"
                + " pour l'opération déplacée");
        assertThat(json(appeler("GET", "/api/v1/dossiers/" + id, "instructeur", null, null)).get("statut").asString())
                .isEqualTo("COMPLEMENTS_DEMANDES");
        assertThat(appeler("GET", "/api/v1/dossiers/" + id, "instructeur-socle", null, null).statusCode()).isEqualTo(404);

        // Mont-Saint-Aignan is in the Métropole too: the corrected commune goes back to the service that asked.
        etag = appeler("GET", "/api/v1/dossiers/" + id, "bailleur", null, null).headers().firstValue("ETag").orElseThrow();
        assertThat(appeler("PUT", "/api/v1/dossiers/" + id, "bailleur", dossierRouen().replace("\"76540\"", "\"76451\""), etag)
                .statusCode()).isEqualTo(200);
        HttpResponse<String> corrige = deposer(id);
        assertThat(corrige.statusCode()).isEqualTo(200);
        assertThat(json(corrige).get("territoire").asString()).isEqualTo("metropole-rouen-normandie");

        // Deposited when Normandie instructed Rouen (as if the Métropole's pack came after): the answer, same commune,
        // goes to the Métropole that instructs Rouen today.
        String ancien = creer(dossierRouen());
        assertThat(deposer(ancien).statusCode()).isEqualTo(200);
        jdbc.sql("UPDATE dossier SET territoire = 'region-28', statut = 'COMPLEMENTS_DEMANDES' WHERE id = ?::uuid").param(ancien).update();
        assertThat(json(deposerAvec(ancien, "application/json", "{\"message\": \"Plan de masse signé : pièce 3.\"}")).get("territoire")
                .asString()).isEqualTo("metropole-rouen-normandie");
    }

    private record Doublon(String premier, String second, HttpResponse<String> refus) { }

    /** Two drafts of {@code corps}, the first deposited: what the deposit of the second answers. */
    private Doublon deposerDeuxFois(String corps) throws Exception {
        String premier = creer(corps);
        String second = creer(corps);
        assertThat(deposer(premier).statusCode()).isEqualTo(200);
        return new Doublon(premier, second, deposer(second));
    }

    /**
     * One operation, one dossier in instruction. A bailleur's system that retried its creation after a timeout had two
     * identical drafts, both deposited: the Métropole would have instructed the operation twice. The second deposit is
     * refused, by reference and phase or by identical content, until the first is instruit.
     */
    @Test
    void uneOperationDejaDeposeeNeSeDeposePasUneSecondeFois() throws Exception {
        String dossier = dossierRouen().replaceFirst("CAS-AGREMENT-\\d+", "REF-DOUBLE-1");
        Doublon doublon = deposerDeuxFois(dossier);
        String premier = doublon.premier();
        String reessai = doublon.second();

        assertThat(doublon.refus().statusCode()).isEqualTo(409);
        assertThat(json(doublon.refus()).get("type").asString()).isEqualTo("urn:harmonie:probleme:deja-depose");
        assertThat(json(doublon.refus()).get("dossierDepose").asString()).isEqualTo(premier);
        assertThat(json(doublon.refus()).get("detail").asString()).startsWith("Le dossier « REF-DOUBLE-1 » (phase AGREMENT) est déjà déposé"
                + " par votre organisation (" + premier + ", statut DEPOSE) : un second dépôt ferait instruire deux fois la même opération.");
        assertThat(json(appeler("GET", "/api/v1/dossiers/" + reessai, "bailleur", null, null)).get("statut").asString()).isEqualTo("BROUILLON");
        assertThat(appeler("GET", "/api/v1/dossiers/" + reessai, "instructeur", null, null).statusCode()).isEqualTo(404);
        assertThat(json(appeler("POST", "/api/v1/dossiers/" + reessai + "/evaluations", "bailleur", null, null))
                .get("resultat").get("deposable").asBoolean()).as("refusé pour le double, non pour son contenu").isTrue();

        // Without a reference, another deposit of the same content is the same operation too; another operation is not.
        String sansReference = dossier.replace("\"reference\": \"REF-DOUBLE-1\",", "").replace("\"2026-03-16\"", "\"2026-03-17\"");
        HttpResponse<String> sansRef = deposerDeuxFois(sansReference).refus();
        assertThat(sansRef.statusCode()).isEqualTo(409);
        assertThat(json(sansRef).get("detail").asString()).startsWith("Un dossier identique est déjà déposé");
        String autreOperation = creer(dossier.replace("\"REF-DOUBLE-1\"", "\"REF-DOUBLE-2\""));
        assertThat(deposer(autreOperation).statusCode()).isEqualTo(200);
        // The reference typed again in another draft, in lower case with a space, names the same operation, as the
        // list's ?reference= filter reads it.
        HttpResponse<String> retape = deposer(creer(dossier.replace("\"REF-DOUBLE-1\"", "\"ref-double-1 \"")));
        assertThat(retape.statusCode()).isEqualTo(409);
        assertThat(json(retape).get("detail").asString()).startsWith("Le dossier « REF-DOUBLE-1 » (phase AGREMENT) est déjà déposé");

        // Once instruit, the operation may be filed again (a new request the following year, for instance).
        for (String action : new String[] {"PRENDRE_EN_INSTRUCTION", "INSTRUIRE"}) {
            assertThat(appeler("POST", "/api/v1/dossiers/" + premier + "/instruction", "instructeur",
                    "{\"action\": \"" + action + "\"}", null).statusCode()).isEqualTo(200);
        }
        assertThat(deposer(reessai).statusCode()).isEqualTo(200);
    }

    /** Two identical drafts deposited at the same instant (two tabs, a retry): one is deposited, the other refused. */
    @Test
    void deuxDoublesDeposesAuMemeInstantNeSontPasDeposesTousLesDeux() throws Exception {
        String dossier = dossierRouen();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ids.add(creer(dossier));
        }
        var depots = ids.stream().map(id -> java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return deposer(id).statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).toList();

        assertThat(depots.stream().map(java.util.concurrent.CompletableFuture::join).toList()).containsExactlyInAnyOrder(200, 409);
    }
}
