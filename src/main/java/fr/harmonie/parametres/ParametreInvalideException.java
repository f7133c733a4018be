package fr.harmonie.parametres;

public class ParametreInvalideException extends RuntimeException {

    public ParametreInvalideException(String fichier, String message) {
        super(fichier + " : " + message);
    }
}
