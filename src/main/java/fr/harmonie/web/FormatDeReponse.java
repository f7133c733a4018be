package fr.harmonie.web;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * One of the forms an address answers in, the first being JSON. Named by {@code ?format=} (a link a spreadsheet, a
 * browser or a mail can carry), or by the Accept header when the client names it before JSON; a wildcard is JSON. A
 * header that names none of them is the caller's to answer: JSON anyway (RFC 9110 §12.5.1 lets a server disregard
 * what it cannot serve), or 406.
 */
public interface FormatDeReponse {

    /** JSON, the first form of every address. */
    Forme JSON = new Forme("json", MediaType.APPLICATION_JSON);

    /** A form named by its {@code format} value and its media type, for an address whose forms need nothing more. */
    record Forme(String nom, MediaType type) implements FormatDeReponse { }

    /** What {@code ?format=} says, and the file name's extension. */
    String nom();

    MediaType type();

    /**
     * The form asked for among {@code formats} (JSON first), or null when the Accept header names none of them.
     * {@code inconnu}: the French sentence for a {@code format} that is none of them, given what was written; it is
     * said in a 400.
     */
    static <F extends FormatDeReponse> F lire(List<F> formats, String format, String accept, UnaryOperator<String> inconnu) {
        if (format != null && !format.isBlank()) {
            String demande = format.strip().toLowerCase(Locale.ROOT);
            for (F f : formats) {
                if (f.nom().equals(demande)) {
                    return f;
                }
            }
            throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Format inconnu", inconnu.apply(format.strip()));
        }
        // What curl and most clients send, on every evaluation: not worth parsing.
        boolean quelconque = accept == null || accept.equals("*/*") || accept.equals(formats.get(0).type().toString());
        return quelconque ? formats.get(0) : premierNomme(formats, accept);
    }

    /**
     * The first of the forms the Accept header names, in the client's order of preference, or null. The header is
     * readable here: {@code AcceptIllisible} has dropped what could not be read, for every address.
     */
    private static <F extends FormatDeReponse> F premierNomme(List<F> formats, String accept) {
        List<MediaType> types = MediaType.parseMediaTypes(accept).stream()
                .sorted((a, b) -> Double.compare(b.getQualityValue(), a.getQualityValue())).toList();
        for (MediaType t : types) {
            if (t.getQualityValue() == 0) {
                continue;
            }
            for (F f : formats.subList(1, formats.size())) {
                if (t.isCompatibleWith(f.type()) && !t.isWildcardType() && !t.isWildcardSubtype()) {
                    return f;
                }
            }
            if (t.isCompatibleWith(formats.get(0).type())) {
                return formats.get(0);
            }
        }
        return null;
    }
}
