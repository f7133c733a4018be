package fr.harmonie.territoires;

import fr.harmonie.regles.PackInvalideException;
import fr.harmonie.regles.faits.Fr;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rechargement des packs sans redémarrage, réservé aux administrateurs (la configuration de sécurité l'impose pour
 * /api/v1/admin/**). Un pack qui ne passe pas la vérification n'est pas chargé et les packs en service continuent de
 * servir.
 */
@RestController
@Tag(name = "Administration", description = "Comptes, organisations, packs : réservé aux administrateurs.")
class RechargementController {

    private static final Logger LOG = LoggerFactory.getLogger(RechargementController.class);
    private static final String NON_ANNONCE = "Base en lecture seule : ce rechargement sert sur cette instance seulement, les "
            + "autres instances ne le suivront pas ; rechargez de nouveau quand la base acceptera les écritures.";

    private final RegistreCourant registre;
    private final PublicationDesPacks publication;
    private final CouvertureDesPacks couverture;
    private final RechargementsPartages partages;

    RechargementController(RegistreCourant registre, PublicationDesPacks publication, CouvertureDesPacks couverture,
                           RechargementsPartages partages) {
        this.registre = registre;
        this.publication = publication;
        this.couverture = couverture;
        this.partages = partages;
    }

    @Operation(summary = "Recharger les packs sans redémarrer")
    @ApiResponse(responseCode = "200", description = "Rechargés : le corps donne les versions en service et les alertes "
            + "(couverture des packs par les services instructeurs ; base en lecture seule, que les autres instances ne "
            + "suivront pas).")
    @ApiResponse(responseCode = "422", description = "Un pack ne passe pas la vérification : detail nomme le pack, le "
            + "fichier et la ligne ; les packs en service continuent de servir.")
    @PostMapping(path = "/api/v1/admin/packs/rechargement", produces = "application/json")
    ResponseEntity<Object> recharger(Principal administrateur) {
        try {
            RegistreCourant.Rechargement r = registre.recharger(publication, administrateur.getName());
            List<String> packs = r.registre().references();
            boolean annonce = partages.annoncer(packs, administrateur.getName());
            LOG.info("Packs rechargés par {} : {} ; {}, aucun de leurs packs n'ayant changé",
                    administrateur.getName(),
                    String.join(", ", packs),
                    Fr.compte(r.chainesReprises(), "chaîne compilée gardée", "chaînes compilées gardées"));
            // A newly published DDT or délégataire pack takes its communes' new deposits away from whoever instructs the
            // level above: the administrator learns it here, in the reload's answer, rather than from a bailleur.
            List<String> alertes = new ArrayList<>(couverture.alertes(r.registre()));
            if (!annonce) {
                alertes.add(0, NON_ANNONCE);
            }
            alertes.forEach(a -> LOG.warn("Après le rechargement : {}", a));
            return ResponseEntity.ok(Map.of("packs", packs, "alertes", alertes));
        } catch (PackInvalideException e) {
            LOG.warn("Rechargement demandé par {} refusé, les packs en service continuent de servir :\n{}",
                    administrateur.getName(), e.getMessage());
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
            p.setTitle("Packs refusés : les packs en service continuent de servir");
            p.setType(URI.create("urn:harmonie:probleme:pack-invalide"));
            return ResponseEntity.unprocessableContent().body(p);
        }
    }
}
