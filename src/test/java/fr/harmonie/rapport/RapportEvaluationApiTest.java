package fr.harmonie.rapport;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.ClientHttp;
import fr.harmonie.DossiersDeTest;
import fr.harmonie.ServiceDeTest;
import fr.harmonie.json.Json;
import fr.harmonie.regles.faits.Fr;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Le bailleur dépose un dossier à Rouen et joint à son courrier le rapport de l'évaluation du dépôt ; l'instructeur
 * de la Métropole imprime le même rapport comme liste de contrôle. Tout ce que dit l'évaluation scellée y est lu.
 */
@ServiceDeTest
class RapportEvaluationApiTest {

    @LocalServerPort
    int port;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void leRapportDuDepotDitCeQueLeServiceAScelle() throws Exception {
        // A logement whose declared surface utile is wrong (an anomaly, the dossier still deposable), and a name as a
        // bailleur's system may send it: an emoji the font has no glyph for, a right-to-left override that would print
        // the end of the name backwards.
        String corps = DossiersDeTest.agrement("76540")
                .replaceFirst("\"surfaceUtile\": 65.0", "\"surfaceUtile\": 67.0")
                .replace("Dossier de base des cas : construction neuve sans anomalie", "Résidence « Les Tilleuls » \uD83C\uDFE0 \\u202Eliam");
        HttpResponse<String> cree = ClientHttp.appeler(port, "POST", "/api/v1/dossiers", "bailleur", corps, null);
        assertThat(cree.statusCode()).as(cree.body()).isEqualTo(201);
        String id = Json.MAPPER.readTree(cree.body()).get("id").asString();
        assertThat(ClientHttp.appeler(port, "POST", "/api/v1/dossiers/" + id + "/depot", "bailleur", null, null).statusCode()).isEqualTo(200);
        String evaluation = evaluationDuDepot(id);
        JsonNode scellee = Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", "/api/v1/evaluations/" + evaluation, "instructeur", null, null).body());
        JsonNode resultat = scellee.get("resultat");
        assertThat(resultat.get("anomalies").size()).as("le dossier a une anomalie à imprimer").isPositive();

        HttpResponse<byte[]> pdf = rapport(evaluation, "instructeur");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition")).hasValue("inline; filename=\"evaluation-" + evaluation + ".pdf\"");
        String texte = TexteDuPdf.lire(pdf.body());

        assertThat(texte).contains("Évaluation du dépôt d'un dossier de demande d'agrément", "Résidence « Les Tilleuls » ? liam",
                resultat.get("territoire").get("resolution").asString(), "Maturité : " + resultat.get("maturite").get("score").asInt() + " / 100",
                "Reçu : " + scellee.get("empreinte").asString(), "Déposé le",
                // The deposit is judged on the day of the deposit: the date of the rules it was read with.
                "Règles en vigueur le " + Libelles.jour(resultat.get("dateReference").asString()));
        assertThat(texte).doesNotContain("\u202E");
        // Copied from the document, « financement » and an id with « ff » in it read as typed: no ligature.
        assertThat(TexteDuPdf.brut(pdf.body())).contains("financement").doesNotContainPattern("[\uFB00-\uFB06]");
        ResultatImprime.verifier(texte, resultat);
        // One evaluation, one document: printed again tomorrow, it is the same file.
        assertThat(Arrays.equals(rapport(evaluation, "bailleur").body(), pdf.body())).as("mêmes octets").isTrue();
    }

    /**
     * The report of the answer's deposit is the instructeur's checklist of the answer: what the service asked, which of
     * the pieces it named the answer declares anew, and what the bailleur says; the first deposit's report stays as it was.
     */
    @Test
    void leRapportDUneReponseAuxComplementsDitCeQuiEtaitDemandeEtCeQuiARepondu() throws Exception {
        String corps = DossiersDeTest.agrement("76540");
        HttpResponse<String> cree = ClientHttp.appeler(port, "POST", "/api/v1/dossiers", "bailleur", corps, null);
        String id = Json.MAPPER.readTree(cree.body()).get("id").asString();
        assertThat(ClientHttp.appeler(port, "POST", "/api/v1/dossiers/" + id + "/depot", "bailleur",
                "{\"message\": \"Premier dépôt de l'opération.\"}", null).statusCode()).isEqualTo(200);
        String premier = evaluationDuDepot(id);
        for (String action : new String[] {"{\"action\": \"PRENDRE_EN_INSTRUCTION\"}", "{\"action\": \"DEMANDER_COMPLEMENTS\","
                + " \"message\": \"Joindre l'avis de la commune et le plan de masse.\", \"pieces\": [\"PLAN_MASSE\", \"AVIS_COMMUNE\"]}"}) {
            assertThat(ClientHttp.appeler(port, "POST", "/api/v1/dossiers/" + id + "/instruction", "instructeur", action, null).statusCode())
                    .isEqualTo(200);
        }
        String etag = ClientHttp.appeler(port, "GET", "/api/v1/dossiers/" + id, "bailleur", null, null).headers().firstValue("ETag").orElseThrow();
        assertThat(ClientHttp.appeler(port, "PUT", "/api/v1/dossiers/" + id, "bailleur", corps.replace("\"pieces\": [",
                "\"pieces\": [{\"code\": \"AVIS_COMMUNE\", \"fournie\": true},"), etag).statusCode()).isEqualTo(200);
        assertThat(ClientHttp.appeler(port, "POST", "/api/v1/dossiers/" + id + "/depot", "bailleur",
                "{\"message\": \"L'avis de la commune est joint ; le plan part par courrier.\"}", null).statusCode()).isEqualTo(200);
        String second = evaluationDuDepot(id);
        assertThat(second).isNotEqualTo(premier);
        HttpResponse<String> reevalue = ClientHttp.appeler(port, "POST", "/api/v1/dossiers/" + id + "/evaluations", "instructeur", null, null);
        String simple = Json.MAPPER.readTree(reevalue.body()).get("id").asString();

        assertThat(TexteDuPdf.lire(rapport(premier, "instructeur").body())).startsWith("Évaluation du dépôt d'un dossier de demande d'agrément")
                .contains("Message du bailleur au service instructeur", "Premier dépôt de l'opération.")
                .doesNotContain("Réponse aux compléments demandés");
        // Each deposit's report says until when the service may decide the request: four months from its first deposit.
        java.time.LocalDate demandeLe = java.time.OffsetDateTime.parse(Json.MAPPER.readTree(ClientHttp.appeler(port, "GET",
                "/api/v1/dossiers/" + id, "bailleur", null, null).body()).get("premierDepotLe").asString())
                .atZoneSameInstant(java.time.ZoneId.of("Europe/Paris")).toLocalDate();
        String delai = "Délai de décision jusqu'au " + Fr.jour(demandeLe.plusMonths(4)) + ", quatre mois à compter de la demande"
                + " (déposée le " + Fr.jour(demandeLe) + ") ; sans décision à cette date, la demande est réputée rejetée (ancien"
                + " article R. 331-6 du CCH)";
        assertThat(TexteDuPdf.lire(rapport(premier, "instructeur").body()).replaceAll("\\s+", " ")).contains(delai);
        String reponse = TexteDuPdf.lire(rapport(second, "instructeur").body());
        assertThat(reponse.replaceAll("\\s+", " ")).contains(delai);
        assertThat(reponse).startsWith("Évaluation du dépôt d'un dossier de demande d'agrément").contains(
                "Réponse aux compléments demandés",
                "Demande Joindre l'avis de la commune et le plan de masse.",
                "Pièces demandées 2 pièces, dont 1 déclarée autrement qu'au dépôt précédent",
                "Inchangée Plan de masse (PLAN_MASSE)",
                "Modifiée Avis ou délibération de la commune (AVIS_COMMUNE)",
                "Changements 1 changement depuis le dépôt précédent : Ajout : pièce AVIS_COMMUNE",
                "Réponse du bailleur L'avis de la commune est joint ; le plan part par courrier.");
        assertThat(reponse.indexOf("(PLAN_MASSE)")).as("dans l'ordre du catalogue").isLessThan(reponse.indexOf("(AVIS_COMMUNE)"));
        assertThat(TexteDuPdf.lire(rapport(simple, "instructeur").body())).startsWith("Évaluation d'un dossier de demande d'agrément")
                .contains("Évalué le", "par instructeur").doesNotContain("Réponse aux compléments", "Message du bailleur", "Délai de décision");
    }

    private String evaluationDuDepot(String dossier) throws Exception {
        return Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", "/api/v1/dossiers/" + dossier, "bailleur", null, null).body())
                .get("evaluationDepot").asString();
    }

    @Test
    void leRapportNeSeLitQueParQuiVoitLeDossier() throws Exception {
        String id = DossiersDeTest.creer(port, "76540", false);
        HttpResponse<String> evalue = ClientHttp.appeler(port, "POST", "/api/v1/dossiers/" + id + "/evaluations", "bailleur", null, null);
        String evaluation = Json.MAPPER.readTree(evalue.body()).get("id").asString();
        assertThat(rapport(evaluation, "bailleur").statusCode()).isEqualTo(200);
        assertThat(TexteDuPdf.lire(rapport(evaluation, "bailleur").body())).contains("Évaluation d'un dossier de demande d'agrément", "Évalué le");

        for (String compte : new String[] {"bailleur2", "instructeur", "dreal"}) {
            // Another organisation's, a draft the service does not see yet, another region's: not there, as for the JSON.
            HttpResponse<byte[]> refus = rapport(evaluation, compte);
            assertThat(refus.statusCode()).as(compte).isEqualTo(404);
            assertThat(refus.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(new String(refus.body(), StandardCharsets.UTF_8)).contains("Introuvable");
        }
        assertThat(rapport(evaluation, null).statusCode()).isEqualTo(401);
    }

    private HttpResponse<byte[]> rapport(String evaluation, String compte) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/evaluations/" + evaluation + "/rapport"));
        if (compte != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((compte + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
