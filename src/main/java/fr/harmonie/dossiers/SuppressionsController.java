package fr.harmonie.dossiers;

import fr.harmonie.comptes.CompteAuthentifie;
import fr.harmonie.comptes.Utilisateur;
import fr.harmonie.json.Horodatage;
import fr.harmonie.web.Pagination;
import fr.harmonie.web.ProblemeHttpException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Les brouillons supprimés depuis un instant : ce que {@code GET /api/v1/dossiers?modifieDepuis=} ne peut pas dire,
 * un dossier supprimé n'étant plus dans la liste. Le système d'un bailleur qui suit ses dossiers y apprend ceux qu'un
 * collègue a supprimés, plutôt que de relire chacun pour trouver les 404.
 */
@RestController
@Tag(name = "Dossiers")
class SuppressionsController {

    private final BrouillonsSupprimes supprimes;

    SuppressionsController(BrouillonsSupprimes supprimes) {
        this.supprimes = supprimes;
    }

    @Operation(summary = "Les brouillons de son organisation supprimés à un instant ou depuis, dans l'ordre de leur suppression"
            + " (bailleur ; vide pour les autres comptes, qui ne voient pas les brouillons)",
            description = "depuis : un instant comme la liste les écrit (modifieLe) ou un jour AAAA-MM-JJ, depuis minuit à Paris ;"
                    + " sans lui, tous. Chaque brouillon avec son id, sa référence, supprimeLe et supprimePar. Par pages (Link,"
                    + " apres, X-Total-Count), comme la liste des dossiers.")
    @ApiResponse(responseCode = "200", description = "Les brouillons supprimés, par pages.")
    @GetMapping("/api/v1/dossiers/supprimes")
    @Transactional(readOnly = true)
    ResponseEntity<List<Map<String, Object>>> lister(@AuthenticationPrincipal CompteAuthentifie compte,
                                                     @RequestParam(required = false) String depuis,
                                                     @RequestParam(required = false) String apres,
                                                     @RequestParam(required = false) Integer limite) {
        Utilisateur u = compte.utilisateur();
        OffsetDateTime instant = FiltresDeLaListe.instant("depuis", depuis);
        int taille = Pagination.taille(limite, "brouillons");
        BrouillonsSupprimes.Suppression precedent = null;
        if (apres != null) {
            precedent = Identifiants.uuid(apres).flatMap(id -> supprimes.du(id, u)).orElseThrow(() -> new ProblemeHttpException(
                    HttpStatus.BAD_REQUEST, "Filtre invalide", "« apres » ne désigne aucun brouillon supprimé de votre organisation :"
                    + " reprenez la liste au début."));
        }
        List<BrouillonsSupprimes.Suppression> page = supprimes.depuis(u, instant, precedent, taille);
        Map<String, Object> suivante = new LinkedHashMap<>();
        suivante.put("depuis", instant == null ? null : Horodatage.enTexte(instant));
        suivante.put("apres", page.isEmpty() ? null : page.get(page.size() - 1).id());
        return Pagination.page(page.size(), taille, "/api/v1/dossiers/supprimes", suivante)
                .header("X-Total-Count", Long.toString(supprimes.nombre(u, instant)))
                .body(page.stream().map(SuppressionsController::enJson).toList());
    }

    private static Map<String, Object> enJson(BrouillonsSupprimes.Suppression s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("reference", s.reference());
        m.put("supprimeLe", Horodatage.enTexte(s.supprimeLe()));
        m.put("supprimePar", s.supprimePar());
        return m;
    }
}
