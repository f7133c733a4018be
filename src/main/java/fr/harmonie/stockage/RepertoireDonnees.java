package fr.harmonie.stockage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Le répertoire de données du PostgreSQL embarqué, tenu par ce processus: un seul Harmonie à la fois dessus.
 *
 * <p>The lock belongs to the running process and the system drops it when the process dies, even by kill -9. So a
 * PostgreSQL found running on a directory whose lock was free is an orphan that may be stopped, while a second
 * instance started on a directory in use stops before touching the first one's PostgreSQL.
 */
final class RepertoireDonnees implements AutoCloseable {

    static final String VERROU = "harmonie.verrou";

    private final Path racine;
    private final boolean ephemere;
    private final VerrouDuRepertoire verrou;

    private RepertoireDonnees(Path racine, boolean ephemere, VerrouDuRepertoire verrou) {
        this.racine = racine;
        this.ephemere = ephemere;
        this.verrou = verrou;
    }

    /**
     * {@code ephemere}: a fresh temporary directory, removed on close (the tests). Those left by ephemeral instances
     * that were killed are removed first ({@link EphemeresAbandonnes}).
     *
     * @throws DonneesInutilisablesException when the directory cannot be created or written, or another live Harmonie
     *         holds it
     */
    static RepertoireDonnees ouvrir(Path repertoire, boolean ephemere) {
        return ouvrir(repertoire, ephemere, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** {@code temporaires}: where ephemeral directories are made, and those of killed instances swept. */
    static RepertoireDonnees ouvrir(Path repertoire, boolean ephemere, Path temporaires) {
        Path racine = ephemere ? null : repertoire.toAbsolutePath();
        try {
            if (ephemere) {
                EphemeresAbandonnes.nettoyer(temporaires);
            }
            racine = ephemere ? Files.createTempDirectory(temporaires, EphemeresAbandonnes.PREFIXE) : racine;
            Files.createDirectories(racine);
            Path tenu = racine;
            VerrouDuRepertoire verrou = VerrouDuRepertoire.essayer(tenu, true).orElseThrow(() -> new DonneesInutilisablesException(
                    "Le répertoire de données " + tenu + " est déjà utilisé par une autre instance d'Harmonie en cours"
                    + " d'exécution (ou par une sauvegarde ou une restauration, qui dure quelques secondes) : arrêtez-la,"
                    + " ou donnez à celle-ci un autre HARMONIE_DATA_DIR.", null));
            return new RepertoireDonnees(racine, ephemere, verrou);
        } catch (IOException | SecurityException e) {
            throw new DonneesInutilisablesException("Le répertoire de données " + (racine == null ? "temporaire" : racine)
                    + " n'est pas utilisable par le PostgreSQL embarqué : " + RaisonDuSysteme.de(e) + ".", e);
        }
    }

    /** The data directory itself. */
    Path racine() {
        return racine;
    }

    /** Where PostgreSQL keeps its files. */
    Path postgres() {
        return racine.resolve("postgres");
    }

    boolean ephemere() {
        return ephemere;
    }

    @Override
    public void close() throws IOException {
        try {
            if (ephemere) {
                // Removed while still locked: free, it could be taken for a killed instance's and swept meanwhile.
                attendreArretPostgres();
                EphemeresAbandonnes.effacer(racine);
            }
        } finally {
            verrou.close();
        }
    }

    /**
     * The embedded PostgreSQL may still be stopping: its library also stops it from a JVM shutdown hook of its own,
     * concurrently with Spring's, and the second close returns at once. PostgreSQL removes postmaster.pid when it has
     * stopped; the library's pg_ctl looks for that every 100 ms and fails, logging an ERROR, if the whole directory
     * has gone in between. So: wait for the file to go, then for more than one such poll.
     */
    private void attendreArretPostgres() {
        Path pid = postgres().resolve("postmaster.pid");
        long limite = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try {
            while (Files.exists(pid) && System.nanoTime() < limite) {
                Thread.sleep(20);
            }
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
