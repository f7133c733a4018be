package fr.harmonie.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.ClientHttp;
import fr.harmonie.ServiceDeTest;
import fr.harmonie.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * L'exploitant suit le service par Prometheus (requêtes par route et statut, latences, attente des connexions à la
 * base, mémoire): de quoi voir venir le pic des dernières semaines de l'année. Ces chiffres disent comment le service
 * est utilisé: l'administration seule les lit.
 */
@ServiceDeTest
class MetriquesTest {

    @LocalServerPort
    int port;

    @Test
    void lAdministrationLitLesMetriquesDesEvaluationsEtDeLaBaseLesAutresNon() throws Exception {
        String dossier = Files.readString(Path.of("src/test/resources/exemples/construction-neuve-dijon.json"));
        assertThat(ClientHttp.appeler(port, "POST", "/api/v1/evaluations", null, dossier, null).statusCode()).isEqualTo(200);
        assertThat(ClientHttp.appeler(port, "GET", "/api/v1/dossiers", "bailleur", null, null).statusCode()).isEqualTo(200);

        HttpResponse<String> anonyme = ClientHttp.appeler(port, "GET", "/actuator/prometheus", null, null, null);
        assertThat(anonyme.statusCode()).isEqualTo(401);
        assertThat(anonyme.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(ClientHttp.appeler(port, "GET", "/actuator/prometheus", "bailleur", null, null).statusCode()).isEqualTo(403);
        assertThat(ClientHttp.appeler(port, "GET", "/actuator/prometheus", "dreal", null, null).statusCode()).isEqualTo(403);
        // Nothing else of the actuator is open: its other endpoints would tell the configuration, or stop the service.
        assertThat(ClientHttp.appeler(port, "GET", "/actuator/env", "admin", null, null).statusCode()).isEqualTo(404);

        HttpResponse<String> metriques = ClientHttp.appeler(port, "GET", "/actuator/prometheus", "admin", null, null);
        assertThat(metriques.statusCode()).isEqualTo(200);
        assertThat(metriques.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(metriques.body())
                .containsPattern("http_server_requests_seconds_count\\{[^}]*method=\"POST\"[^}]*status=\"200\"[^}]*"
                        + "uri=\"/api/v1/evaluations\"[^}]*\\} [1-9]")
                .contains("hikaricp_connections_pending", "jvm_memory_used_bytes");

        // A client that sends odd methods and made-up paths does not add a series each: the metrics stay bounded.
        int avant = series(metriques.body());
        for (int i = 0; i < 30; i++) {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/inconnu/" + i))
                    .method("METHODE" + i, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            ClientHttp.appeler(port, "GET", "/api/v1/dossiers/pas-un-id-" + i, "bailleur", null, null);
        }
        String apres = ClientHttp.appeler(port, "GET", "/actuator/prometheus", "admin", null, null).body();
        assertThat(series(apres)).isLessThanOrEqualTo(avant + 4);

        // Prometheus collects with a token of the administration's organisation, never with a person's password.
        String jeton = Json.MAPPER.readTree(ClientHttp.appeler(port, "POST", "/api/v1/jetons", "admin",
                "{\"libelle\": \"prometheus\"}", null).body()).get("jeton").asString();
        HttpResponse<String> parJeton = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/prometheus")).header("Authorization", "Bearer " + jeton)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(parJeton.statusCode()).isEqualTo(200);
        assertThat(parJeton.body()).contains("http_server_requests_seconds_count");
    }

    private static int series(String metriques) {
        return (int) metriques.lines().filter(l -> l.startsWith("http_server_requests_seconds_count{")).count();
    }
}
