package fr.harmonie.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

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
     * {@code suivante}: the address of the next page with its filters and its cursor; {@code limite} is added. A page
     * shorter than asked is the last one.
     */
    public static ResponseEntity.BodyBuilder page(int lus, int taille, UriComponentsBuilder suivante) {
        ResponseEntity.BodyBuilder reponse = ResponseEntity.ok();
        if (lus == taille) {
            reponse.header(HttpHeaders.LINK, "<" + suivante.queryParam("limite", taille).encode().build().toUriString() + ">; rel=\"next\"");
        }
        return reponse;
    }
}
