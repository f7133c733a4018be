package fr.harmonie.web;

import org.springframework.http.HttpStatus;

/** Un refus à renvoyer tel quel au client, en problem+json: statut, titre et détail en français. */
public class ProblemeHttpException extends RuntimeException {

    private final HttpStatus statut;
    private final String titre;

    public ProblemeHttpException(HttpStatus statut, String titre, String detail) {
        super(detail);
        this.statut = statut;
        this.titre = titre;
    }

    public HttpStatus statut() {
        return statut;
    }

    public String titre() {
        return titre;
    }
}
