package fr.harmonie.stockage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Le verrou d'un répertoire de données ({@link RepertoireDonnees#VERROU}) : tenu, une instance d'Harmonie (ou une
 * sauvegarde, une restauration) s'en sert ; libre, ce qui s'y trouve est abandonné.
 *
 * <p>Why every taker goes through here: the system's lock belongs to the process, and under Linux closing <em>any</em>
 * descriptor of the file drops it, even one opened elsewhere in the same process just to try the lock and find it
 * taken. A sweep that tried a sibling instance's lock that way freed it for every other process, and the next Harmonie
 * started on the machine stopped that live instance's PostgreSQL and erased its base. So a directory is first reserved
 * in this process, atomically, and its lock file is opened only by the one that reserved it.
 */
final class VerrouDuRepertoire implements AutoCloseable {

    private static final Set<Path> RESERVES_ICI = ConcurrentHashMap.newKeySet();

    private final Path repertoire;
    private final FileChannel canal;
    private final FileLock verrou;

    private VerrouDuRepertoire(Path repertoire, FileChannel canal, FileLock verrou) {
        this.repertoire = repertoire;
        this.canal = canal;
        this.verrou = verrou;
    }

    /**
     * The directory's lock, or empty when it is held, here or by another process. {@code creer}: create the lock file
     * when there is none (an instance, a restoration); without it, a directory without one is not a data directory.
     */
    static Optional<VerrouDuRepertoire> essayer(Path repertoire, boolean creer) throws IOException {
        Path cle = repertoire.toRealPath();
        if (!RESERVES_ICI.add(cle)) {
            return Optional.empty();
        }
        FileChannel canal = null;
        boolean pris = false;
        try {
            canal = creer
                    ? FileChannel.open(cle.resolve(RepertoireDonnees.VERROU), StandardOpenOption.CREATE, StandardOpenOption.WRITE)
                    : FileChannel.open(cle.resolve(RepertoireDonnees.VERROU), StandardOpenOption.WRITE);
            // Reserved: nothing else in this process holds this file's lock, so no OverlappingFileLockException.
            FileLock verrou = canal.tryLock();
            pris = verrou != null;
            return pris ? Optional.of(new VerrouDuRepertoire(cle, canal, verrou)) : Optional.empty();
        } finally {
            if (!pris) {
                // Held elsewhere, or the file would not open: neither the file nor the reservation is kept.
                fermer(canal);
                RESERVES_ICI.remove(cle);
            }
        }
    }

    /** Let go: first the lock, then the file, and only then the reservation, so that no one here opens it meanwhile. */
    @Override
    public void close() throws IOException {
        try {
            verrou.release();
        } finally {
            try {
                canal.close();
            } finally {
                RESERVES_ICI.remove(repertoire);
            }
        }
    }

    private static void fermer(FileChannel canal) {
        if (canal != null) {
            try {
                canal.close();
            } catch (IOException ignoree) {
                // The lock was not taken through it: nothing is lost with it.
            }
        }
    }
}
