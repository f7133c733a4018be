package fr.harmonie.stockage;

/**
 * The embedded PostgreSQL has nowhere to keep its data: the directory cannot be created or written, another live
 * Harmonie holds it, or PostgreSQL does not start on it. The message says which directory and why, in French.
 */
public class DonneesInutilisablesException extends RuntimeException {

    public DonneesInutilisablesException(String message, Throwable cause) {
        super(message, cause);
    }
}
