package fr.harmonie.stockage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.harmonie.ClientHttp;
import fr.harmonie.HarmonieApplication;
import fr.harmonie.json.Json;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Une instance qui démarre sur une base en lecture seule (un serveur de secours après une bascule, une base que son
 * hébergeur ou un DBA a mise en default_transaction_read_only) : si la base tient déjà tout ce qu'elle sert, elle
 * démarre, évalue et laisse consulter, et refuse les écritures en 503 ; s'il fallait écrire pour démarrer (le schéma,
 * une nouvelle version de pack), elle s'arrête en disant pourquoi, en français.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemarrageEnLectureSeuleTest {

    private static final String MOT_DE_PASSE = "un mot de passe assez long";

    @Test
    void uneBaseDejaAJourEnLectureSeuleLaisseDemarrerEvaluerEtConsulter(CapturedOutput sortie) throws Exception {
        try (EmbeddedPostgres serveur = EmbeddedPostgres.builder().start();
             Connection c = serveur.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE secours");
            String url = serveur.getJdbcUrl("postgres", "secours");
            String dossier = Files.readString(Path.of("rules/cas/agrement.json")).replace("\"356000000\"", "\"732829320\"");
            String id;
            try (ConfigurableApplicationContext premier = demarrer(url)) {
                int port = port(premier);
                ClientHttp.creerBailleur(port, "chef", MOT_DE_PASSE, "732829320", "bailleur.rouen");
                HttpResponse<String> cree = ClientHttp.appeler(port, "POST", "/api/v1/dossiers", "bailleur.rouen", MOT_DE_PASSE, dossier, null);
                assertThat(cree.statusCode()).as(cree.body()).isEqualTo(201);
                id = Json.MAPPER.readTree(cree.body()).get("id").asString();
            }
            s.execute("ALTER DATABASE secours SET default_transaction_read_only = on");

            try (ConfigurableApplicationContext second = demarrer(url)) {
                int port = port(second);
                assertThat(sortie.getAll()).contains("Base en lecture seule au démarrage");
                assertThat(ClientHttp.appeler(port, "POST", "/api/v1/evaluations", null, dossier, null).statusCode()).isEqualTo(200);
                HttpResponse<String> relu = ClientHttp.appeler(port, "GET", "/api/v1/dossiers/" + id, "bailleur.rouen", MOT_DE_PASSE, null, null);
                assertThat(relu.statusCode()).as(relu.body()).isEqualTo(200);
                HttpResponse<String> refuse = ClientHttp.appeler(port, "POST", "/api/v1/dossiers", "bailleur.rouen", MOT_DE_PASSE, dossier, null);
                assertThat(refuse.statusCode()).isEqualTo(503);
                assertThat(Json.MAPPER.readTree(refuse.body()).get("detail").asString()).contains("lecture seule");
            }
        }
    }

    @Test
    void uneBaseEnLectureSeuleQuIlFautMigrerArreteLeServiceEnLeDisant(CapturedOutput sortie) throws Exception {
        try (EmbeddedPostgres serveur = EmbeddedPostgres.builder().start();
             Connection c = serveur.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE secours");
            s.execute("ALTER DATABASE secours SET default_transaction_read_only = on");

            assertThatThrownBy(() -> demarrer(serveur.getJdbcUrl("postgres", "secours")).close())
                    .hasRootCauseInstanceOf(java.sql.SQLException.class);

            assertThat(sortie.getAll()).contains("APPLICATION FAILED TO START")
                    .contains("La base configurée jdbc:postgresql://localhost:" + serveur.getPort()
                            + "/secours est en lecture seule alors que le démarrage doit y écrire")
                    .contains("serveur primaire").contains("default_transaction_read_only");
        }
    }

    private static ConfigurableApplicationContext demarrer(String url) {
        return new SpringApplicationBuilder(HarmonieApplication.class).run("--server.port=0", "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--harmonie.administrateur.identifiant=chef", "--harmonie.administrateur.mot-de-passe=" + MOT_DE_PASSE);
    }

    private static int port(ConfigurableApplicationContext contexte) {
        return Integer.parseInt(contexte.getEnvironment().getProperty("local.server.port"));
    }
}
