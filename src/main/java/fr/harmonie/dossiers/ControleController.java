package fr.harmonie.dossiers;

import fr.harmonie.comptes.CompteAuthentifie;
import fr.harmonie.comptes.Role;
import fr.harmonie.comptes.Utilisateur;
import fr.harmonie.web.ProblemeHttpException;
import fr.harmonie.json.Json;
import fr.harmonie.rapport.ListeDeControle;
import fr.harmonie.web.FormatDeReponse;
import fr.harmonie.web.ImpressionsEnCours;
import fr.harmonie.web.ReponsesDecrites;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * La liste de contrôle d'un dossier déposé, pièce par pièce : lue par les instructeurs qui le voient et la DREAL de sa
 * région, tenue par les instructeurs pendant l'instruction. Le bailleur n'y a pas accès : ce que le service attend de
 * lui, il le lit dans la demande de compléments.
 */
@RestController
@Tag(name = "Évaluations scellées, dépôt et instruction")
class ControleController {

    private static final FormatDeReponse.Forme PDF = new FormatDeReponse.Forme("pdf", MediaType.APPLICATION_PDF);

    private final DossiersVisibles dossiers;
    private final ControleDesPieces controle;
    private final ImpressionsEnCours impressions;
    private final Clock horloge;

    ControleController(DossiersVisibles dossiers, ControleDesPieces controle, ImpressionsEnCours impressions, Clock horloge) {
        this.dossiers = dossiers;
        this.controle = controle;
        this.impressions = impressions;
        this.horloge = horloge;
    }

    record Jugement(@Schema(description = "A_VERIFIER, CONFORME ou NON_CONFORME (sans égard à la casse).",
            allowableValues = {"A_VERIFIER", "CONFORME", "NON_CONFORME"}, requiredMode = Schema.RequiredMode.REQUIRED) String etat,
                    @Schema(description = "Facultatif : pourquoi (« plan non signé »), pour les collègues.",
                            maxLength = CycleController.MESSAGE_AU_PLUS) String commentaire) { }

    @Operation(summary = "La liste de contrôle d'un dossier déposé : chaque pièce requise à son dernier dépôt et ce que"
            + " l'instructeur en a jugé (instructeurs qui le voient, DREAL de sa région)",
            description = "Les pièces de l'évaluation scellée du dernier dépôt (evaluationDepot), dans l'ordre du catalogue, chacune"
                    + " avec bloquante, statutAuDepot (FOURNIE ou MANQUANTE, ce que le bailleur a déclaré), attendus, et etat"
                    + " (A_VERIFIER tant que personne ne l'a jugée, CONFORME, NON_CONFORME) avec commentaire, qui, quand et"
                    + " avantDernierDepot (jugée avant le dernier dépôt : la réponse aux compléments l'a peut-être changée) ;"
                    + " bilan : combien de pièces dans chaque état. Avec format=pdf (ou Accept: application/pdf), la même liste à"
                    + " imprimer, avec le dossier et une place pour le visa du chef de service.")
    @ApiResponse(responseCode = "200", description = "La liste de contrôle (JSON, ou PDF A4 avec format=pdf).",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE),
                    @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "400", description = "Format inconnu.")
    @ApiResponse(responseCode = "403", description = "Le bailleur : la liste est celle du service.")
    @ApiResponse(responseCode = "503", description = ReponsesDecrites.IMPRESSIONS_SATUREES)
    @GetMapping("/api/v1/dossiers/{id}/controle")
    @Transactional(readOnly = true)
    ResponseEntity<?> lire(@AuthenticationPrincipal CompteAuthentifie compte, @PathVariable String id,
                           @RequestParam(required = false) String format,
                           @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        FormatDeReponse.Forme forme = FormatDeReponse.lire(List.of(FormatDeReponse.JSON, PDF), format, accept,
                x -> "« format » vaut json (par défaut) ou pdf pour l'imprimer : « " + x + " » n'est ni l'un ni l'autre.");
        Utilisateur u = compte.utilisateur();
        DossierStocke d = dossiers.trouver(id, u);
        if (!NotesDInstruction.lisibles(u)) {
            throw new ProblemeHttpException(HttpStatus.FORBIDDEN, "Accès refusé", "La liste de contrôle se lit par les instructeurs"
                    + " du service et la DREAL ; ce que le service attend du bailleur est dans sa demande de compléments"
                    + " (piecesDemandees).");
        }
        Map<String, Object> liste = controle.liste(d);
        if (forme != PDF) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(liste);
        }
        Map<String, Object> dossier = new LinkedHashMap<>();
        dossier.put("id", d.id().toString());
        for (String champ : List.of("reference", "operation", "commune", "raisonSociale")) {
            dossier.put(champ, d.apercu().get(champ));
        }
        dossier.put("territoire", d.territoire());
        dossier.put("statut", d.statut());
        dossier.put("instructeur", d.instructeur());
        byte[] pdf = impressions.imprimer(() -> ListeDeControle.pdf(Json.MAPPER.valueToTree(dossier), Json.MAPPER.valueToTree(liste),
                OffsetDateTime.now(horloge)));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.inline().filename("controle-" + d.id() + ".pdf").build().toString()).body(pdf);
    }

    @Operation(summary = "Juger une pièce de la liste de contrôle (instructeur qui voit le dossier, pendant l'instruction)")
    @ApiResponse(responseCode = "200", description = "Jugée : le corps donne la liste de contrôle à jour.")
    @ApiResponse(responseCode = "400", description = "Pièce qui n'est pas requise au dépôt, ou état inconnu.")
    @ApiResponse(responseCode = "403", description = "Compte qui n'est pas instructeur.")
    @ApiResponse(responseCode = "409", description = "Instruction close (INSTRUIT) ou demande retirée (RETIRE).")
    @PutMapping("/api/v1/dossiers/{id}/controle/{code}")
    @Transactional
    Map<String, Object> juger(@AuthenticationPrincipal CompteAuthentifie compte, @PathVariable String id, @PathVariable String code,
                              @RequestBody Jugement jugement) {
        Utilisateur u = compte.utilisateur();
        DossierStocke d = dossiers.trouver(id, u);
        if (u.role() != Role.INSTRUCTEUR) {
            throw new ProblemeHttpException(HttpStatus.FORBIDDEN, "Accès refusé", "La liste de contrôle se tient par les instructeurs"
                    + " du service.");
        }
        if (!AttributionDesDossiers.CONFIABLES.contains(d.statut())) {
            throw new ProblemeHttpException(HttpStatus.CONFLICT, "Instruction close", "Le dossier est au statut " + d.statut()
                    + " : sa liste de contrôle se lit encore, elle ne se tient plus.");
        }
        controle.juger(u, d, code, jugement.etat(),
                jugement.commentaire() == null || jugement.commentaire().isBlank() ? null : CycleController.borne("commentaire",
                        jugement.commentaire()));
        return controle.liste(d);
    }
}
