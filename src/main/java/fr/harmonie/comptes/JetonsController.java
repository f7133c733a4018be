package fr.harmonie.comptes;

import java.util.Map;
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

    record Demande(String libelle) { }

    @PostMapping("/api/v1/jetons")
    ResponseEntity<Map<String, String>> emettre(@AuthenticationPrincipal CompteAuthentifie compte, @RequestBody Demande demande) {
        if (compte.utilisateur().identifiant().startsWith("jeton:")) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        String libelle = demande == null || demande.libelle() == null || demande.libelle().isBlank() ? "client" : demande.libelle().strip();
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("jeton", jetons.emettre(compte.utilisateur(), libelle),
                "avertissement", "Ce jeton ne sera plus affiché : gardez-le en lieu sûr."));
    }
}
