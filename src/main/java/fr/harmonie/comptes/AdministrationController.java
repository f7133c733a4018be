package fr.harmonie.comptes;

import fr.harmonie.web.Emplacements;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Organisations et comptes, pour l'administration seule (/api/v1/admin/**: rôle ADMIN, voir SecuriteConfiguration). */
@RestController
@Tag(name = "Administration", description = "Comptes, organisations, packs : réservé aux administrateurs.")
class AdministrationController {

    private final AdministrationComptes administration;
    private final Couverture couverture;

    AdministrationController(AdministrationComptes administration, Couverture couverture) {
        this.administration = administration;
        this.couverture = couverture;
    }

    /** Accounts are managed by a person: an administrator's token, if it leaked, could otherwise mint accounts. */
    private static String administrateur(CompteAuthentifie compte) {
        compte.utilisateur().exigerUnCompte("Un jeton ne gère pas les organisations ni les comptes");
        return compte.utilisateur().identifiant();
    }

    @Operation(summary = "Lister les organisations")
    @GetMapping("/api/v1/admin/organisations")
    List<AdministrationComptes.Organisation> organisations(@AuthenticationPrincipal CompteAuthentifie compte) {
        administrateur(compte);
        return administration.organisations();
    }

    @Operation(summary = "Lire une organisation et ses comptes")
    @GetMapping("/api/v1/admin/organisations/{id}")
    AdministrationComptes.Organisation organisation(@PathVariable long id, @AuthenticationPrincipal CompteAuthentifie compte) {
        administrateur(compte);
        return administration.organisation(id).orElseThrow(() -> AdministrationComptes.organisationIntrouvable(id));
    }

    /** Readable by an administrator's token too: it changes nothing, and a supervision script may watch it. */
    @Operation(summary = "Quels territoires ont un service instructeur, et lesquels n'en ont pas")
    @GetMapping("/api/v1/admin/couverture")
    Couverture.Etat couverture() {
        return couverture.etat();
    }

    @Operation(summary = "Créer une organisation (bailleur, service instructeur, DREAL)")
    @ApiResponse(responseCode = "201", description = "Créée : Location donne son adresse.")
    @ApiResponse(responseCode = "409", description = "Une organisation existe déjà pour ce SIREN.")
    @PostMapping("/api/v1/admin/organisations")
    ResponseEntity<Map<String, Long>> creerOrganisation(@RequestBody AdministrationComptes.NouvelleOrganisation o,
                                                        @AuthenticationPrincipal CompteAuthentifie compte) {
        long id = administration.creerOrganisation(o, administrateur(compte));
        return ResponseEntity.created(Emplacements.de("/api/v1/admin/organisations/" + id)).body(Map.of("id", id));
    }

    @Operation(summary = "Fixer les territoires qu'instruit un service instructeur")
    @ApiResponse(responseCode = "204", description = "Fixés.")
    @PutMapping("/api/v1/admin/organisations/{id}/territoires")
    ResponseEntity<Void> changerTerritoires(@PathVariable long id, @RequestBody List<String> territoires,
                                            @AuthenticationPrincipal CompteAuthentifie compte) {
        administration.changerTerritoires(id, territoires, administrateur(compte));
        return ResponseEntity.noContent().build();
    }

    record MotDePasse(String motDePasse) { }

    @Operation(summary = "Donner un nouveau mot de passe à un compte")
    @ApiResponse(responseCode = "204", description = "Changé.")
    @PutMapping("/api/v1/admin/comptes/{identifiant}/mot-de-passe")
    ResponseEntity<Void> reinitialiserMotDePasse(@PathVariable String identifiant, @RequestBody MotDePasse demande,
                                                 @AuthenticationPrincipal CompteAuthentifie compte) {
        administration.reinitialiserMotDePasse(ComptesStore.identifiantTape(identifiant), demande == null ? null : demande.motDePasse(),
                administrateur(compte));
        return ResponseEntity.noContent().build();
    }

    record Activite(Boolean actif) { }

    @Operation(summary = "Activer ou désactiver un compte")
    @ApiResponse(responseCode = "204", description = "Fait.")
    @ApiResponse(responseCode = "409", description = "Le compte ne peut pas être désactivé : detail dit pourquoi.")
    @PutMapping("/api/v1/admin/comptes/{identifiant}/actif")
    ResponseEntity<Void> changerActivite(@PathVariable String identifiant, @RequestBody Activite demande,
                                         @AuthenticationPrincipal CompteAuthentifie compte) {
        administration.changerActivite(ComptesStore.identifiantTape(identifiant), demande == null ? null : demande.actif(),
                administrateur(compte));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Créer un compte dans une organisation")
    @ApiResponse(responseCode = "201", description = "Créé.")
    @ApiResponse(responseCode = "409", description = "Un compte porte déjà cet identifiant.")
    @PostMapping("/api/v1/admin/comptes")
    ResponseEntity<Void> creerCompte(@RequestBody AdministrationComptes.NouveauCompte c,
                                     @AuthenticationPrincipal CompteAuthentifie compte) {
        administration.creerCompte(c, administrateur(compte));
        return ResponseEntity.status(201).build();
    }
}
