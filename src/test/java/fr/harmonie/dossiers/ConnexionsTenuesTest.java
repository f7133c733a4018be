package fr.harmonie.dossiers;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.ClientHttp;
import fr.harmonie.evaluation.Evaluateur;
import fr.harmonie.json.Json;
import fr.harmonie.territoires.RegistreCourant;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Une requête ne tient une connexion à la base que le temps de ses lectures et écritures. Le service n'a ici que deux
 * connexions (le moins que Flyway accepte), et attend une seconde au plus qu'une se libère : deux requêtes qui les
 * tiendraient pendant un travail long feraient refuser (503) toutes les autres requêtes avec compte.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "harmonie.donnees.ephemeres=true",
        "spring.datasource.hikari.maximum-pool-size=2",
        "spring.datasource.hikari.connection-timeout=1000"})
class ConnexionsTenuesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    DataSource base;

    /** A bailleur on a slow line takes seconds to send a dossier: meanwhile, the other accounts work. */
    @Test
    void desDossiersEnvoyesLentementNeBloquentPasLesAutresComptes() throws Exception {
        byte[] dossier = Files.readAllBytes(Path.of("src/test/resources/exemples/construction-neuve-dijon.json"));
        try (Socket premier = new Socket("localhost", port); Socket second = new Socket("localhost", port)) {
            // As many uploads under way as the pool has connections: the first half of each is sent, the rest is late,
            // and the service, having authenticated them, waits in their bodies.
            for (Socket envoi : List.of(premier, second)) {
                OutputStream sortie = envoi.getOutputStream();
                sortie.write(("POST /api/v1/dossiers HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Authorization: Basic " + Base64.getEncoder().encodeToString("bailleur2:demo".getBytes(StandardCharsets.UTF_8))
                        + "\r\nContent-Length: " + dossier.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                sortie.write(dossier, 0, dossier.length / 2);
                sortie.flush();
            }
            Thread.sleep(500);

            for (String autre : new String[] {"instructeur-socle", "bailleur", "admin"}) {
                assertThat(ClientHttp.appeler(port, "GET", "/api/v1/moi", autre, null, null).statusCode()).as(autre).isEqualTo(200);
            }

            for (Socket envoi : List.of(premier, second)) {
                envoi.getOutputStream().write(dossier, dossier.length / 2, dossier.length - dossier.length / 2);
                envoi.getOutputStream().flush();
                assertThat(reponse(envoi.getInputStream())).startsWith("HTTP/1.1 201");
            }
        }
    }

    /**
     * Authentication reads the account and its organisation's packs on every request. Done by a query run from within
     * another's row, it held two connections at once: as many requests authenticating together as the pool has
     * connections then waited for each other, and all got 503. Here the test holds one of the two connections itself,
     * and each kind of authentication must pass with the other alone.
     */
    @Test
    void sAuthentifierNeDemandeQuUneConnexion() throws Exception {
        HttpResponse<String> emis = ClientHttp.appeler(port, "POST", "/api/v1/jetons", "instructeur", "{\"libelle\": \"SI\"}", null);
        assertThat(emis.statusCode()).isEqualTo(201);
        String jeton = Json.MAPPER.readTree(emis.body()).get("jeton").asString();

        try (Connection tenue = base.getConnection()) {
            HttpResponse<String> parCompte = ClientHttp.appeler(port, "GET", "/api/v1/moi", "instructeur", null, null);
            assertThat(parCompte.statusCode()).isEqualTo(200);
            assertThat(Json.MAPPER.readTree(parCompte.body()).get("territoires").toString()).contains("metropole-rouen-normandie");
            HttpResponse<String> parJeton = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/moi"))
                    .header("Authorization", "Bearer " + jeton).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(parJeton.statusCode()).isEqualTo(200);
            assertThat(Json.MAPPER.readTree(parJeton.body()).get("territoires").toString()).contains("metropole-rouen-normandie");
        }
    }

    /**
     * The largest dossier takes a second or two of rules. Here an evaluation is held in the middle of its rules for as
     * long as the test wants, while the test itself holds one of the two connections: another account must still get
     * the other one. Were the evaluation inside the sealing's transaction, that connection would be taken.
     */
    @Test
    void uneEvaluationOuUnDepotLongsNeTiennentPasDeConnexion() throws Exception {
        String id = Json.MAPPER.readTree(ClientHttp.appeler(port, "POST", "/api/v1/dossiers", "bailleur2",
                Files.readString(Path.of("src/test/resources/exemples/construction-neuve-dijon.json")), null).body()).get("id").asString();
        ExecutorService fond = Executors.newSingleThreadExecutor();
        try {
            // A sealed evaluation, then the deposit, which evaluates again before it seals.
            for (String[] operation : new String[][] {{"/evaluations", "201"}, {"/depot", "200"}}) {
                EvaluationRetenue.retenir();
                Future<HttpResponse<String>> enCours = fond.submit(() ->
                        ClientHttp.appeler(port, "POST", "/api/v1/dossiers/" + id + operation[0], "bailleur2", null, null));
                EvaluationRetenue.attendreQuElleCommence();
                try (Connection tenue = base.getConnection()) {
                    assertThat(ClientHttp.appeler(port, "GET", "/api/v1/moi", "instructeur", null, null).statusCode())
                            .as(operation[0]).isEqualTo(200);
                } finally {
                    EvaluationRetenue.liberer();
                }
                assertThat(enCours.get(30, TimeUnit.SECONDS).statusCode()).as(operation[0]).isEqualTo(Integer.parseInt(operation[1]));
            }
        } finally {
            EvaluationRetenue.liberer();
            fond.shutdownNow();
        }
    }

    /** The service's evaluator, which a test may stop in the middle of an evaluation (while its chain is resolved). */
    @TestConfiguration
    static class EvaluationRetenue {

        private static volatile CountDownLatch commencee = new CountDownLatch(0);
        private static volatile CountDownLatch liberee = new CountDownLatch(0);

        static void retenir() {
            commencee = new CountDownLatch(1);
            liberee = new CountDownLatch(1);
        }

        static void attendreQuElleCommence() throws InterruptedException {
            assertThat(commencee.await(30, TimeUnit.SECONDS)).as("l'évaluation a commencé").isTrue();
        }

        static void liberer() {
            liberee.countDown();
        }

        @Bean
        @Primary
        Evaluateur evaluateurRetenu(RegistreCourant registre, Clock horloge) {
            return new Evaluateur(dossier -> {
                commencee.countDown();
                try {
                    liberee.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return registre.resoudre(dossier);
            }, horloge);
        }
    }

    private static String reponse(InputStream entree) throws Exception {
        ByteArrayOutputStream lu = new ByteArrayOutputStream();
        entree.transferTo(lu);
        return lu.toString(StandardCharsets.UTF_8);
    }
}
