package fr.harmonie.stockage;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.ClientHttp;
import fr.harmonie.ServiceEnProcessus;
import com.zaxxer.hikari.HikariDataSource;
import fr.harmonie.json.Json;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * La base de données s'arrête (maintenance, redémarrage, coupure) pendant que Harmonie tourne : chaque requête qui en a
 * besoin reçoit vite un 503 en français qui dit de réessayer, l'évaluation sans compte continue de répondre, et quand
 * la base revient tout reprend sans redémarrer le service, les dossiers d'avant compris.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BaseIndisponibleTest {

    private static final String MOT_DE_PASSE = "un mot de passe assez long";
    private static final Path DONNEES = repertoire();
    private static final int PORT_BASE = ServiceEnProcessus.portLibre();
    private static EmbeddedPostgres base = demarrer();

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    private static Path repertoire() {
        try {
            return Files.createTempDirectory("harmonie-base-indisponible");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same server each time: same port, same data, as a base restarted by its operator. */
    private static EmbeddedPostgres demarrer() {
        try {
            return EmbeddedPostgres.builder().setPort(PORT_BASE).setDataDirectory(DONNEES).setCleanDataDirectory(false).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void proprietes(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", () -> base.getJdbcUrl("postgres", "postgres"));
        r.add("spring.datasource.username", () -> "postgres");
        r.add("spring.datasource.password", () -> "postgres");
        r.add("harmonie.administrateur.identifiant", () -> "chef");
        r.add("harmonie.administrateur.mot-de-passe", () -> MOT_DE_PASSE);
        // How long a request waits for a connection before its 503: shorter than the service's 5 s, for a quicker test.
        r.add("spring.datasource.hikari.connection-timeout", () -> "1000");
    }

    @AfterAll
    static void arreter() throws IOException {
        base.close();
        FileSystemUtils.deleteRecursively(DONNEES);
    }

    private HttpResponse<String> appeler(String methode, String chemin, String compte, String corps) throws Exception {
        return ClientHttp.appeler(port, methode, chemin, compte, MOT_DE_PASSE, corps, null);
    }

    /**
     * A base that takes no writes (a standby after a failover, a host that sets it read-only over quota): whatever
     * would write gets a 503 that says so, and nothing is half-written; reading dossiers still works, and a wrong
     * password, which could not be counted, is not answered 401 (that would give unlimited guesses).
     */
    @Test
    void uneBaseEnLectureSeuleLaisseConsulterEtRefuseLesEcrituresEn503() throws Exception {
        ClientHttp.creerBailleur(port, "chef", MOT_DE_PASSE, "732829320", "bailleur.rouen");
        String dossier = Files.readString(Path.of("rules/cas/agrement.json")).replace("\"356000000\"", "\"732829320\"");
        HttpResponse<String> cree = appeler("POST", "/api/v1/dossiers", "bailleur.rouen", dossier);
        assertThat(cree.statusCode()).isEqualTo(201);
        String id = Json.MAPPER.readTree(cree.body()).get("id").asString();

        lectureSeule(true);
        try {
            assertThat(appeler("GET", "/api/v1/dossiers/" + id, "bailleur.rouen", null).statusCode()).isEqualTo(200);
            assertThat(appeler("GET", "/api/v1/dossiers", "bailleur.rouen", null).statusCode()).isEqualTo(200);
            for (String[] requete : new String[][] {{"POST", "/api/v1/dossiers"}, {"PUT", "/api/v1/dossiers/" + id},
                                                    {"POST", "/api/v1/dossiers/" + id + "/evaluations"}}) {
                // Creating and modifying send the dossier; evaluating a stored one sends nothing.
                HttpResponse<String> r = ClientHttp.appeler(port, requete[0], requete[1], "bailleur.rouen", MOT_DE_PASSE,
                        requete[1].endsWith("/evaluations") ? null : dossier, cree.headers().firstValue("ETag").orElseThrow());
                assertThat(r.statusCode()).as(requete[0] + " " + requete[1]).isEqualTo(503);
                assertThat(r.headers().firstValue("Retry-After")).hasValue("15");
                JsonNode probleme = Json.MAPPER.readTree(r.body());
                assertThat(probleme.get("type").asString()).isEqualTo("urn:harmonie:probleme:base-indisponible");
                assertThat(probleme.get("detail").asString()).contains("lecture seule").contains("rien n'a été enregistré");
            }
            // A reload that brings nothing new writes nothing but its announcement, which the base refuses: it serves
            // here, and the administrator reads that the other instances will not follow.
            HttpResponse<String> recharge = appeler("POST", "/api/v1/admin/packs/rechargement", "chef", null);
            assertThat(recharge.statusCode()).as(recharge.body()).isEqualTo(200);
            assertThat(Json.MAPPER.readTree(recharge.body()).get("alertes").get(0).asString())
                    .startsWith("Base en lecture seule : ce rechargement sert sur cette instance seulement");
            HttpResponse<String> devine = ClientHttp.appeler(port, "GET", "/api/v1/dossiers", "bailleur.rouen", "un essai au hasard",
                    null, null);
            assertThat(devine.statusCode()).isEqualTo(503);
        } finally {
            lectureSeule(false);
        }

        assertThat(appeler("GET", "/api/v1/dossiers/" + id + "/evaluations", "bailleur.rouen", null).headers()
                .firstValue("X-Total-Count")).hasValue("0");
        HttpResponse<String> relu = appeler("GET", "/api/v1/dossiers/" + id, "bailleur.rouen", null);
        assertThat(relu.headers().firstValue("ETag")).isEqualTo(cree.headers().firstValue("ETag"));
        assertThat(appeler("POST", "/api/v1/dossiers/" + id + "/evaluations", "bailleur.rouen", null).statusCode()).isEqualTo(201);
    }

    /** As an operator would: the server's default for every session, existing ones included once the configuration is reloaded. */
    private static void lectureSeule(boolean active) throws Exception {
        try (var c = base.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute(active ? "ALTER SYSTEM SET default_transaction_read_only = on" : "ALTER SYSTEM RESET default_transaction_read_only");
            s.execute("SELECT pg_reload_conf()");
        }
        // Each session applies a reload before its next statement; give the server a moment to signal them all.
        Thread.sleep(500);
    }

    /**
     * A DBA sets the base read-only for the sessions that open from then on ({@code ALTER DATABASE … SET}), the pool
     * renews its connections meanwhile, and the DBA lifts it: the writes work again at once (one refused at most),
     * not after the half hour those connections would otherwise live.
     */
    @Test
    void uneBaseRemiseEnEcritureParAlterDatabaseReprendLesEcrituresSansAttendreLeRenouvellementDuPool() throws Exception {
        ClientHttp.creerBailleur(port, "chef", MOT_DE_PASSE, "443061841", "bailleur.caen");
        String dossier = Files.readString(Path.of("rules/cas/agrement.json")).replace("\"356000000\"", "\"443061841\"");
        try {
            executer("ALTER DATABASE postgres SET default_transaction_read_only = on");
            // As when their lifetime ends: the connections that follow open under the read-only default.
            ((HikariDataSource) dataSource).getHikariPoolMXBean().softEvictConnections();
            assertThat(appeler("POST", "/api/v1/dossiers", "bailleur.caen", dossier).statusCode()).isEqualTo(503);
        } finally {
            executer("ALTER DATABASE postgres RESET default_transaction_read_only");
        }
        // The pool renews its connections at most once a second, however many writes the base refuses.
        Thread.sleep(1100);

        int premiere = appeler("POST", "/api/v1/dossiers", "bailleur.caen", dossier).statusCode();
        assertThat(premiere).isIn(201, 503);
        assertThat(appeler("POST", "/api/v1/dossiers", "bailleur.caen", dossier).statusCode()).isEqualTo(201);
    }

    /** From a session of its own, itself opened under whatever default the base had. */
    private static void executer(String sql) throws Exception {
        try (var c = base.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("SET default_transaction_read_only = off");
            s.execute(sql);
        }
    }

    @Test
    void uneBaseArreteeDonne503AuxRequetesQuiEnDependentEtToutReprendQuandElleRevient() throws Exception {
        ClientHttp.creerBailleur(port, "chef", MOT_DE_PASSE, "552100554", "bailleur.dijon");
        String dossier = Files.readString(Path.of("src/test/resources/exemples/construction-neuve-dijon.json"));
        HttpResponse<String> cree = appeler("POST", "/api/v1/dossiers", "bailleur.dijon", dossier);
        assertThat(cree.statusCode()).isEqualTo(201);
        String id = Json.MAPPER.readTree(cree.body()).get("id").asString();

        base.close();

        // A bailleur checking a dossier before the deadline is not held up: that evaluation stores nothing.
        assertThat(appeler("POST", "/api/v1/evaluations", null, dossier).statusCode()).isEqualTo(200);
        // Authentication reads the base (in the security filters), and so does every operation behind it.
        for (String[] requete : new String[][] {{"GET", "/api/v1/dossiers/" + id}, {"POST", "/api/v1/dossiers/" + id + "/depot"},
                                                {"POST", "/api/v1/dossiers"}, {"GET", "/api/v1/admin/organisations"}}) {
            String compte = requete[1].contains("admin") ? "chef" : "bailleur.dijon";
            HttpResponse<String> r = appeler(requete[0], requete[1], compte, requete[1].equals("/api/v1/dossiers") ? dossier : null);
            assertThat(r.statusCode()).as(requete[0] + " " + requete[1]).isEqualTo(503);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(r.headers().firstValue("Retry-After")).hasValue("15");
            JsonNode probleme = Json.MAPPER.readTree(r.body());
            assertThat(probleme.get("type").asString()).isEqualTo("urn:harmonie:probleme:base-indisponible");
            assertThat(probleme.get("title").asString()).isEqualTo("Base de données indisponible");
            assertThat(probleme.get("detail").asString()).contains("Réessayez dans quelques instants");
            assertThat(probleme.get("instance").asString()).isEqualTo(requete[1]);
            // Nothing of the server's inner workings reaches the client.
            assertThat(r.body()).doesNotContain("Exception").doesNotContain("localhost").doesNotContain("JDBC");
        }
        // What an orchestrator watches: the service says it cannot serve.
        assertThat(appeler("GET", "/actuator/health", null, null).statusCode()).isEqualTo(503);

        base = demarrer();

        // Back without restarting Harmonie: the pool reconnects by itself (it retries every few seconds), the dossier
        // made before is there, and writing works again.
        long limite = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (appeler("GET", "/actuator/health", null, null).statusCode() != 200 && System.nanoTime() < limite) {
            Thread.sleep(200);
        }
        HttpResponse<String> relu = appeler("GET", "/api/v1/dossiers/" + id, "bailleur.dijon", null);
        assertThat(relu.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(relu.body()).get("statut").asString()).isEqualTo("BROUILLON");
        assertThat(appeler("POST", "/api/v1/dossiers/" + id + "/depot", "bailleur.dijon", null).statusCode()).isEqualTo(200);
    }
}
