package fr.harmonie.dossiers;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.ClientHttp;
import fr.harmonie.HarmonieApplication;
import fr.harmonie.json.Json;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Deux instances d'Harmonie sur une même base (deux ports): ce que l'une écrit, l'autre le lit, et deux écritures
 * concurrentes du même dossier à partir du même ETag ne se perdent pas: une seule passe, l'autre reçoit 412.
 */
class DeuxInstancesTest {

    private static ConfigurableApplicationContext demarrer(EmbeddedPostgres base) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=" + base.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres"));
        return SpringApplication.run(HarmonieApplication.class, args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext c) {
        return ((WebServerApplicationContext) c).getWebServer().getPort();
    }

    private static HttpResponse<String> appeler(int port, String methode, String chemin, String corps, String ifMatch) throws Exception {
        return ClientHttp.appeler(port, methode, chemin, "bailleur", corps, ifMatch);
    }

    @Test
    void deuxInstancesPartagentLaBaseSansPerdreDeModification() throws Exception {
        try (EmbeddedPostgres base = EmbeddedPostgres.builder().start();
             ConfigurableApplicationContext a = demarrer(base);
             ConfigurableApplicationContext b = demarrer(base)) {
            // A configured database gets no demo account: create the bailleur the way an operator would.
            try (var c = base.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
                String hache = a.getBean(org.springframework.security.crypto.password.PasswordEncoder.class).encode("demo");
                s.execute("INSERT INTO organisation (type, nom, siren) VALUES ('BAILLEUR', 'Bailleur', '732829320')");
                s.execute("INSERT INTO compte (identifiant, mot_de_passe, organisation_id, role) "
                        + "SELECT 'bailleur', '" + hache + "', id, 'BAILLEUR' FROM organisation WHERE siren = '732829320'");
            }
            String dossier = Files.readString(Path.of("rules/cas/agrement.json")).replace("\"356000000\"", "\"732829320\"");
            String id = Json.MAPPER.readTree(appeler(port(a), "POST", "/api/v1/dossiers", dossier, null).body()).get("id").asString();
            assertThat(appeler(port(b), "GET", "/api/v1/dossiers/" + id, null, null).statusCode()).isEqualTo(200);

            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Callable<HttpResponse<String>>> ecritures = List.of(
                        () -> appeler(port(a), "PUT", "/api/v1/dossiers/" + id, dossier.replace("CAS-AGREMENT", "PAR-A"), "\"1\""),
                        () -> appeler(port(b), "PUT", "/api/v1/dossiers/" + id, dossier.replace("CAS-AGREMENT", "PAR-B"), "\"1\""));
                List<Integer> statuts = new ArrayList<>();
                for (Future<HttpResponse<String>> f : pool.invokeAll(ecritures)) {
                    statuts.add(f.get().statusCode());
                }
                assertThat(statuts).containsExactlyInAnyOrder(200, 412);
            } finally {
                pool.shutdownNow();
            }
            var relu = Json.MAPPER.readTree(appeler(port(b), "GET", "/api/v1/dossiers/" + id, null, null).body());
            assertThat(relu.get("version").asInt()).isEqualTo(2);
            assertThat(relu.get("dossier").get("reference").asString()).isIn("PAR-A", "PAR-B");
        }
    }
}
