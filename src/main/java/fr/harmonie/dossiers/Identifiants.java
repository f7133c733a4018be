package fr.harmonie.dossiers;

import fr.harmonie.json.Citations;
import fr.harmonie.web.ProblemeHttpException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** Un identifiant lu dans une adresse: un texte qui n'est pas un UUID ne désigne rien, comme un identifiant inconnu. */
final class Identifiants {

    /** The dossier contract's bound on {@code reference}: a longer text is none. */
    private static final int REFERENCE_AU_PLUS = 64;

    private Identifiants() {
    }

    /**
     * « … n'est pas l'identifiant d'un dossier … » : said where a dossier's reference (« OPH-2026-12 ») stands for its
     * id, the mistake a bailleur's system makes when it keeps its own references only. Says nothing of whether a
     * dossier bears that reference.
     */
    static String pasUnDossier(String texte) {
        String dit = "« " + Citations.abregee(texte, REFERENCE_AU_PLUS) + " » n'est pas l'identifiant d'un dossier, que sa création"
                + " donne (un UUID)";
        return texte.length() > REFERENCE_AU_PLUS ? dit + "."
                : dit + " ; un dossier se retrouve par sa référence : GET /api/v1/dossiers?reference="
                        + URLEncoder.encode(texte, StandardCharsets.UTF_8) + ".";
    }

    /** A dossier's id written in an address or a filter; 404 with {@link #pasUnDossier} when it is not an id. */
    static UUID duDossier(String texte) {
        return uuid(texte).orElseThrow(() -> new ProblemeHttpException(HttpStatus.NOT_FOUND, "Dossier introuvable",
                pasUnDossier(texte)));
    }

    static Optional<UUID> uuid(String texte) {
        try {
            return Optional.of(UUID.fromString(texte));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
