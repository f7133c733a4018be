package fr.harmonie.dossiers;

import fr.harmonie.web.ProblemeHttpException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The form of the list of dossiers: JSON (the summaries, by default), CSV for a spreadsheet, or JSON Lines, each
 * dossier read whole, for the tools that take dossiers (a DREAL's {@code comparer} before publishing a pack). Named
 * by {@code ?format=} (a link a spreadsheet or a browser can open), or by the Accept header when the client names one
 * of them before JSON.
 */
enum FormatDeLaListe {

    JSON("json", MediaType.APPLICATION_JSON),
    CSV("csv", new MediaType("text", "csv", StandardCharsets.UTF_8)),
    /** One line per dossier, as {@code GET /api/v1/dossiers/{id}} gives it. */
    JSONL("jsonl", new MediaType("application", "x-ndjson", StandardCharsets.UTF_8));

    final String nom;
    final MediaType type;

    FormatDeLaListe(String nom, MediaType type) {
        this.nom = nom;
        this.type = type;
    }

    /** A file of the whole list, rather than one page of it. */
    boolean fichier() {
        return this != JSON;
    }

    static FormatDeLaListe lire(String format, String accept) {
        if (format != null && !format.isBlank()) {
            String demande = format.strip().toLowerCase(Locale.ROOT);
            for (FormatDeLaListe f : values()) {
                if (f.nom.equals(demande)) {
                    return f;
                }
            }
            throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Format inconnu", "« format » vaut json (par défaut), csv"
                    + " pour un tableur, ou jsonl pour les dossiers entiers, un par ligne : « " + format.strip() + " » n'est aucun des trois.");
        }
        return accept == null ? JSON : premierNomme(accept);
    }

    /**
     * The first of the three the Accept header names, in the client's order of preference (a wildcard is JSON). The
     * header is readable here: {@code AcceptIllisible} has dropped what could not be read, for every address.
     */
    private static FormatDeLaListe premierNomme(String accept) {
        List<MediaType> types = MediaType.parseMediaTypes(accept).stream()
                .sorted((a, b) -> Double.compare(b.getQualityValue(), a.getQualityValue())).toList();
        for (MediaType t : types) {
            if (t.getQualityValue() == 0) {
                continue;
            }
            for (FormatDeLaListe f : new FormatDeLaListe[] {CSV, JSONL}) {
                if (t.isCompatibleWith(f.type) && !t.isWildcardType() && !t.isWildcardSubtype()) {
                    return f;
                }
            }
            if (t.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return JSON;
            }
        }
        return JSON;
    }
}
