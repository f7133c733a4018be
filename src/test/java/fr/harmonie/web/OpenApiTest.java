package fr.harmonie.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.ServiceDeTest;
import fr.harmonie.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** L'API se décrit en OpenAPI 3, et Swagger UI la présente. */
@ServiceDeTest
class OpenApiTest {

    @LocalServerPort
    int port;

    @Test
    void laDescriptionOpenApiListeLesRessourcesEtSwaggerUiRepond() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> doc = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> ui = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/swagger-ui.html")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(doc.statusCode()).isEqualTo(200);
        JsonNode api = Json.MAPPER.readTree(doc.body());
        assertThat(api.get("openapi").asString()).startsWith("3.");
        assertThat(api.get("paths").propertyNames()).contains("/api/v1/evaluations", "/api/v1/dossiers", "/api/v1/dossiers/{id}",
                "/api/v1/dossiers/{id}/depot", "/api/v1/evaluations/{id}/verification", "/api/v1/territoires/{id}/regles");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).containsIgnoringCase("swagger");
    }
}
