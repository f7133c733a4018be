package fr.harmonie.stockage;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** What the backup, the restore and the embedded server's password do alike to the files they write. */
final class FichiersDuService {

    private FichiersDuService() {
    }

    /**
     * {@code p} for its owner only (a file 0600, a directory 0700), as PostgreSQL wants its data directory, and as what
     * holds its content or its password must be: umask 022 would give it to every account of the server.
     */
    static void proprietaireSeul(Path p) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwx------" : "rw-------"));
        } catch (UnsupportedOperationException pasPosix) {
            // Not a POSIX file system (a Windows share): its own access rules apply.
        }
    }

    /** {@code de} renamed {@code vers} in one step where the file system can, so that no half of it shows there. */
    static void mettreEnPlace(Path de, Path vers) throws IOException {
        try {
            Files.move(de, vers, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(de, vers);
        }
    }
}
