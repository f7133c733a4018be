package fr.harmonie.regles;

/** Un pack qui ne se charge pas: le message nomme le pack, le fichier et, quand on la connaît, la ligne. */
public class PackInvalideException extends RuntimeException {

    public PackInvalideException(String message) {
        super(message);
    }

    public PackInvalideException(String message, Throwable cause) {
        super(message, cause);
    }
}
