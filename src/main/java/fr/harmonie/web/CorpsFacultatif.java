package fr.harmonie.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Le corps facultatif d'une action (dépôt, retrait, copie) : aucun, ou un petit objet JSON lu comme Spring lit les autres
 * corps (même mapper, mêmes erreurs en français, un champ inconnu refusé en le nommant).
 */
public final class CorpsFacultatif {

    private CorpsFacultatif() {
    }

    /**
     * Null for an empty body whatever its Content-Type: deposits were made without a body before they took one, some
     * of them with {@code curl -d ''}, which announces a form. A body that is there must be JSON.
     */
    public static <T> T lire(HttpServletRequest requete, JsonMapper mapper, Class<T> forme)
            throws IOException, HttpMediaTypeNotSupportedException {
        byte[] corps = CorpsBorne.lire(requete);
        if (new String(corps, StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        MediaType type;
        try {
            String annonce = requete.getContentType();
            type = annonce == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(annonce);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotSupportedException(e.getMessage());
        }
        if (!type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.getSubtype().endsWith("+json")) {
            throw new HttpMediaTypeNotSupportedException(type, List.of(MediaType.APPLICATION_JSON), HttpMethod.POST);
        }
        try {
            return mapper.readValue(corps, forme);
        } catch (JacksonException e) {
            throw new HttpMessageNotReadableException(e.getOriginalMessage(), e, new ServletServerHttpRequest(requete));
        }
    }
}
