package fr.harmonie.comptes;

import java.util.Map;
import fr.harmonie.web.ProblemeHttpException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Émission d'un jeton pour les systèmes de l'organisation du compte (montré une seule fois). */
@RestController
class JetonsController {

    private final Jetons jetons;

    JetonsController(Jetons jetons) {
        this.jetons = jetons;
    }

    /** Enough to name a system ("SI patrimoine, serveur de recette"), not a place to store documents. */
    static final int LIBELLE_MAX = 200;

    record Demande(String libelle) { }

    @PostMapping("/api/v1/jetons")
    ResponseEntity<Map<String, String>> emettre(@AuthenticationPrincipal CompteAuthentifie compte, @RequestBody Demande demande) {
        if (compte.utilisateur().identifiant().startsWith("jeton:")) {
            // A token may not mint tokens: a leaked one could otherwise outlive its own revocation.
            throw new ProblemeHttpException(HttpStatus.FORBIDDEN, "Accès refusé",
                    "Un jeton ne peut pas émettre d'autre jeton : identifiez-vous avec le compte de l'organisation.");
        }
        String libelle = demande == null || demande.libelle() == null || demande.libelle().isBlank() ? "client" : demande.libelle().strip();
        if (libelle.codePointCount(0, libelle.length()) > LIBELLE_MAX) {
            throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Libellé trop long",
                    "Le libellé d'un jeton tient en " + LIBELLE_MAX + " caractères au plus.");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("jeton", jetons.emettre(compte.utilisateur(), libelle),
                "avertissement", "Ce jeton ne sera plus affiché : gardez-le en lieu sûr."));
    }
}
