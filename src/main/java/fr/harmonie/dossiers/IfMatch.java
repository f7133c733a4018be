package fr.harmonie.dossiers;

import fr.harmonie.web.ProblemeHttpException;
import java.util.List;
import org.springframework.http.ETag;
import org.springframework.http.HttpStatus;

/**
 * If-Match as RFC 9110 §13.1.1 reads it: {@code *}, or a list of entity tags compared strongly, so a weak tag never
 * matches. A header written otherwise than the ETag was read (« 1 » for « "1" ») or weakened on its way (a proxy that
 * compresses responses turns « "2" » into « W/"2" ») would otherwise get « the dossier changed since your read » for
 * the very version read: the client would read again and fail again. Each says what to send instead.
 */
final class IfMatch {

    private IfMatch() {
    }

    /** @param courant the dossier's ETag, « "2" » */
    private static boolean correspond(String ifMatch, String courant) {
        ETag etag = ETag.create(courant);
        return lire(ifMatch).stream().anyMatch(t -> t.isWildcard() || t.compare(etag, true));
    }

    /** Why an If-Match that does not match names the current version in a form that never matches; null when it does not. */
    private static String pourquoiSansEffet(String ifMatch, String courant) {
        ETag etag = ETag.create(courant);
        boolean faible = lire(ifMatch).stream().anyMatch(t -> t.weak() && t.compare(etag, false));
        return faible ? "If-Match porte l'ETag faible W/" + courant + ", qui ne correspond jamais : il se compare au sens fort"
                + " (RFC 9110). Renvoyez " + courant + " tel que l'en-tête ETag le donne ; un proxy qui compresse les réponses"
                + " peut l'avoir affaibli en chemin." : null;
    }

    /**
     * For an action on the dossier as the caller read it (an edit, a deletion, an evaluation, a deposit, an instruction
     * step): none given, nothing asked (an edit requires one beforehand); given and stale, 412 rather than acting on a
     * version the caller has not seen (a colleague's edit, a deposit again since).
     */
    static void exiger(String ifMatch, DossierStocke lu) {
        if (ifMatch == null) {
            return;
        }
        if (!correspond(ifMatch, lu.etag())) {
            throw perimee(ifMatch, lu);
        }
    }

    /** 412: {@code actuel}, the dossier as it is now, is not the version If-Match names. */
    static ProblemeHttpException perimee(String ifMatch, DossierStocke actuel) {
        String pourquoi = ifMatch == null ? null : pourquoiSansEffet(ifMatch, actuel.etag());
        return new ProblemeHttpException(HttpStatus.PRECONDITION_FAILED, "Version périmée", pourquoi != null ? pourquoi
                : "Le dossier a changé depuis votre lecture (version actuelle " + actuel.etag() + ", statut " + actuel.statut()
                + " ; dernier changement " + JoursAParis.enFrancais(actuel.modifieLe())
                + (actuel.modifiePar() == null ? "" : ", par " + actuel.modifiePar()) + ") : relisez-le.");
    }

    /**
     * An update of the dossier {@code lu} that wrote nothing, {@code actuel} being what it is now: 412 when If-Match
     * named the version read and it changed, else 409 with the status it passed to {@code pendant} (« le retrait »).
     */
    static ProblemeHttpException nonEcrit(DossierStocke lu, DossierStocke actuel, boolean versionLue, String titre, String pendant) {
        if (versionLue && actuel.version() != lu.version()) {
            return perimee(null, actuel);
        }
        return new ProblemeHttpException(HttpStatus.CONFLICT, titre, "Le dossier est passé au statut " + actuel.statut() + " pendant "
                + pendant + " : relisez-le.");
    }

    /** Refuses (400) a header that holds no entity tag, before anything is read or written. */
    static void verifierLaForme(String ifMatch) {
        lire(ifMatch);
    }

    private static List<ETag> lire(String ifMatch) {
        List<ETag> etags = ETag.parse(ifMatch);
        if (etags.isEmpty()) {
            String ecrit = ifMatch.strip();
            String exemple = ecrit.matches("W/\\d+|\\d+|'\\d+'") ? "\"" + ecrit.replaceAll("\\D", "") + "\"" : "\"1\"";
            throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "En-tête If-Match mal écrit",
                    "If-Match « " + ecrit + " » n'est pas un ETag : il s'écrit entre guillemets droits, tel que l'en-tête"
                            + " ETag le donne (If-Match: " + exemple + "), ou * pour toute version.");
        }
        return etags;
    }
}
