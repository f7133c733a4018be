package fr.harmonie.stockage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL, kept running. If its server stops while Harmonie runs (killed, by the kernel when memory
 * runs out, by a user), it is started again on the same data and the same port, and requests resume by themselves, as
 * they do when an external base comes back; PostgreSQL replays its journal, so every committed write is there.
 * Without this, each request that needs the base answered « réessayez dans quelques instants » until someone restarted
 * the service.
 */
final class PostgresEmbarque implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresEmbarque.class);
    private static final long SECONDES_ENTRE_ESSAIS = 5;

    private final Path dossier;
    private final boolean ephemere;
    private final ScheduledExecutorService relance = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "harmonie-postgres-embarque");
        t.setDaemon(true);
        return t;
    });
    private EmbeddedPostgres serveur; // guarded by this
    private int port;
    private String motDePasse;
    private boolean ferme;

    private PostgresEmbarque(Path dossier, boolean ephemere) {
        this.dossier = dossier;
        this.ephemere = ephemere;
    }

    /** Started on {@code dossier}, on a free port that it keeps across restarts. */
    static PostgresEmbarque demarrer(Path dossier, boolean ephemere) throws IOException {
        return demarrer(dossier, ephemere, 0);
    }

    /** The same on {@code port}, or a free one if 0. */
    static PostgresEmbarque demarrer(Path dossier, boolean ephemere, int port) throws IOException {
        PostgresEmbarque pg = new PostgresEmbarque(dossier, ephemere);
        synchronized (pg) {
            pg.motDePasse = MotDePasseDuPostgres.lireOuTirer(dossier);
            pg.serveur = pg.lancer(port);
            pg.port = pg.serveur.getPort();
            pg.surveiller(pg.serveur);
        }
        return pg;
    }

    synchronized int port() {
        return port;
    }

    synchronized String jdbcUrl() {
        return serveur.getJdbcUrl("postgres", "postgres");
    }

    /** What the server asks of every connection ({@link MotDePasseDuPostgres}). */
    synchronized String motDePasse() {
        return motDePasse;
    }

    private EmbeddedPostgres lancer(int surPort) throws IOException {
        PostgresOrphelin.arreter(dossier);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dossier)
                // RepertoireDonnees removes an ephemeral directory once PostgreSQL has stopped. The library's own
                // cleanup runs from its shutdown hook, races with that removal and logs an ERROR when it loses.
                .setCleanDataDirectory(false);
        Path binaires = binaires(dossier, ephemere);
        boolean propres = !binaires.equals(parDefaut());
        if (propres) {
            ProgrammesEprouves.oublierLesNonEprouves(binaires);
            builder.setOverrideWorkingDirectory(binaires.toFile());
        }
        if (surPort != 0) {
            builder.setPort(surPort);
        }
        if (!ephemere) {
            // The library tunes PostgreSQL for throwaway test databases (no fsync, asynchronous commits): kept
            // data must survive a crash, and a 201 must mean committed to disk.
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        // The library checks that the server answers with a connection of its own, which must give the password.
        builder.setConnectConfig("password", motDePasse);
        Path pourInitdb = null;
        if (!Files.exists(dossier.resolve("postgresql.conf"))) {
            // A new base, which the library's initdb makes trusting every local connection (-A trust) until
            // MotDePasseDuPostgres.proteger has run: at the first start, for a fraction of a second, any account of the
            // machine could connect as superuser. Its options (passed on as --clé=valeur, the later -A giving way) give
            // the superuser its password and ask it of every connection from the start.
            pourInitdb = MotDePasseDuPostgres.pourInitdb(dossier, motDePasse);
            builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", pourInitdb.toString());
        }
        EmbeddedPostgres demarre;
        try {
            demarre = builder.start();
        } finally {
            if (pourInitdb != null) {
                Files.deleteIfExists(pourInitdb);
            }
        }
        if (propres) {
            ProgrammesEprouves.marquer(binaires);
        }
        try {
            MotDePasseDuPostgres.proteger(dossier, demarre.getPort(), motDePasse);
        } catch (IOException | RuntimeException e) {
            demarre.close();
            throw e;
        }
        return demarre;
    }

    /**
     * Where the library extracts the programs of PostgreSQL and runs them from, for the data in {@code dossier}. Kept
     * data has them beside it rather than in the library's default, {@code java.io.tmpdir}, where a hardened server
     * forbids running programs (/tmp mounted noexec) and a cleaner removes files left ten days (systemd-tmpfiles) under
     * a service that runs for months; unless the data's own partition forbids it, as some servers mount /srv or /home.
     * Ephemeral instances (the tests) share the default, extracted once.
     */
    static Path binaires(Path dossier, boolean ephemere) {
        Path racine = dossier.getParent();
        if (ephemere || MontagesSansExecution.contient(racine)) {
            return parDefaut();
        }
        return racine.resolve("postgres-binaires");
    }

    private static Path parDefaut() {
        return Path.of(System.getProperty("ot.epg.working-dir",
                Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString()));
    }

    /** The library starts the server through pg_ctl, which returns: the server's own process is in postmaster.pid. */
    private void surveiller(EmbeddedPostgres lance) {
        Optional<ProcessHandle> postmaster = Postmaster.processus(dossier);
        if (postmaster.isEmpty()) {
            LOG.warn("PostgreSQL embarqué sans postmaster.pid lisible dans {} : il ne sera pas relancé s'il s'arrête", dossier);
            return;
        }
        postmaster.get().onExit().thenRun(() -> relance.execute(() -> relancer(lance)));
    }

    private synchronized void relancer(EmbeddedPostgres arrete) {
        // Stopped by the service's own shutdown (Spring's close, or the library's shutdown hook): nothing to do.
        if (ferme || arrete != serveur || arretEnCours()) {
            return;
        }
        LOG.error("Le PostgreSQL embarqué s'est arrêté pendant que Harmonie tournait (données dans {}) : redémarrage sur le"
                + " port {} (la bibliothèque qui l'embarque dira ne pas pouvoir l'arrêter : il l'est déjà)", dossier, port);
        try {
            // Lets go of the library's lock on the directory; its attempt to stop the dead server is logged by it.
            arrete.close();
            serveur = lancer(port);
            LOG.warn("PostgreSQL embarqué redémarré sur le port {} : les requêtes reprennent", port);
            surveiller(serveur);
        } catch (IOException | RuntimeException e) {
            LOG.error("Le PostgreSQL embarqué ne redémarre pas ({}) : nouvel essai dans {} s", e.getMessage(), SECONDES_ENTRE_ESSAIS);
            relance.schedule(() -> relancer(arrete), SECONDES_ENTRE_ESSAIS, TimeUnit.SECONDS);
        }
    }

    /** Whether the JVM is shutting down: then the library's hook is what stopped the server. */
    private static boolean arretEnCours() {
        Thread sonde = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(sonde);
            Runtime.getRuntime().removeShutdownHook(sonde);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        ferme = true;
        relance.shutdownNow();
        serveur.close();
    }
}
