package fr.harmonie.comptes;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.harmonie.evaluation.Evaluateur;
import fr.harmonie.json.DatesMalEcrites;
import fr.harmonie.regles.faits.Fr;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.LocalDate;
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
    private final Clock horloge;

    JetonsController(Jetons jetons, Clock horloge) {
        this.jetons = jetons;
        this.horloge = horloge;
    }

    /** Enough to name a system ("SI patrimoine, serveur de recette"), not a place to store documents. */
    static final int LIBELLE_MAX = 200;

    record Demande(@Schema(description = "Le système qui s'en sert (« SI patrimoine, serveur de recette ») ; « client » sans lui.",
                           maxLength = LIBELLE_MAX) String libelle,
                   @Schema(description = "Facultatif : le dernier jour (AAAA-MM-JJ, à Paris, compris) où le jeton est accepté ;"
                           + " sans lui, jusqu'à sa révocation.", example = "2027-06-30") String valableJusquAu) { }

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
        LocalDate valableJusquAu = dernierJour(demande == null ? null : demande.valableJusquAu());
        Jetons.JetonNouveau emis = jetons.emettre(compte.utilisateur(), libelle, valableJusquAu);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new JetonMontre(emis.id(), libelle, emis.jeton(), valableJusquAu,
                        "Ce jeton ne sera plus affiché : gardez-le en lieu sûr."));
    }

    /** A token as issued: the only time its secret ({@code jeton}) is shown; {@code id} revokes it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JetonMontre(long id, String libelle, String jeton, LocalDate valableJusquAu, String avertissement) { }

    /** The last day asked, today or later; null when none is. */
    private LocalDate dernierJour(String texte) {
        if (texte == null || texte.isBlank()) {
            return null;
        }
        LocalDate jour = DatesMalEcrites.jour(texte.strip());
        if (jour == null) {
            throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Date invalide", "« valableJusquAu » : "
                    + DatesMalEcrites.pourquoi(texte.strip()) + ".");
        }
        LocalDate aujourdhui = Evaluateur.aujourdhui(horloge);
        if (jour.isBefore(aujourdhui)) {
            throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Date invalide", "« valableJusquAu » : le " + Fr.jour(jour)
                    + " est passé ; un jeton vaut jusqu'à aujourd'hui (" + aujourdhui + ") au moins.");
        }
        return jour;
    }

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
