package fr.harmonie.dossiers;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.ServiceEnProcessus;
import fr.harmonie.json.Json;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Un 201 veut dire « écrit »: le service, lancé comme un vrai processus, est tué (kill -9) au milieu d'une rafale de
 * créations; après redémarrage, chaque dossier dont la création a été acquittée est là.
 */
class DurabiliteTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static Process lancer(EmbeddedPostgres base, int port, Path journal) throws Exception {
        return ServiceEnProcessus.lancer(List.of(), Map.of(), journal, "--server.port=" + port,
                "--spring.datasource.url=" + base.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres");
    }

    /** Le mode par défaut: PostgreSQL embarqué, données dans {@code donnees}. */
    private static Process lancerEmbarque(Path donnees, int port, Path journal) throws Exception {
        return ServiceEnProcessus.lancer(List.of(), Map.of("HARMONIE_DATA_DIR", donnees.toString()), journal,
                "--server.port=" + port, "--harmonie.donnees.ephemeres=false");
    }

    /**
     * Le mode par défaut: un kill -9 laisse PostgreSQL tourner, orphelin; le redémarrage l'arrête et retrouve tout. Une
     * seconde instance lancée sur le même répertoire pendant que la première vit, elle, ne touche à rien et s'arrête.
     */
    @Test
    void enModeEmbarqueUnKillMoinsNeufNePerdRienEtLeServiceRedemarre(@TempDir Path donnees,
            @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path journaux) throws Exception {
        Path journal = journaux.resolve("service.log");
        int port = ServiceEnProcessus.portLibre();
        Process service = lancerEmbarque(donnees, port, journal);
        String id;
        try {
            ServiceEnProcessus.attendre(port);
            String dossier = Files.readString(Path.of("rules/cas/agrement.json")).replace("\"356000000\"", "\"732829320\"");
            HttpResponse<String> cree = HTTP.send(requete(port, "/api/v1/dossiers").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(dossier)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(cree.statusCode()).isEqualTo(201);
            id = Json.MAPPER.readTree(cree.body()).get("id").asString();

            // A second instance on the same directory refuses to start, and leaves the first one's PostgreSQL alone.
            String second = ServiceEnProcessus.refuse(List.of(), Map.of("HARMONIE_DATA_DIR", donnees.toString()),
                    journaux.resolve("seconde-instance.log"), "--server.port=" + ServiceEnProcessus.portLibre(),
                    "--harmonie.donnees.ephemeres=false");
            assertThat(second).contains("est déjà utilisé par une autre instance d'Harmonie");
            assertThat(HTTP.send(requete(port, "/api/v1/dossiers/" + id).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(200);
        } finally {
            service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        int port2 = ServiceEnProcessus.portLibre();
        Process relance = lancerEmbarque(donnees, port2, journal);
        try {
            ServiceEnProcessus.attendre(port2);
            assertThat(HTTP.send(requete(port2, "/api/v1/dossiers/" + id).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(200);
        } finally {
            relance.destroy();
            relance.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static HttpRequest.Builder requete(int port, String chemin) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + chemin)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("bailleur:demo".getBytes()));
    }

    @Test
    void chaqueCreationAcquitteeSurvitAUnKillMoinsNeuf(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path journaux) throws Exception {
        Path journal = journaux.resolve("service.log");
        try (EmbeddedPostgres base = EmbeddedPostgres.builder().start()) {
            int port = ServiceEnProcessus.portLibre();
            Process service = lancer(base, port, journal);
            Set<String> acquittes = ConcurrentHashMap.newKeySet();
            try {
                ServiceEnProcessus.attendre(port);
                try (var c = base.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
                    s.execute("INSERT INTO organisation (type, nom, siren) VALUES ('BAILLEUR', 'Bailleur', '732829320')");
                    s.execute("INSERT INTO compte (identifiant, mot_de_passe, organisation_id, role) SELECT 'bailleur', '{bcrypt}"
                            + new BCryptPasswordEncoder().encode("demo") + "', id, 'BAILLEUR' FROM organisation");
                }
                String dossier = Files.readString(Path.of("rules/cas/agrement.json")).replace("\"356000000\"", "\"732829320\"");
                ExecutorService rafale = Executors.newFixedThreadPool(4);
                for (int t = 0; t < 4; t++) {
                    rafale.submit(() -> {
                        for (int i = 0; i < 10_000; i++) {
                            try {
                                HttpResponse<String> r = HTTP.send(requete(port, "/api/v1/dossiers").header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(dossier)).build(), HttpResponse.BodyHandlers.ofString());
                                if (r.statusCode() == 201) {
                                    acquittes.add(Json.MAPPER.readTree(r.body()).get("id").asString());
                                }
                            } catch (Exception tue) {
                                return;
                            }
                        }
                    });
                }
                while (acquittes.size() < 50) {
                    Thread.sleep(20);
                }
                service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                rafale.shutdown();
                assertThat(rafale.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            } finally {
                service.destroyForcibly();
            }

            int port2 = ServiceEnProcessus.portLibre();
            Process relance = lancer(base, port2, journal);
            try {
                ServiceEnProcessus.attendre(port2);
                List<String> perdus = new ArrayList<>();
                for (String id : acquittes) {
                    if (HTTP.send(requete(port2, "/api/v1/dossiers/" + id).build(), HttpResponse.BodyHandlers.ofString()).statusCode() != 200) {
                        perdus.add(id);
                    }
                }
                assertThat(acquittes).hasSizeGreaterThanOrEqualTo(50);
                assertThat(perdus).isEmpty();
            } finally {
                relance.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
