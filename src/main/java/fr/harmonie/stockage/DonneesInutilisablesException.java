package fr.harmonie.stockage;

/**
 * Harmonie has nowhere to keep its data: the embedded PostgreSQL's directory cannot be created or written, another live
 * Harmonie holds it, or PostgreSQL does not start on it; or a configured base cannot keep Harmonie's texts. The
 * message says which directory or base and why, in French.
 */
public class DonneesInutilisablesException extends RuntimeException {

    private final String action;

    public DonneesInutilisablesException(String message, Throwable cause) {
        this(message, null, cause);
    }

    /** {@code action}: what to do, when it is not the usual (another directory, or a base of one's own); or null. */
    public DonneesInutilisablesException(String message, String action, Throwable cause) {
        super(message, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
