package fr.harmonie.dossiers;

import fr.harmonie.web.FormatDeReponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;

/**
 * The form of the list of dossiers: JSON (the summaries, by default), CSV for a spreadsheet, or JSON Lines, each
 * dossier read whole, for the tools that take dossiers (a DREAL's {@code comparer} before publishing a pack). Named
 * by {@code ?format=} (a link a spreadsheet or a browser can open), or by the Accept header when the client names one
 * of them before JSON.
 */
enum FormatDeLaListe implements FormatDeReponse {

    JSON("json", MediaType.APPLICATION_JSON),
    CSV("csv", new MediaType("text", "csv", StandardCharsets.UTF_8)),
    /** One line per dossier, as {@code GET /api/v1/dossiers/{id}} gives it. */
    JSONL("jsonl", new MediaType("application", "x-ndjson", StandardCharsets.UTF_8));

    private final String nom;
    private final MediaType type;

    FormatDeLaListe(String nom, MediaType type) {
        this.nom = nom;
        this.type = type;
    }

    @Override
    public String nom() {
        return nom;
    }

    @Override
    public MediaType type() {
        return type;
    }

    /** A file of the whole list, rather than one page of it. */
    boolean fichier() {
        return this != JSON;
    }

    /** A header that names none of the three gets the JSON, as it always has. */
    static FormatDeLaListe lire(String format, String accept) {
        FormatDeLaListe f = FormatDeReponse.lire(List.of(values()), format, accept, x -> "« format » vaut json (par défaut), csv"
                + " pour un tableur, ou jsonl pour les dossiers entiers, un par ligne : « " + x + " » n'est aucun des trois.");
        return f == null ? JSON : f;
    }
}
