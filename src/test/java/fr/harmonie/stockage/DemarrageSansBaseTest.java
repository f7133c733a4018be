package fr.harmonie.stockage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.harmonie.HarmonieApplication;
import fr.harmonie.ServiceEnProcessus;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Sans base utilisable, le service ne démarre pas, et l'exploitant lit en tête du rapport, en français, quelle base ou
 * quel répertoire, ce qui ne va pas et quoi vérifier : un HARMONIE_DATA_DIR inutilisable (une faute de frappe qui
 * désigne un fichier, un disque en lecture seule), ou une base configurée qui refuse Harmonie.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemarrageSansBaseTest {

    @Test
    void unRepertoireDeDonneesQuiEstUnFichierArreteLeServiceAvecUneErreurFrancaise(@TempDir Path dossier, CapturedOutput sortie)
            throws Exception {
        Path fichier = Files.writeString(dossier.resolve("donnees"), "pas un répertoire");

        assertThatThrownBy(() -> new SpringApplicationBuilder(HarmonieApplication.class).run("--server.port=0",
                "--harmonie.donnees.ephemeres=false", "--harmonie.donnees.repertoire=" + fichier))
                .hasRootCauseInstanceOf(java.nio.file.FileAlreadyExistsException.class);

        assertThat(sortie.getAll()).contains("APPLICATION FAILED TO START")
                .contains("Le répertoire de données " + fichier + " n'est pas utilisable par le PostgreSQL embarqué : "
                        + fichier + " existe et n'est pas un répertoire.")
                .contains("HARMONIE_DATA_DIR").contains("SPRING_DATASOURCE_URL");
        assertThat(Files.readString(fichier)).isEqualTo("pas un répertoire");
    }

    @Test
    void uneBaseConfigureeQuiRefuseHarmonieArreteLeServiceEnDisantQuoiVerifier(CapturedOutput sortie) throws Exception {
        int libre = ServiceEnProcessus.portLibre(); // below the ports the system hands out: nothing listens there meanwhile
        assertThatThrownBy(() -> demarrer("jdbc:postgresql://localhost:" + libre + "/harmonie?password=secret"))
                .hasRootCauseInstanceOf(java.net.ConnectException.class);
        assertThat(sortie.getAll()).contains("APPLICATION FAILED TO START")
                .contains("La base configurée jdbc:postgresql://localhost:" + libre + "/harmonie ne répond pas, le service ne démarre pas.")
                .contains("SPRING_DATASOURCE_URL (hôte, port, nom de la base)")
                .doesNotContain("secret");

        try (EmbeddedPostgres serveur = EmbeddedPostgres.builder().start()) {
            assertThatThrownBy(() -> demarrer(serveur.getJdbcUrl("postgres", "nexistepas"))).isInstanceOf(Exception.class);
            assertThat(sortie.getAll()).contains("La base configurée jdbc:postgresql://localhost:" + serveur.getPort()
                    + "/nexistepas n'existe pas sur ce serveur");

            // A base a DBA created for Harmonie's account without giving it: since PostgreSQL 15, the account may not
            // create the tables there.
            try (Connection c = serveur.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE ROLE harmonie LOGIN PASSWORD 'harmonie'");
                s.execute("CREATE DATABASE harmonie_dba");
                s.execute("GRANT CONNECT ON DATABASE harmonie_dba TO harmonie");
            }
            assertThatThrownBy(() -> demarrer(serveur.getJdbcUrl("harmonie", "harmonie_dba").replaceFirst("\\?.*$", ""),
                    "harmonie", "harmonie")).isInstanceOf(Exception.class);
            assertThat(sortie.getAll()).contains("La base configurée jdbc:postgresql://localhost:" + serveur.getPort()
                    + "/harmonie_dba ne permet pas à l'utilisateur « harmonie » d'y créer les tables d'Harmonie",
                    "ALTER DATABASE harmonie_dba OWNER TO harmonie", "GRANT CREATE ON SCHEMA public TO harmonie");
            // A base in LATIN1: refused before anything is written in it.
            try (Connection c = serveur.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE latin ENCODING 'LATIN1' TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C'");
            }
            assertThatThrownBy(() -> demarrer(serveur.getJdbcUrl("postgres", "latin"))).isInstanceOf(Exception.class);
            assertThat(sortie.getAll()).contains("La base jdbc:postgresql://localhost:" + serveur.getPort() + "/latin est "
                    + "encodée en LATIN1 : elle ne peut pas garder les textes d'Harmonie", "CREATE DATABASE latin ENCODING 'UTF8'");
            try (Connection c = serveur.getDatabase("postgres", "latin").getConnection(); Statement s = c.createStatement();
                 ResultSet tables = s.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) {
                tables.next();
                assertThat(tables.getInt(1)).isZero();
            }

            // The advice works.
            try (Connection c = serveur.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("ALTER DATABASE harmonie_dba OWNER TO harmonie");
            }
            try (ConfigurableApplicationContext demarre = demarrer(
                    serveur.getJdbcUrl("harmonie", "harmonie_dba").replaceFirst("\\?.*$", ""), "harmonie", "harmonie")) {
                assertThat(demarre.isRunning()).isTrue();
            }
        }
    }

    private static void demarrer(String url) {
        demarrer(url, "postgres", "postgres").close();
    }

    private static ConfigurableApplicationContext demarrer(String url, String utilisateur, String motDePasse) {
        return new SpringApplicationBuilder(HarmonieApplication.class).run("--server.port=0", "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + utilisateur, "--spring.datasource.password=" + motDePasse,
                "--harmonie.administrateur.identifiant=chef", "--harmonie.administrateur.mot-de-passe=le premier mot de passe");
    }
}
