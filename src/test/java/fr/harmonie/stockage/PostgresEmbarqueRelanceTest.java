package fr.harmonie.stockage;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.ClientHttp;
import fr.harmonie.HarmonieApplication;
import fr.harmonie.json.Json;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Le PostgreSQL embarqué (le mode par défaut) est tué pendant que le service tourne, comme le ferait le noyau à court
 * de mémoire : il est relancé sur les mêmes données et le même port, et les requêtes reprennent d'elles-mêmes, sans
 * redémarrer le service, avec les dossiers d'avant. Auparavant, chaque requête recevait 503 jusqu'au redémarrage.
 */
class PostgresEmbarqueRelanceTest {

    /**
     * Kept data, as by default (a throwaway base does not wait for its journal, the library's tuning for tests: a
     * dossier acknowledged just before the kill could be lost there, and only there). Its own service, stopped before
     * its directory goes: the base of a service shared with other test classes is not killed under them.
     */
    @Test
    void unPostgresEmbarqueTueEstRelanceEtLesDossiersSontToujoursLa(@TempDir Path donnees) throws Exception {
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(HarmonieApplication.class).run(
                "--server.port=0", "--harmonie.donnees.ephemeres=false", "--harmonie.donnees.repertoire=" + donnees)) {
            int port = Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
            PostgresEmbarque postgres = service.getBean(PostgresEmbarque.class);
            String dossier = Files.readString(Path.of("src/test/resources/exemples/programmation-grenoble.json"));
            HttpResponse<String> cree = ClientHttp.appeler(port, "POST", "/api/v1/dossiers", "bailleur2", dossier, null);
            assertThat(cree.statusCode()).isEqualTo(201);
            String id = Json.MAPPER.readTree(cree.body()).get("id").asString();
            int portBase = postgres.port();
            long tue = postmaster(donnees);

            ProcessHandle serveur = ProcessHandle.of(tue).orElseThrow();
            serveur.destroyForcibly();
            serveur.onExit().get(10, TimeUnit.SECONDS);

            HttpResponse<String> lu = ClientHttp.appeler(port, "GET", "/api/v1/dossiers/" + id, "bailleur2", null, null);
            long limite = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (lu.statusCode() != 200 && System.nanoTime() < limite) {
                // Meanwhile, the base is unavailable as an external one can be: 503, never a 500 nor a 404.
                assertThat(lu.statusCode()).as(lu.body()).isEqualTo(503);
                Thread.sleep(200);
                lu = ClientHttp.appeler(port, "GET", "/api/v1/dossiers/" + id, "bailleur2", null, null);
            }
            assertThat(lu.statusCode()).as(lu.body()).isEqualTo(200);
            assertThat(Json.MAPPER.readTree(lu.body()).get("statut").asString()).isEqualTo("BROUILLON");
            assertThat(postmaster(donnees)).isNotEqualTo(tue);
            assertThat(postgres.port()).isEqualTo(portBase);
            assertThat(ClientHttp.appeler(port, "POST", "/api/v1/dossiers", "bailleur2", dossier, null).statusCode()).isEqualTo(201);
        }
        // Stopped with the service, not started again.
        assertThat(Files.exists(donnees.resolve("postgres/postmaster.pid"))).isFalse();
    }

    private static long postmaster(Path donnees) throws Exception {
        return Long.parseLong(Files.readAllLines(donnees.resolve("postgres/postmaster.pid")).get(0).trim());
    }
}
