package fr.harmonie.web;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Un refus à renvoyer tel quel au client, en problem+json: statut, titre et détail en français. */
public class ProblemeHttpException extends RuntimeException {

    private final HttpStatus statut;
    private final String titre;
    private final Long reessayerDansSecondes;
    private final URI type;
    private final Map<String, Object> membres = new LinkedHashMap<>();

    public ProblemeHttpException(HttpStatus statut, String titre, String detail) {
        this(statut, titre, detail, null);
    }

    /** {@code reessayerDansSecondes}: sent as Retry-After (429, 503), or null. */
    public ProblemeHttpException(HttpStatus statut, String titre, String detail, Long reessayerDansSecondes) {
        this(statut, titre, detail, reessayerDansSecondes, null);
    }

    /** {@code type}: the problem's stable kind (urn:harmonie:probleme:…) when clients must tell it from others of its status. */
    public ProblemeHttpException(HttpStatus statut, String titre, String detail, Long reessayerDansSecondes, URI type) {
        super(detail);
        this.statut = statut;
        this.titre = titre;
        this.reessayerDansSecondes = reessayerDansSecondes;
        this.type = type;
    }

    /**
     * An extension member of the problem (RFC 9457, section 3.2): what a client's program reads, where {@code detail}
     * says it in French for a person.
     */
    public ProblemeHttpException avec(String nom, Object valeur) {
        membres.put(nom, valeur);
        return this;
    }

    public Map<String, Object> membres() {
        return Collections.unmodifiableMap(membres);
    }

    /** @return the problem's type, or null for about:blank */
    public URI type() {
        return type;
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
