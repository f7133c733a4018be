package fr.harmonie.comptes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** /api/v1/moi: tout compte authentifié, pour lui-même seulement (il n'y a pas d'identifiant dans l'adresse). */
@RestController
@Tag(name = "Mon compte", description = "Le compte connecté : ce qu'il peut voir, son mot de passe.")
class MonCompteController {

    private final MonCompte monCompte;

    MonCompteController(MonCompte monCompte) {
        this.monCompte = monCompte;
    }

    @Operation(summary = "Le compte connecté : son rôle, son organisation, ce qu'il voit")
    @GetMapping("/api/v1/moi")
    MonCompte.Identite identite(@AuthenticationPrincipal CompteAuthentifie compte) {
        return monCompte.identite(compte.utilisateur());
    }

    @Operation(summary = "Changer son mot de passe")
    @ApiResponse(responseCode = "204", description = "Changé.")
    @ApiResponse(responseCode = "400", description = "Mot de passe actuel incorrect, ou nouveau mot de passe refusé : detail "
            + "dit pourquoi.")
    @ApiResponse(responseCode = "403", description = "Un jeton n'a pas de mot de passe.")
    @PutMapping("/api/v1/moi/mot-de-passe")
    ResponseEntity<Void> changerMotDePasse(@AuthenticationPrincipal CompteAuthentifie compte,
                                           @RequestBody MonCompte.ChangementMotDePasse demande) {
        monCompte.changerMotDePasse(compte.utilisateur(), demande);
        return ResponseEntity.noContent().build();
    }
}
