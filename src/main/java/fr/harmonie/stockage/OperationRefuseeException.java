package fr.harmonie.stockage;

/**
 * A backup, a restore or a migration of the embedded data that was not done, and why, in French: nothing to back up, a
 * file already there, a service running on the directory, a file that is not a backup of Harmonie, a target base that
 * refuses or already holds data. Nothing was written.
 */
public class OperationRefuseeException extends RuntimeException {

    public OperationRefuseeException(String message) {
        super(message);
    }

    public OperationRefuseeException(String message, Throwable cause) {
        super(message, cause);
    }
}
