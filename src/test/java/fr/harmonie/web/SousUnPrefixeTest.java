package fr.harmonie.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Published under a path (https://intranet.ddt.gouv.fr/harmonie/, the proxy keeping the prefix, the service started with
 * {@code --server.servlet.context-path=/harmonie}): the Location of what a client creates, the link to a list's next
 * page and the address Swagger UI calls stay under it. A bare {@code /api/v1/…} sent the client outside the service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.servlet.context-path=/harmonie", "harmonie.donnees.ephemeres=true"})
class SousUnPrefixeTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void lesEmplacementsEtLaDescriptionRestentSousLePrefixe() throws Exception {
        String dossier = Files.readString(Path.of("rules/cas/agrement.json")).replace("\"356000000\"", "\"732829320\"");
        HttpResponse<String> cree = envoyer(requete("/harmonie/api/v1/dossiers").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(dossier)));
        assertThat(cree.statusCode()).as(cree.body()).isEqualTo(201);
        String ici = cree.headers().firstValue("Location").orElseThrow();
        assertThat(ici).startsWith("/harmonie/api/v1/dossiers/");
        assertThat(envoyer(requete(ici).GET()).statusCode()).isEqualTo(200);

        HttpResponse<String> evaluee = envoyer(requete(ici + "/evaluations").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(evaluee.statusCode()).as(evaluee.body()).isEqualTo(201);
        String evaluation = evaluee.headers().firstValue("Location").orElseThrow();
        assertThat(evaluation).startsWith("/harmonie/api/v1/evaluations/");
        assertThat(envoyer(requete(evaluation).GET()).statusCode()).isEqualTo(200);

        // A list read by pages: the link to the next one too.
        HttpResponse<String> page = envoyer(requete("/harmonie/api/v1/dossiers?limite=1").GET());
        assertThat(page.headers().firstValue("Link").orElseThrow()).startsWith("</harmonie/api/v1/dossiers?");

        HttpResponse<String> description = envoyer(requete("/harmonie/v3/api-docs").GET());
        assertThat(Json.MAPPER.readTree(description.body()).get("servers").get(0).get("url").asString())
                .isEqualTo("http://localhost:" + port + "/harmonie");
    }

    private HttpRequest.Builder requete(String chemin) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + chemin)).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString("bailleur:demo".getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpResponse<String> envoyer(HttpRequest.Builder requete) throws Exception {
        return HTTP.send(requete.build(), HttpResponse.BodyHandlers.ofString());
    }
}
