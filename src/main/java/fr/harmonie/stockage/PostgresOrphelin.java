package fr.harmonie.stockage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a kill -9 of Harmonie, its PostgreSQL keeps running on the data directory: it would refuse a second server
 * there, and nothing else would ever stop it.
 */
final class PostgresOrphelin {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresOrphelin.class);

    private PostgresOrphelin() {
    }

    /**
     * Stops the PostgreSQL running on {@code dossier}, if any (a normal shutdown: its committed data is on disk). Only
     * called with the directory's {@link RepertoireDonnees#VERROU} held, so the PostgreSQL found there cannot belong to
     * a live instance.
     */
    static void arreter(Path dossier) throws IOException {
        // The pid may have gone to another program since: only a postgres on this directory is stopped.
        var processus = Postmaster.processus(dossier)
                .filter(p -> p.info().commandLine().map(c -> c.contains(dossier.toString())).orElse(false));
        if (processus.isPresent()) {
            LOG.warn("PostgreSQL d'une exécution précédente encore actif sur {} (pid {}) : arrêt", dossier, processus.get().pid());
            processus.get().destroy();
            try {
                processus.get().onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                processus.get().destroyForcibly();
            }
        }
    }
}
