package fr.harmonie.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.ServiceEnProcessus;
import fr.harmonie.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Un service lancé avec 128 Mo de tas (un conteneur de 512 Mo : la JVM en prend le quart) reçoit d'un coup quatre fois
 * le plus gros dossier admis (15 999 anomalies). Chacun est évalué, à tour de rôle, et le service répond encore
 * ensuite : avant, le budget des corps, compté sur tout le tas, en laissait entrer trois à la fois ; ils l'épuisaient,
 * les requêtes recevaient 500 et le fil qui accepte les connexions mourait. Si ce test échoue, le service garde
 * désormais pour lui plus que {@code BudgetDesCorps.RESERVE_DU_SERVICE}.
 */
class PetitTasTest {

    @TempDir
    Path dossier;

    @Test
    void avec128MoDeTasLesPlusGrosDossiersPassentATourDeRoleSansEpuiserLeService() throws Exception {
        byte[] gros = Json.MAPPER.writeValueAsBytes(DossierAuxLimitesTest.lePlusGros());
        int port = ServiceEnProcessus.portLibre();
        Path journal = dossier.resolve("service.log");
        Path temporaires = Files.createDirectories(dossier.resolve("tmp"));
        Process service = ServiceEnProcessus.lancer(List.of("-Xmx128m", "-Djava.io.tmpdir=" + temporaires), Map.of(), journal,
                "--harmonie.donnees.ephemeres=true", "--server.port=" + port);
        try {
            ServiceEnProcessus.attendre(service, port);
            HttpClient http = HttpClient.newHttpClient();
            URI evaluations = URI.create("http://localhost:" + port + "/api/v1/evaluations");
            List<CompletableFuture<HttpResponse<String>>> envois = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                envois.add(http.sendAsync(HttpRequest.newBuilder(evaluations).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(gros)).build(), HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> envoi : envois) {
                HttpResponse<String> r = envoi.get();
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                assertThat(Json.MAPPER.readTree(r.body()).get("anomalies").findValuesAsString("code"))
                        .filteredOn("DESIGNATION_EN_DOUBLE"::equals).hasSize(15_999);
            }
            Path dijon = Path.of("src/test/resources/exemples/construction-neuve-dijon.json");
            HttpResponse<String> ordinaire = http.send(HttpRequest.newBuilder(evaluations).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofFile(dijon)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ordinaire.statusCode()).isEqualTo(200);
        } finally {
            service.destroy();
            service.waitFor();
        }
        assertThat(Files.readString(journal)).doesNotContain("OutOfMemoryError");
    }
}
