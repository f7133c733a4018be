package fr.harmonie.stockage;

/**
 * A backup or a restore that was not done, and why, in French: nothing to back up, a file already there, a service
 * running on the directory to restore into, a file that is not a backup of Harmonie. Nothing was written.
 */
public class SauvegardeRefuseeException extends RuntimeException {

    public SauvegardeRefuseeException(String message) {
        super(message);
    }

    public SauvegardeRefuseeException(String message, Throwable cause) {
        super(message, cause);
    }
}
