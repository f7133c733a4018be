package fr.harmonie.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Lists read by pages (journal, dossiers, evaluations of a dossier): at most {@value #LIMITE} items a page, and a
 * {@code Link: <…>; rel="next"} header while the page is full, so a client follows it to the last item.
 */
public final class Pagination {

    public static final int LIMITE = 500;

    private Pagination() {
    }

    /** The page size asked, {@value #LIMITE} by default; 400 in French outside 1 to {@value #LIMITE}. */
    public static int taille(Integer limite, String elements) {
        int taille = limite == null ? LIMITE : limite;
        if (taille < 1 || taille > LIMITE) {
            throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Filtre invalide", "« limite » : de 1 à " + LIMITE + " " + elements + ".");
        }
        return taille;
    }

    /**
     * {@code parametres}: the next page's filters and cursor, in order; a null value is left out, a collection gives the
     * parameter once per element; {@code limite} is added. A page shorter than asked is the last one. Values are
     * form-encoded, so a reference such as "A+B & C" comes back as sent (Spring's URI builders leave '+', which the
     * server then reads as a space).
     */
    public static ResponseEntity.BodyBuilder page(int lus, int taille, String chemin, Map<String, ?> parametres) {
        ResponseEntity.BodyBuilder reponse = ResponseEntity.ok();
        if (lus == taille) {
            StringJoiner requete = new StringJoiner("&", Emplacements.sousLeContexte(chemin) + "?", "");
            parametres.forEach((nom, valeur) -> {
                Collection<?> valeurs = valeur instanceof Collection<?> c ? c : valeur == null ? List.of() : List.of(valeur);
                valeurs.forEach(v -> requete.add(nom + "=" + URLEncoder.encode(v.toString(), StandardCharsets.UTF_8)));
            });
            requete.add("limite=" + taille);
            reponse.header(HttpHeaders.LINK, "<" + requete + ">; rel=\"next\"");
        }
        return reponse;
    }
}
