package fr.harmonie.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.HorlogeReglable;
import fr.harmonie.ServiceDeTest;
import fr.harmonie.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** L'API d'évaluation sur un vrai serveur HTTP, comme un bailleur l'appelle. */
@ServiceDeTest
class EvaluationApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    HorlogeReglable horloge;

    @Autowired
    PrechauffageDesChaines prechauffage;

    private HttpResponse<String> poster(byte[] corps, String type) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/evaluations"))
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(corps)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> poster(String corps) throws IOException, InterruptedException {
        return poster(corps.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    private static String exemple(String nom) throws IOException {
        return Files.readString(Path.of("src/test/resources/exemples/" + nom + ".json"));
    }

    /** PrechauffageDesChainesTest shows what the preparation does; this, that the started service runs it. */
    @Test
    void leServiceDemarrePrepareLaChaineDeChaqueTerritoire() throws Exception {
        long limite = System.nanoTime() + 60_000_000_000L;
        while (prechauffage.derniers().isEmpty() && System.nanoTime() < limite) {
            Thread.sleep(50);
        }
        assertThat(prechauffage.derniers()).contains("national", "metropole-rouen-normandie", "region-28", "region-84");
    }

    @ParameterizedTest
    @ValueSource(strings = {"construction-neuve-dijon", "programmation-grenoble", "vefa-limoges-permis-non-depose"})
    void chaqueExempleDonneUnResultatConformeAuContrat(String nom) throws Exception {
        HttpResponse<String> r = poster(exemple(nom));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(SchemaResultat.ecarts(r.body())).isEmpty();
    }

    @Test
    void uneVefaDontLePermisNestPasDeposeNestPasDeposable() throws Exception {
        JsonNode r = Json.MAPPER.readTree(poster(exemple("vefa-limoges-permis-non-depose")).body());

        assertThat(r.get("deposable").asBoolean()).isFalse();
        assertThat(r.get("anomalies").get(0).get("code").asString()).isEqualTo("VEFA_PERMIS_NON_DEPOSE");
        assertThat(r.get("anomalies").get(0).get("champ").asString()).isEqualTo("/operation/urbanisme/permisConstruire");
        assertThat(r.get("anomalies").get(0).get("origine").get("pack").asString()).startsWith("national@");
    }

    @Test
    void leMemeDossierDonneLeMemeRecuQuelsQueSoientOrdreDesClesEtEspaces() throws Exception {
        String original = exemple("construction-neuve-dijon");
        ObjectNode arbre = (ObjectNode) Json.MAPPER.readTree(original);
        ObjectNode reordonne = Json.MAPPER.createObjectNode();
        reordonne.set("pieces", arbre.get("pieces"));
        reordonne.set("operation", arbre.get("operation"));
        arbre.properties().forEach(e -> reordonne.putIfAbsent(e.getKey(), e.getValue()));

        String recu1 = Json.MAPPER.readTree(poster(original).body()).get("empreinte").asString();
        String recu2 = Json.MAPPER.readTree(poster(Json.MAPPER.writeValueAsString(reordonne)).body()).get("empreinte").asString();
        ObjectNode modifie = arbre.deepCopy();
        modifie.put("reference", "AUTRE");
        String recu3 = Json.MAPPER.readTree(poster(Json.MAPPER.writeValueAsString(modifie)).body()).get("empreinte").asString();

        assertThat(recu1).matches("sha256:[0-9a-f]{64}").isEqualTo(recu2).isNotEqualTo(recu3);
    }

    /** At half past midnight on New Year's Day in Paris it is still 31 December in UTC: the dossier is dated 1 January. */
    @Test
    void sansDateDeReferenceCestAujourdhuiAParis() throws Exception {
        ObjectNode arbre = (ObjectNode) Json.MAPPER.readTree(exemple("construction-neuve-dijon"));
        arbre.remove("dateReference");
        horloge.regler(Instant.parse("2026-12-31T23:30:00Z"));

        JsonNode r = Json.MAPPER.readTree(poster(Json.MAPPER.writeValueAsString(arbre)).body());

        assertThat(r.get("dateReference").asString()).isEqualTo("2027-01-01");
    }

    @Test
    void unDossierHorsContratEstRefuseAvecChaqueEcartEtSonPointeur() throws Exception {
        ObjectNode arbre = (ObjectNode) Json.MAPPER.readTree(exemple("construction-neuve-dijon"));
        arbre.put("dateReference", "2026-02-30");
        ((ObjectNode) arbre.get("maitreOuvrage")).put("sirene", "552100554");
        ((ObjectNode) arbre.get("operation")).put("nature", "DEMOLITION");

        HttpResponse<String> r = poster(Json.MAPPER.writeValueAsString(arbre));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode p = Json.MAPPER.readTree(r.body());
        assertThat(p.get("title").asString()).isEqualTo("Dossier non conforme au format 1");
        assertThat(p.get("violations").findValuesAsString("pointeur"))
                .containsExactly("/dateReference", "/maitreOuvrage/sirene", "/operation/nature");
        assertThat(p.get("violations").get(1).get("message").asString()).contains("sirene");
    }

    @Test
    void uneDateAnterieureAuSocleEstRefuseeSurSonChamp() throws Exception {
        ObjectNode d = (ObjectNode) Json.MAPPER.readTree(exemple("construction-neuve-dijon"));
        d.put("dateReference", "1999-12-31");

        HttpResponse<String> r = poster(Json.MAPPER.writeValueAsString(d));

        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode p = Json.MAPPER.readTree(r.body());
        assertThat(p.get("title").asString()).isEqualTo("Date de référence hors des règles");
        assertThat(p.get("detail").asString())
                .isEqualTo("Harmonie n'a pas de règles au 1999-12-31 : le socle national s'applique à partir du 2000-01-01.");
        assertThat(p.get("violations").get(0).get("pointeur").asString()).isEqualTo("/dateReference");
    }

    @Test
    void millePremiersEcartsSontListesEtLeDetailLesCompteTous() throws Exception {
        ObjectNode d = (ObjectNode) Json.MAPPER.readTree(exemple("construction-neuve-dijon"));
        for (int i = 0; i < 1_500; i++) {
            d.put(String.format("inconnue%04d", i), i);
        }
        HttpResponse<String> r = poster(Json.MAPPER.writeValueAsString(d));

        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode p = Json.MAPPER.readTree(r.body());
        assertThat(p.get("detail").asString()).startsWith("1500 écarts au contrat").contains("Les 1000 premiers");
        assertThat(p.get("violations")).hasSize(1_000);
        assertThat(p.get("violations").get(0).get("pointeur").asString()).isEqualTo("/inconnue0000");
    }

    @Test
    void lesCorpsMalFormesTropGrandsOuTropProfondsSontRefusesEnFrancais() throws Exception {
        HttpResponse<String> malForme = poster("{\"formatVersion\": \"1\",");
        HttpResponse<String> vide = poster("");
        // Exported by a system that writes ISO-8859-1: "Dijon", but "Société" and every "é" are one byte E9.
        HttpResponse<String> latin1 = poster(exemple("construction-neuve-dijon").getBytes(StandardCharsets.ISO_8859_1), "application/json");
        HttpResponse<String> profond = poster("[".repeat(5000) + "]".repeat(5000));
        byte[] enorme = ("{\"reference\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> tropGrand = poster(enorme, "application/json");
        HttpResponse<String> texte = poster("bonjour".getBytes(StandardCharsets.UTF_8), "text/plain");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(exemple("construction-neuve-dijon").getBytes(StandardCharsets.UTF_8));
        }
        HttpResponse<String> compresse = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/evaluations"))
                .header("Content-Type", "application/json").header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gz.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(malForme.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(malForme.body()).get("title").asString()).isEqualTo("JSON mal formé");
        assertThat(latin1.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(latin1.body()).get("detail").asString()).startsWith("Le dossier n'est pas un JSON valide (ligne ")
                .contains("le texte n'est pas encodé en UTF-8");
        assertThat(vide.statusCode()).isEqualTo(400);
        assertThat(profond.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(profond.body()).get("detail").asString()).contains("imbrication");
        assertThat(tropGrand.statusCode()).isEqualTo(413);
        assertThat(Json.MAPPER.readTree(tropGrand.body()).get("title").asString()).isEqualTo("Corps de requête trop volumineux");
        assertThat(texte.statusCode()).isEqualTo(415);
        assertThat(texte.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Json.MAPPER.readTree(texte.body()).get("title").asString()).isEqualTo("Type de contenu non pris en charge");
        assertThat(compresse.statusCode()).isEqualTo(415);
        assertThat(Json.MAPPER.readTree(compresse.body()).get("detail").asString()).contains("Content-Encoding: gzip");
    }

    /**
     * An Accept header that cannot be read used to get a bare 406 with no body on every address. It is disregarded
     * (RFC 9110 §12.5.1): what can be read of it is kept, and with nothing readable the answer is the JSON.
     */
    @Test
    void unEnTeteAcceptIllisibleEstIgnore() throws Exception {
        HttpResponse<String> evaluation = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/evaluations"))
                .header("Content-Type", "application/json").header("Accept", ";;;")
                .POST(HttpRequest.BodyPublishers.ofString(exemple("construction-neuve-dijon"))).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> territoires = lire("/api/v1/territoires", "text/html;q=abc");
        HttpResponse<String> enPartie = lire("/api/v1/territoires", "application/json, ;;;");
        HttpResponse<String> xml = lire("/api/v1/territoires", "application/xml, ;;;");

        assertThat(evaluation.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(evaluation.body()).get("reference").asString()).isEqualTo("EX-DIJON-2026-01");
        assertThat(territoires.statusCode()).isEqualTo(200);
        assertThat(territoires.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(enPartie.statusCode()).isEqualTo(200);
        // What can be read of the header still counts: XML alone is still not served, and the refusal is said in French.
        assertThat(xml.statusCode()).isEqualTo(406);
        assertThat(Json.MAPPER.readTree(xml.body()).get("title").asString()).isEqualTo("Format de réponse non disponible");
    }

    private HttpResponse<String> lire(String chemin, String accept) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + chemin)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void uneAutreMethodeOuUneAutreAdresseRepondEnProblemeFrancais() throws Exception {
        HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/evaluations"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> inconnue = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/rien"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(Json.MAPPER.readTree(get.body()).get("title").asString()).isEqualTo("Méthode non autorisée pour cette ressource");
        assertThat(Json.MAPPER.readTree(get.body()).get("detail").asString())
                .isEqualTo("La méthode GET n'est pas acceptée ici ; méthodes acceptées : POST.");
        // Anonymous callers learn nothing of what exists behind the API: 401 before any 404.
        assertThat(inconnue.statusCode()).isEqualTo(401);
        assertThat(inconnue.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Json.MAPPER.readTree(inconnue.body()).get("title").asString()).isEqualTo("Authentification requise");
    }

    /**
     * Paths refused before Spring MVC sees them: by the security firewall (encoded dots, a semicolon) or by Tomcat
     * itself (an encoded slash, a NUL). They too answer in French problem+json, not an English or HTML page.
     */
    @Test
    void uneAdresseRefuseeAvantLApplicationRepondAussiEnProblemeFrancais() throws Exception {
        for (String chemin : List.of("/api/v1/territoires/%2e%2e/regles", "/api/v1/territoires/a;b/regles",
                "/api/v1/territoires/a%2Fb/regles", "/api/v1/territoires/a%00b/regles")) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + chemin)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(r.statusCode()).as(chemin).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).as(chemin).startsWith("application/problem+json");
            assertThat(Json.MAPPER.readTree(r.body()).get("title").asString()).as(chemin).isEqualTo("Requête invalide");
        }
    }

    /**
     * A query string Tomcat cannot decode is the client's error, not the server's. Sent over a raw socket: Java's
     * HTTP client refuses to send such an address at all.
     */
    @Test
    void unParametreMalEncodeEstUneErreurDuClient() throws Exception {
        String reponse;
        try (Socket s = new Socket("localhost", port)) {
            s.getOutputStream().write(("GET /api/v1/territoires/region-84/regles?date=%ZZ HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            reponse = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(reponse).startsWith("HTTP/1.1 400");
        assertThat(reponse).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(reponse).contains("Un paramètre de l'adresse est mal encodé");
    }

    @Autowired
    jakarta.servlet.ServletContext servletContext;

    /** The budget that keeps large dossiers at once from exhausting the heap guards every request of the service. */
    @Test
    void leBudgetDesCorpsGardeToutesLesRequetes() {
        var enregistrement = servletContext.getFilterRegistration("budgetDesCorps");
        assertThat(enregistrement).isNotNull();
        assertThat(enregistrement.getUrlPatternMappings()).containsExactly("/*");
    }
}
