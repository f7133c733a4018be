package fr.harmonie.stockage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.harmonie.ServiceEnProcessus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Un serveur durci monte /tmp sans droit d'exécution (noexec). La bibliothèque du PostgreSQL embarqué y extrayait ses
 * programmes puis ne pouvait les lancer : le service ne démarrait pas, sur « initdb failed » et un conseil hors de
 * propos. Les données gardées ont maintenant leurs programmes à côté d'elles ; un répertoire de données qui interdit
 * lui-même l'exécution arrête le démarrage en disant pourquoi. Le test monte une vraie partition noexec (tmpfs), ce que
 * seul root peut faire : ailleurs, il est sauté.
 */
class PartitionNoexecTest {

    @TempDir
    Path travail;

    private Path noexec;
    private boolean montee;

    @BeforeEach
    void monterUnePartitionNoexec() throws Exception {
        noexec = Files.createDirectories(travail.resolve("noexec"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "noexec,size=256m", "tmpfs", noexec.toString())
                .redirectErrorStream(true).start();
        String dit = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        montee = mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0;
        assumeTrue(montee, "monter une partition noexec demande root : " + dit);
    }

    @AfterEach
    void demonter() throws Exception {
        if (montee) {
            new ProcessBuilder("umount", "-l", noexec.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void unTmpSansExecutionNEmpechePasLeServiceDeDemarrerNiDEnregistrer() throws Exception {
        Path donnees = travail.resolve("donnees");
        demarrerEtEnregistrer(List.of("-Djava.io.tmpdir=" + noexec), donnees);
        assertThat(donnees.resolve("postgres-binaires")).isDirectory();
    }

    /** Some servers mount /srv or /home noexec, but not /tmp: the programs then stay in the library's default place. */
    @Test
    void desDonneesSurUnePartitionSansExecutionGardentLeursProgrammesDansTmp() throws Exception {
        Path donnees = noexec.resolve("donnees");
        Path temporaires = Files.createDirectories(travail.resolve("tmp"));
        demarrerEtEnregistrer(List.of("-Djava.io.tmpdir=" + temporaires), donnees);
        assertThat(donnees.resolve("postgres-binaires")).doesNotExist();
        assertThat(temporaires.resolve("embedded-pg")).isDirectory();
    }

    @Test
    void sansPartitionQuiPermetDExecuterLeDemarrageSArreteEnDisantPourquoi() throws Exception {
        Path journal = travail.resolve("service.log");
        Process service = ServiceEnProcessus.lancer(List.of("-Djava.io.tmpdir=" + noexec),
                Map.of("HARMONIE_DATA_DIR", noexec.resolve("donnees").toString()), journal,
                "--server.port=" + ServiceEnProcessus.portLibre(), "--harmonie.donnees.ephemeres=false");
        try {
            assertThat(service.waitFor(120, TimeUnit.SECONDS)).as("le démarrage s'arrête de lui-même").isTrue();
        } finally {
            service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(service.exitValue()).isNotZero();
        assertThat(Files.readString(journal)).contains("le système refuse d'exécuter les programmes de PostgreSQL extraits dans "
                + noexec.resolve("embedded-pg"), "montée noexec", "sur une partition qui permet d'exécuter des programmes");
    }

    /** The kept data's service, started with {@code optionsJvm} on {@code donnees}, answers and records a dossier. */
    private void demarrerEtEnregistrer(List<String> optionsJvm, Path donnees) throws Exception {
        Path journal = travail.resolve("service.log");
        int port = ServiceEnProcessus.portLibre();
        Process service = ServiceEnProcessus.lancer(optionsJvm, Map.of("HARMONIE_DATA_DIR", donnees.toString()), journal,
                "--server.port=" + port, "--harmonie.donnees.ephemeres=false");
        try {
            ServiceEnProcessus.attendre(service, port);
            String dossier = Files.readString(Path.of("rules/cas/agrement.json")).replace("\"356000000\"", "\"732829320\"");
            HttpResponse<String> cree = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/v1/dossiers")).header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("bailleur:demo".getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString(dossier)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(cree.statusCode()).as(cree.body()).isEqualTo(201);
        } catch (AssertionError | RuntimeException e) {
            System.err.println(Files.readString(journal));
            throw e;
        } finally {
            service.destroy();
            service.waitFor(60, TimeUnit.SECONDS);
        }
    }
}
