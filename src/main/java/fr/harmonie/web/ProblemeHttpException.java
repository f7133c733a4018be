package fr.harmonie.web;

import org.springframework.http.HttpStatus;

/** Un refus à renvoyer tel quel au client, en problem+json: statut, titre et détail en français. */
public class ProblemeHttpException extends RuntimeException {

    private final HttpStatus statut;
    private final String titre;
    private final Long reessayerDansSecondes;

    public ProblemeHttpException(HttpStatus statut, String titre, String detail) {
        this(statut, titre, detail, null);
    }

    /** {@code reessayerDansSecondes}: sent as Retry-After (429, 503), or null. */
    public ProblemeHttpException(HttpStatus statut, String titre, String detail, Long reessayerDansSecondes) {
        super(detail);
        this.statut = statut;
        this.titre = titre;
        this.reessayerDansSecondes = reessayerDansSecondes;
    }

    public Long reessayerDansSecondes() {
        return reessayerDansSecondes;
    }

    public HttpStatus statut() {
        return statut;
    }

    public String titre() {
        return titre;
    }
}
