package fr.harmonie.comptes;

import fr.harmonie.web.ProblemeHttpException;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * Qui fait la requête, et ce qui borne ce qu'il voit: son organisation (et son SIREN pour un bailleur), les packs
 * qu'instruit son service, la région d'une DREAL.
 */
public record Utilisateur(String identifiant, Role role, long organisation, String siren, Set<String> territoires,
                          String region) {

    /**
     * A machine client acts for its organisation but never manages accounts or tokens.
     *
     * @throws ProblemeHttpException 403 pour un jeton, avec {@code refus} pour commencer le message
     */
    void exigerUnCompte(String refus) {
        if (estUnJeton()) {
            throw new ProblemeHttpException(HttpStatus.FORBIDDEN, "Accès refusé",
                    refus + " : identifiez-vous avec le compte de l'organisation.");
        }
    }

    /** A machine client's token rather than a person's account. */
    boolean estUnJeton() {
        return identifiant.startsWith(Jetons.PREFIXE_IDENTIFIANT);
    }
}
