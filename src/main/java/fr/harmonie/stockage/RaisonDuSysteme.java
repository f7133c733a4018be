package fr.harmonie.stockage;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Map;

/**
 * What the system said about a file, in words an operator reads: the exception's class names the case, its message the
 * path, and the few reasons a server gives most (in English, from the C library) are said in French.
 */
final class RaisonDuSysteme {

    private static final Map<String, String> RAISONS = Map.of(
            "No space left on device", "plus de place sur le disque",
            "Disk quota exceeded", "quota de disque dépassé",
            "Read-only file system", "disque en lecture seule",
            "Not a directory", "n'est pas un répertoire",
            "Permission denied", "accès refusé");

    private RaisonDuSysteme() {
    }

    static String de(Exception e) {
        if (e instanceof AccessDeniedException a) {
            return "accès refusé à " + a.getFile();
        }
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " existe et n'est pas un répertoire";
        }
        if (e instanceof NoSuchFileException n) {
            return n.getFile() + " ne peut pas être créé à cet endroit";
        }
        if (e instanceof FileSystemException f) {
            return f.getFile() + (f.getReason() == null ? "" : " (" + RAISONS.getOrDefault(f.getReason(), f.getReason()) + ")");
        }
        String message = String.valueOf(e.getMessage());
        return RAISONS.getOrDefault(message, message);
    }
}
