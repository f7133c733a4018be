package fr.harmonie.stockage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.harmonie.ServiceEnProcessus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Une instance éphémère (les tests, une démonstration) tuée par kill -9 laisse son répertoire et son PostgreSQL, qui
 * tourne encore: la prochaine instance éphémère les efface et l'arrête, sans jamais toucher à ceux d'une instance
 * vivante, ni à ceux d'une instance qui s'arrête.
 */
class EphemeresAbandonnesTest {

    @Test
    void leDemarrageEphemereEffaceCeQuALaisseUneInstanceTueeEtArreteSonPostgres(
            @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path temporaires) throws Exception {
        try {
            int port = ServiceEnProcessus.portLibre();
            Process service = ServiceEnProcessus.lancer(List.of("-Djava.io.tmpdir=" + temporaires), Map.of(),
                    temporaires.resolve("service.log"), "--server.port=" + port, "--harmonie.donnees.ephemeres=true");
            Path abandonne;
            ProcessHandle postgres;
            try {
                ServiceEnProcessus.attendre(port);
                abandonne = seul(ephemeres(temporaires));
                postgres = ProcessHandle.of(Long.parseLong(
                        Files.readAllLines(abandonne.resolve("postgres/postmaster.pid")).get(0).trim())).orElseThrow();
                vieillir(abandonne);

                // Alive, the instance keeps everything, however old its directory.
                EphemeresAbandonnes.nettoyer(temporaires);
                assertThat(abandonne).isDirectory();
                assertThat(postgres.isAlive()).isTrue();
                assertThat(ServiceEnProcessus.sante(port)).isEqualTo(200);
            } finally {
                service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            assertThat(postgres.isAlive()).as("après kill -9, PostgreSQL tourne encore, orphelin").isTrue();
            Path enCreation = Files.createDirectory(temporaires.resolve(EphemeresAbandonnes.PREFIXE + "-en-creation"));
            // Made now by the JVM's clock, which the sweep reads: under faketime (scripts/tests-a-une-autre-date.sh) the
            // disk would otherwise date it from the real day, weeks before the clock, and the sweep would take it as old.
            Files.setLastModifiedTime(Files.createFile(enCreation.resolve(RepertoireDonnees.VERROU)), FileTime.from(Instant.now()));

            try (RepertoireDonnees suivant = RepertoireDonnees.ouvrir(Path.of("inutilise"), true, temporaires)) {
                assertThat(abandonne).doesNotExist();
                assertThat(postgres.isAlive()).isFalse();
                assertThat(enCreation).as("un répertoire de moins d'une minute peut être celui d'une instance qui démarre")
                        .isDirectory();
                Path courant = suivant.postgres().getParent();
                assertThat(ephemeres(temporaires)).containsExactlyInAnyOrder(enCreation, courant);

                // Held by this very process, the directory stays too.
                vieillir(courant);
                try (RepertoireDonnees autre = RepertoireDonnees.ouvrir(Path.of("inutilise"), true, temporaires)) {
                    assertThat(courant).isDirectory();
                }
            }
        } finally {
            // Whatever failed, no PostgreSQL is left running on this test's directory.
            ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains(temporaires.toString())).orElse(false))
                    .forEach(ProcessHandle::destroyForcibly);
        }
    }

    /**
     * An instance that stops waits for its PostgreSQL to be gone before removing its directory: meanwhile, another
     * starting must not take that directory for a killed instance's.
     */
    @Test
    void unRepertoireQuiSeFermeNestPasBalayePendantQuePostgresSArrete(@TempDir Path temporaires) throws Exception {
        RepertoireDonnees ferme = RepertoireDonnees.ouvrir(Path.of("inutilise"), true, temporaires);
        Path racine = ferme.postgres().getParent();
        Path pid = Files.createDirectories(ferme.postgres()).resolve("postmaster.pid");
        Files.writeString(pid, "999999999\n"); // a PostgreSQL still stopping, as far as the close can tell
        vieillir(racine);
        Thread fermeture = new Thread(() -> {
            try {
                ferme.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        fermeture.start();
        try {
            Thread.sleep(300); // the close is now waiting for postmaster.pid to go
            EphemeresAbandonnes.nettoyer(temporaires);
            assertThat(pid).as("balayé pendant sa fermeture").exists();
        } finally {
            Files.deleteIfExists(pid);
            fermeture.join(10_000);
        }
        assertThat(racine).doesNotExist();
    }

    /**
     * Two instances in one process (the tests), and a third in another: the sweep of the second must not free the
     * first's lock. Under Linux, closing any descriptor of the lock file drops every lock the process holds on it, so
     * a sweep that opened the first's lock file to try it, then closed it, left the first's directory looking
     * abandoned to every other process; the third then stopped the first's PostgreSQL while it was serving and erased
     * its base (seen on 5 December 2026: a service started during the build killed a test's base).
     */
    @Test
    void unBalayageDansLeMemeProcessusLaisseLeVerrouTenuPourLesAutresProcessus(@TempDir Path temporaires) throws Exception {
        try (RepertoireDonnees vivant = RepertoireDonnees.ouvrir(Path.of("inutilise"), true, temporaires)) {
            Path verrou = vivant.racine().resolve(RepertoireDonnees.VERROU);
            assertThat(dAilleurs("essayer", verrou)).as("verrou libre aussitôt pris").isEqualTo(1);
            vieillir(vivant.racine());
            try (RepertoireDonnees suivant = RepertoireDonnees.ouvrir(Path.of("inutilise"), true, temporaires)) {
                assertThat(vivant.racine()).isDirectory();
                assertThat(dAilleurs("essayer", verrou)).as("verrou lâché par le balayage de la seconde instance").isEqualTo(1);
            }
            // The same directory asked for again in this process is refused, and the refusal lets go of nothing either.
            assertThatThrownBy(() -> RepertoireDonnees.ouvrir(vivant.racine(), false, temporaires))
                    .isInstanceOf(DonneesInutilisablesException.class);
            assertThat(dAilleurs("essayer", verrou)).as("verrou lâché par l'ouverture refusée").isEqualTo(1);
        }
    }

    private static int dAilleurs(String action, Path verrou) throws Exception {
        Process autre = new ProcessBuilder(ServiceEnProcessus.java(), "-cp", System.getProperty("java.class.path"),
                VerrouVuDAilleurs.class.getName(), action, verrou.toString()).inheritIO().start();
        assertThat(autre.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return autre.exitValue();
    }

    /** From another process: aging the lock file from this one would drop a lock this process holds on it. */
    private static void vieillir(Path ephemere) throws Exception {
        assertThat(dAilleurs("vieillir", ephemere.resolve(RepertoireDonnees.VERROU))).isZero();
    }

    private static List<Path> ephemeres(Path temporaires) throws Exception {
        try (Stream<Path> l = Files.list(temporaires)) {
            return l.filter(p -> p.getFileName().toString().startsWith(EphemeresAbandonnes.PREFIXE)).toList();
        }
    }

    private static Path seul(List<Path> chemins) {
        assertThat(chemins).hasSize(1);
        return chemins.get(0);
    }
}
