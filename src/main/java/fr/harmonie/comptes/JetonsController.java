package fr.harmonie.comptes;

import fr.harmonie.web.ProblemeHttpException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Les jetons des systèmes d'une organisation: un compte en émet (montré une seule fois), voit ceux de son organisation
 * et les révoque. Un jeton ne gère pas les jetons: une fuite ne doit pas pouvoir se prolonger ni en couper d'autres.
 */
@RestController
@Tag(name = "Jetons", description = "Les jetons d'API d'une organisation, pour ses systèmes.")
class JetonsController {

    private final Jetons jetons;

    JetonsController(Jetons jetons) {
        this.jetons = jetons;
    }

    /** Enough to name a system ("SI patrimoine, serveur de recette"), not a place to store documents. */
    static final int LIBELLE_MAX = 200;

    record Demande(String libelle) { }

    @Operation(summary = "Émettre un jeton d'API pour les systèmes de son organisation")
    @ApiResponse(responseCode = "201", description = "Émis : le jeton n'est montré qu'une fois ; id est celui qui le révoque "
            + "(DELETE /api/v1/jetons/{id}).")
    @ApiResponse(responseCode = "403", description = "Un jeton n'émet pas d'autre jeton.")
    @PostMapping("/api/v1/jetons")
    ResponseEntity<JetonMontre> emettre(@AuthenticationPrincipal CompteAuthentifie compte, @RequestBody Demande demande) {
        // A token may not mint tokens: a leaked one could otherwise outlive its own revocation.
        compte.utilisateur().exigerUnCompte("Un jeton ne peut pas émettre d'autre jeton");
        String libelle = demande == null || demande.libelle() == null || demande.libelle().isBlank() ? "client" : demande.libelle().strip();
        if (libelle.codePointCount(0, libelle.length()) > LIBELLE_MAX) {
            throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Libellé trop long",
                    "Le libellé d'un jeton tient en " + LIBELLE_MAX + " caractères au plus.");
        }
        Jetons.JetonNouveau emis = jetons.emettre(compte.utilisateur(), libelle);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new JetonMontre(emis.id(), libelle, emis.jeton(), "Ce jeton ne sera plus affiché : gardez-le en lieu sûr."));
    }

    /** A token as issued: the only time its secret ({@code jeton}) is shown; {@code id} revokes it. */
    record JetonMontre(long id, String libelle, String jeton, String avertissement) { }

    @Operation(summary = "Lister les jetons de son organisation (sans leur secret)")
    @ApiResponse(responseCode = "200", description = "Les jetons de l'organisation : libellé, date, auteur, jamais le secret.")
    @ApiResponse(responseCode = "403", description = "Un jeton ne liste pas les jetons.")
    @GetMapping("/api/v1/jetons")
    List<Jetons.JetonEmis> lister(@AuthenticationPrincipal CompteAuthentifie compte) {
        compte.utilisateur().exigerUnCompte("Un jeton ne peut pas lister les jetons");
        return jetons.deLOrganisation(compte.utilisateur().organisation());
    }

    @Operation(summary = "Révoquer un jeton de son organisation")
    @ApiResponse(responseCode = "204", description = "Révoqué.")
    @ApiResponse(responseCode = "403", description = "Un jeton ne révoque pas de jeton.")
    @DeleteMapping("/api/v1/jetons/{id}")
    ResponseEntity<Void> revoquer(@AuthenticationPrincipal CompteAuthentifie compte, @PathVariable String id) {
        compte.utilisateur().exigerUnCompte("Un jeton ne peut pas révoquer de jeton");
        // The secret itself in the address, as someone holds a token found in a log: that token is the one meant, and
        // now written in every log the address passes through too. It is revoked like the one its id would name.
        Optional<Long> parSonSecret = jetons.idDuSecret(id, compte.utilisateur().organisation());
        if (parSonSecret.isPresent()) {
            jetons.revoquer(compte.utilisateur(), parSonSecret.get());
            return ResponseEntity.noContent().build();
        }
        // Another organisation's token is answered as a missing one: its existence is not theirs to learn.
        if (!id.matches("\\d{1,18}") || !jetons.revoquer(compte.utilisateur(), Long.parseLong(id))) {
            throw new ProblemeHttpException(HttpStatus.NOT_FOUND, "Jeton introuvable", "Aucun jeton de votre organisation à cette adresse.");
        }
        return ResponseEntity.noContent().build();
    }
}
