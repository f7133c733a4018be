package fr.harmonie.stockage;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.ServiceEnProcessus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data made by another major version of PostgreSQL than the jar embeds (as after an upgrade of Harmonie that embeds a
 * new one): PostgreSQL refuses them, and the start says which versions and how to convert, instead of « pg_ctl
 * failed ». The data are PostgreSQL 16's as far as the server can tell: their PG_VERSION says so.
 */
class DonneesDUneAutreVersionTest {

    @Test
    void desDonneesDUneAutreVersionDePostgresArretentLeDemarrageEnDisantLesquelles(@TempDir Path travail) throws Exception {
        Path donnees = travail.resolve("donnees");
        Path postgres = Files.createDirectories(donnees.resolve("postgres"));
        Files.writeString(postgres.resolve("PG_VERSION"), "16\n");
        Files.writeString(postgres.resolve("postgresql.conf"), "# PostgreSQL 16\n");

        String journal = ServiceEnProcessus.refuse(List.of(), Map.of("HARMONIE_DATA_DIR", donnees.toString()),
                travail.resolve("service.log"), "--server.port=" + ServiceEnProcessus.portLibre(),
                "--harmonie.donnees.ephemeres=false");
        assertThat(journal).contains("Le PostgreSQL embarqué ne démarre pas sur " + postgres + " : les données y ont été créées"
                + " par PostgreSQL 16, et ce Harmonie embarque PostgreSQL 17, qui ne les lit pas", "pg_upgrade de PostgreSQL 17");
        assertThat(Files.readString(postgres.resolve("PG_VERSION"))).isEqualTo("16\n");
    }
}
