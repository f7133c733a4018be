package fr.harmonie.stockage;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * What another process does to a data directory's lock file, as another Harmonie would. A lock held by the test's own
 * JVM can only be seen from outside it; and even aging the file from inside would drop it ({@code
 * Files.setLastModifiedTime} opens the file, and under Linux closing any descriptor of it lets go of the process's
 * lock).
 *
 * <ul>
 *   <li>{@code essayer <fichier>}: exits 0 if it got the lock (then lets it go), 1 if someone holds it;</li>
 *   <li>{@code vieillir <fichier>}: dates the file two minutes back, past the sweep's grace for a directory being made.</li>
 * </ul>
 */
public final class VerrouVuDAilleurs {

    private VerrouVuDAilleurs() {
    }

    public static void main(String[] args) throws Exception {
        Path fichier = Path.of(args[1]);
        if (args[0].equals("vieillir")) {
            Files.setLastModifiedTime(fichier, FileTime.from(Instant.now().minusSeconds(120)));
            return;
        }
        try (FileChannel canal = FileChannel.open(fichier, StandardOpenOption.WRITE)) {
            FileLock verrou = canal.tryLock();
            if (verrou != null) {
                verrou.release();
            }
            System.exit(verrou == null ? 1 : 0);
        }
    }
}
