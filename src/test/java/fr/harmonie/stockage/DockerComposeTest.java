package fr.harmonie.stockage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml est valide pour le client compose, quand il est installé ({@code docker compose} ou
 * {@code docker-compose}); aucun moteur Docker n'est nécessaire pour cette vérification.
 */
class DockerComposeTest {

    @Test
    void laConfigurationComposeEstValide() throws Exception {
        List<String> compose = client();
        assumeTrue(compose != null, "aucun client docker compose sur cette machine");
        List<String> commande = new ArrayList<>(compose);
        commande.addAll(List.of("-f", "docker-compose.yml", "config", "-q"));
        Process config = new ProcessBuilder(commande).redirectErrorStream(true).start();
        assertThat(config.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(config.exitValue()).as(new String(config.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
    }

    private static List<String> client() throws InterruptedException {
        for (List<String> candidat : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            List<String> version = new ArrayList<>(candidat);
            version.add("version");
            try {
                Process p = new ProcessBuilder(version).redirectErrorStream(true).start();
                if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return candidat;
                }
            } catch (java.io.IOException absent) {
                // try the next client
            }
        }
        return null;
    }
}
