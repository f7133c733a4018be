package fr.harmonie.rapport;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.ClientHttp;
import fr.harmonie.DossiersDeTest;
import fr.harmonie.HorlogeReglable;
import fr.harmonie.ServiceDeTest;
import fr.harmonie.json.Json;
import fr.harmonie.web.ImpressionsEnCours;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Un bailleur sans compte vérifie sa VEFA de Limoges avant de monter le dossier, et imprime l'évaluation pour la réunion
 * de programmation : le même résultat que le JSON, sur papier, qui dit que rien n'est conservé.
 */
@ServiceDeTest
class RapportSansCompteApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    HorlogeReglable horloge;

    @Autowired
    ImpressionsEnCours impressions;

    @Test
    void leRapportDitCeQueDitLeJsonEtQueRienNestConserve() throws Exception {
        // 9 h 05 in Paris (CET): what the report says, not the server's UTC. ServiceDeTest sets the clock back after.
        horloge.regler(Instant.parse("2026-12-07T08:05:00Z"));
        String dossier = Files.readString(Path.of("src/test/resources/exemples/vefa-limoges-permis-non-depose.json"));
        JsonNode resultat = Json.MAPPER.readTree(poster("", dossier, null).body());
        assertThat(resultat.get("anomalies").size()).as("une anomalie à imprimer").isPositive();
        assertThat(resultat.get("piecesRequises").findValuesAsString("statut")).as("une pièce manquante").contains("MANQUANTE");

        HttpResponse<byte[]> pdf = posterPourOctets("?format=pdf", dossier, null);

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition"))
                .hasValue("inline; filename=\"evaluation-" + resultat.get("reference").asString() + ".pdf\"");
        String texte = TexteDuPdf.lire(pdf.body());
        assertThat(texte).contains("Évaluation d'un dossier de demande d'agrément",
                "Évalué le 7 décembre 2026 à 09 h 05 (heure de Paris), sans compte : ni le dossier ni l'évaluation ne sont conservés",
                resultat.get("territoire").get("resolution").asString(),
                "Reçu : " + resultat.get("empreinte").asString(),
                "redonne ce reçu. Seul un dépôt dans Harmonie prouve ce qui a été déposé.",
                "Déposable non : ");
        // Nothing kept, so no address of a kept evaluation to look it up or check it.
        assertThat(texte).doesNotContain("GET /api/v1/evaluations/", "Déposé le");
        ResultatImprime.verifier(texte, resultat);
    }

    /** A client that names the PDF in its Accept header gets it; one that prefers JSON, or takes anything, gets JSON. */
    @Test
    void laccepteDuClientChoisitEntreJsonEtPdf() throws Exception {
        String dossier = Files.readString(Path.of("src/test/resources/exemples/construction-neuve-dijon.json"));

        HttpResponse<byte[]> pdf = posterPourOctets("", dossier, "application/pdf");
        HttpResponse<byte[]> prefereJson = posterPourOctets("", dossier, "application/json, application/pdf;q=0.5");
        HttpResponse<byte[]> toutVa = posterPourOctets("", dossier, "*/*");
        HttpResponse<byte[]> formatJson = posterPourOctets("?format=JSON", dossier, "application/pdf");

        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        for (HttpResponse<byte[]> json : List.of(prefereJson, toutVa, formatJson)) {
            assertThat(json.statusCode()).isEqualTo(200);
            assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(Json.MAPPER.readTree(json.body()).get("reference").asString()).isEqualTo("EX-DIJON-2026-01");
        }
    }

    @Test
    void unFormatInconnuOuUnDossierInvalideEstRefuseEnProblemeFrancais() throws Exception {
        String dossier = Files.readString(Path.of("src/test/resources/exemples/construction-neuve-dijon.json"));

        HttpResponse<String> xml = poster("?format=xml", dossier, null);
        HttpResponse<String> acceptXml = poster("", dossier, "application/xml");
        HttpResponse<String> invalide = poster("?format=pdf", dossier.replace("\"PLUS\"", "\"PLUSS\""), "application/pdf");

        assertThat(xml.statusCode()).isEqualTo(400);
        assertThat(xml.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Json.MAPPER.readTree(xml.body()).get("title").asString()).isEqualTo("Format inconnu");
        assertThat(Json.MAPPER.readTree(xml.body()).get("detail").asString())
                .isEqualTo("« format » vaut json (par défaut), le résultat au format 1, ou pdf, son rapport à imprimer : « xml »"
                        + " n'est ni l'un ni l'autre.");
        // A client that reads neither JSON nor PDF is told so, as before the PDF existed.
        assertThat(acceptXml.statusCode()).isEqualTo(406);
        assertThat(Json.MAPPER.readTree(acceptXml.body()).get("detail").asString()).contains("application/json", "application/pdf");
        // Asked for a PDF, a dossier that breaks the contract still gets its violations, in problem+json.
        assertThat(invalide.statusCode()).isEqualTo(400);
        assertThat(invalide.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Json.MAPPER.readTree(invalide.body()).get("violations").toString()).contains("/operation/lots/0/produit");
    }

    /**
     * Printing has its own places, so that a burst of anonymous PDFs leaves the evaluations their cores: while every
     * place is taken, an anonymous report, a kept evaluation's report and a sheet wait their turn, an evaluation in JSON
     * does not.
     */
    @Test
    void lesImpressionsAttendentLeurTourSansRetenirLesEvaluations() throws Exception {
        String dossier = Files.readString(Path.of("src/test/resources/exemples/construction-neuve-dijon.json"));
        // Printed once before: a first document loads PDFBox and its fonts, and would take longer than the wait below.
        assertThat(posterPourOctets("?format=pdf", dossier, null).statusCode()).isEqualTo(200);
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/territoires/region-84/fiche?date=2026-03-04"))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        HttpResponse<String> cree = ClientHttp.appeler(port, "POST", "/api/v1/dossiers", "bailleur", DossiersDeTest.agrement("76540"), null);
        String dossierGarde = Json.MAPPER.readTree(cree.body()).get("id").asString();
        String evaluation = Json.MAPPER.readTree(ClientHttp.appeler(port, "POST", "/api/v1/dossiers/" + dossierGarde + "/evaluations",
                "bailleur", null, null).body()).get("id").asString();
        HttpRequest rapportGarde = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/evaluations/" + evaluation
                + "/rapport")).header("Authorization", "Basic " + Base64.getEncoder().encodeToString("bailleur:demo".getBytes(StandardCharsets.UTF_8)))
                .build();
        assertThat(HTTP.send(rapportGarde, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        CountDownLatch tenues = new CountDownLatch(impressions.simultanees());
        CountDownLatch liberer = new CountDownLatch(1);
        List<CompletableFuture<byte[]>> places = new ArrayList<>();
        for (int i = 0; i < impressions.simultanees(); i++) {
            places.add(CompletableFuture.supplyAsync(() -> impressions.imprimer(() -> {
                tenues.countDown();
                try {
                    liberer.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new byte[0];
            })));
        }
        try {
            tenues.await();
            CompletableFuture<HttpResponse<byte[]>> rapport = HTTP.sendAsync(demande("?format=pdf", dossier, null),
                    HttpResponse.BodyHandlers.ofByteArray());
            // A date of its own, so that the sheet is laid out rather than taken from the cache.
            CompletableFuture<HttpResponse<byte[]>> fiche = HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/v1/territoires/region-84/fiche?date=2026-03-03")).build(), HttpResponse.BodyHandlers.ofByteArray());
            CompletableFuture<HttpResponse<byte[]>> garde = HTTP.sendAsync(rapportGarde, HttpResponse.BodyHandlers.ofByteArray());

            assertThat(poster("", dossier, null).statusCode()).isEqualTo(200);
            Thread.sleep(300);
            assertThat(rapport).as("le rapport attend une place").isNotDone();
            assertThat(fiche).as("la fiche attend une place").isNotDone();
            assertThat(garde).as("le rapport d'une évaluation gardée attend une place").isNotDone();
            liberer.countDown();
            assertThat(rapport.get().statusCode()).isEqualTo(200);
            assertThat(rapport.get().headers().firstValue("Content-Type")).hasValue("application/pdf");
            assertThat(fiche.get().statusCode()).isEqualTo(200);
            assertThat(fiche.get().headers().firstValue("Content-Type")).hasValue("application/pdf");
            assertThat(garde.get().statusCode()).isEqualTo(200);
            assertThat(garde.get().headers().firstValue("Content-Type")).hasValue("application/pdf");
        } finally {
            liberer.countDown();
            CompletableFuture.allOf(places.toArray(CompletableFuture[]::new)).join();
        }
    }

    private HttpResponse<String> poster(String requete, String corps, String accept) throws IOException, InterruptedException {
        return HTTP.send(demande(requete, corps, accept), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> posterPourOctets(String requete, String corps, String accept) throws IOException, InterruptedException {
        return HTTP.send(demande(requete, corps, accept), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest demande(String requete, String corps, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/evaluations" + requete))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(corps));
        if (accept != null) {
            b.header("Accept", accept);
        }
        return b.build();
    }
}
