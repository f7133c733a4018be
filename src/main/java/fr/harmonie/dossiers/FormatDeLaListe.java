package fr.harmonie.dossiers;

import fr.harmonie.web.ProblemeHttpException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * JSON or CSV for the list of dossiers: {@code ?format=csv} (a link a spreadsheet or a browser can open), or
 * {@code Accept: text/csv} when the client names it before JSON. JSON otherwise, as before.
 */
final class FormatDeLaListe {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private FormatDeLaListe() {
    }

    static boolean csv(String format, String accept) {
        if (format != null && !format.isBlank()) {
            switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "csv":
                    return true;
                case "json":
                    return false;
                default:
                    throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Format inconnu",
                            "« format » vaut json (par défaut) ou csv, pour un tableur : « " + format.strip() + " » n'est ni l'un ni l'autre.");
            }
        }
        return accept != null && csvAvantJson(accept);
    }

    /**
     * The first type of the Accept header, in the client's order of preference, that is CSV or JSON (or a wildcard). The
     * header is readable here: {@code AcceptIllisible} has dropped what could not be read, for every address.
     */
    private static boolean csvAvantJson(String accept) {
        List<MediaType> types = MediaType.parseMediaTypes(accept).stream()
                .sorted((a, b) -> Double.compare(b.getQualityValue(), a.getQualityValue())).toList();
        for (MediaType t : types) {
            if (t.getQualityValue() > 0 && t.isCompatibleWith(CSV) && !t.isWildcardType() && !t.isWildcardSubtype()) {
                return true;
            }
            if (t.getQualityValue() > 0 && t.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return false;
            }
        }
        return false;
    }
}
