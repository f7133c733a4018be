package fr.harmonie.comptes;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Organisations et comptes, pour l'administration seule (/api/v1/admin/**: rôle ADMIN, voir SecuriteConfiguration). */
@RestController
class AdministrationController {

    private final AdministrationComptes administration;

    AdministrationController(AdministrationComptes administration) {
        this.administration = administration;
    }

    @GetMapping("/api/v1/admin/organisations")
    List<AdministrationComptes.Organisation> organisations() {
        return administration.organisations();
    }

    @PostMapping("/api/v1/admin/organisations")
    ResponseEntity<Map<String, Long>> creerOrganisation(@RequestBody AdministrationComptes.NouvelleOrganisation o, Principal admin) {
        long id = administration.creerOrganisation(o, admin.getName());
        return ResponseEntity.created(URI.create("/api/v1/admin/organisations/" + id)).body(Map.of("id", id));
    }

    @PutMapping("/api/v1/admin/organisations/{id}/territoires")
    ResponseEntity<Void> changerTerritoires(@PathVariable long id, @RequestBody List<String> territoires, Principal admin) {
        administration.changerTerritoires(id, territoires, admin.getName());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/admin/comptes")
    ResponseEntity<Void> creerCompte(@RequestBody AdministrationComptes.NouveauCompte c, Principal admin) {
        administration.creerCompte(c, admin.getName());
        return ResponseEntity.status(201).build();
    }
}
