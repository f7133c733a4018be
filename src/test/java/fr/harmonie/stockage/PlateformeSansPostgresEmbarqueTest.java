package fr.harmonie.stockage;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.ServiceEnProcessus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar embeds PostgreSQL for Linux x86-64 only. On another system (an ARM server, a Mac), the start stops saying
 * so and how to give a base, not « Missing embedded postgres binaries » and advice about the data directory. The
 * other system is what the JVM reports ({@code os.arch}), as the library reads it.
 */
class PlateformeSansPostgresEmbarqueTest {

    @Test
    void surUnSystemeSansPostgresEmbarqueLeDemarrageDitQuelleBaseDonner(@TempDir Path travail) throws Exception {
        String journal = ServiceEnProcessus.refuse(List.of("-Dos.arch=aarch64"),
                Map.of("HARMONIE_DATA_DIR", travail.resolve("donnees").toString()), travail.resolve("service.log"),
                "--server.port=" + ServiceEnProcessus.portLibre(), "--harmonie.donnees.ephemeres=false");
        assertThat(journal).contains("Harmonie n'embarque PostgreSQL que pour Linux x86-64, et ce système est "
                + System.getProperty("os.name") + " aarch64", "Donner une base PostgreSQL (17 de préférence) par SPRING_DATASOURCE_URL",
                "docker compose up --build");
    }
}
