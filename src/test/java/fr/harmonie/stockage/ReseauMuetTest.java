package fr.harmonie.stockage;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.ClientHttp;
import fr.harmonie.json.Json;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Le réseau vers la base se tait au milieu d'une requête, sans couper la connexion (un pare-feu qui perd tout, une
 * base figée) : la requête reçoit son 503 après le délai de réponse de la base, au lieu d'attendre le quart d'heure
 * que TCP met à s'en apercevoir, et la suivante est servie. Une migration du schéma plus longue que ce délai, elle, va
 * à son terme.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReseauMuetTest {

    private static final String MOT_DE_PASSE = "un mot de passe assez long";
    private static final int DELAI_SECONDES = 2;
    private static final EmbeddedPostgres BASE = demarrer();
    private static final ReseauMuet RESEAU = new ReseauMuet(BASE.getPort());

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private static EmbeddedPostgres demarrer() {
        try {
            return EmbeddedPostgres.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void proprietes(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + RESEAU.port() + "/postgres");
        r.add("spring.datasource.username", () -> "postgres");
        r.add("spring.datasource.password", () -> "postgres");
        r.add("harmonie.administrateur.identifiant", () -> "chef");
        r.add("harmonie.administrateur.mot-de-passe", () -> MOT_DE_PASSE);
        // The key as the service's own configuration spells it, with a shorter delay for a quicker test.
        r.add("spring.datasource.hikari.data-source-properties.socketTimeout", () -> Integer.toString(DELAI_SECONDES));
        r.add("spring.datasource.hikari.connection-timeout", () -> "1000");
        r.add("spring.flyway.locations", () -> "classpath:db/migration,classpath:db/lente");
    }

    @AfterAll
    static void arreter() throws IOException {
        RESEAU.close();
        BASE.close();
    }

    @Test
    void uneMigrationPlusLongueQueLeDelaiDesRequetesVaASonTerme() {
        // The service started at all: a cut migration stops the start. Here it is recorded as done.
        assertThat(jdbc.sql("SELECT success FROM flyway_schema_history WHERE version = '9000'").query(Boolean.class).single())
                .isTrue();
    }

    @Test
    void uneRequeteSurUnReseauMuetRecoitSon503EtLaSuivanteEstServie() throws Exception {
        ClientHttp.creerBailleur(port, "chef", MOT_DE_PASSE, "552100554", "bailleur.dijon");
        String dossier = Files.readString(Path.of("src/test/resources/exemples/construction-neuve-dijon.json"));
        HttpResponse<String> cree = ClientHttp.appeler(port, "POST", "/api/v1/dossiers", "bailleur.dijon", MOT_DE_PASSE, dossier, null);
        assertThat(cree.statusCode()).isEqualTo(201);
        String chemin = "/api/v1/dossiers/" + Json.MAPPER.readTree(cree.body()).get("id").asString();

        // The read of the dossier goes out, and nothing comes back: not an answer, not a reset.
        RESEAU.couperALaRequete("FROM dossier WHERE id");
        long debut = System.nanoTime();
        HttpResponse<String> r = lireAvecPatience(chemin);
        Duration attente = Duration.ofNanos(System.nanoTime() - debut);

        assertThat(RESEAU.connexionsCoupees()).isEqualTo(1);
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("15");
        JsonNode probleme = Json.MAPPER.readTree(r.body());
        assertThat(probleme.get("type").asString()).isEqualTo("urn:harmonie:probleme:base-indisponible");
        assertThat(probleme.get("instance").asString()).isEqualTo(chemin);
        assertThat(attente).isGreaterThanOrEqualTo(Duration.ofSeconds(DELAI_SECONDES));

        // The silent connection is dropped from the pool; the next request gets a live one.
        HttpResponse<String> relu = ClientHttp.appeler(port, "GET", chemin, "bailleur.dijon", MOT_DE_PASSE, null, null);
        assertThat(relu.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(relu.body()).get("statut").asString()).isEqualTo("BROUILLON");
    }

    /** A client that gives up well after the delay, so that a request hanging for good fails the test instead of blocking it. */
    private HttpResponse<String> lireAvecPatience(String chemin) throws Exception {
        String identifiants = Base64.getEncoder().encodeToString(("bailleur.dijon:" + MOT_DE_PASSE).getBytes(StandardCharsets.UTF_8));
        HttpRequest requete = HttpRequest.newBuilder(URI.create("http://localhost:" + port + chemin))
                .header("Authorization", "Basic " + identifiants).timeout(Duration.ofSeconds(20)).GET().build();
        return HttpClient.newHttpClient().send(requete, HttpResponse.BodyHandlers.ofString());
    }
}
