package fr.harmonie.web;

public class CorpsTropGrandException extends RuntimeException {

    public CorpsTropGrandException(long limite) {
        super("Le corps de la requête dépasse " + (limite / (1024 * 1024)) + " Mio.");
    }
}
