package fr.harmonie.dossiers;

import fr.harmonie.comptes.CompteAuthentifie;
import fr.harmonie.comptes.Role;
import fr.harmonie.comptes.Utilisateur;
import fr.harmonie.web.ProblemeHttpException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Les notes d'instruction d'un dossier : ce que ses instructeurs se disent entre eux (« appelé le bailleur le 3 : le plan
 * de masse arrive »), ce que retrouve le collègue à qui le dossier est confié en décembre. Écrites par les instructeurs
 * qui voient le dossier, lues par eux et par la DREAL de sa région ; jamais par le bailleur, à qui le service écrit par
 * les messages d'instruction. Une note ne change pas le dossier : ni sa version, ni son historique pour le bailleur.
 */
@RestController
@Tag(name = "Évaluations scellées, dépôt et instruction")
class NotesController {

    private final DossiersVisibles dossiers;
    private final NotesDInstruction notes;

    NotesController(DossiersVisibles dossiers, NotesDInstruction notes) {
        this.dossiers = dossiers;
        this.notes = notes;
    }

    record Note(@Schema(description = "Le texte de la note, pour les instructeurs du service et la DREAL ; jamais montré au"
            + " bailleur.", maxLength = CycleController.MESSAGE_AU_PLUS, requiredMode = Schema.RequiredMode.REQUIRED) String texte) { }

    @Operation(summary = "Écrire une note d'instruction sur un dossier (instructeur qui le voit) : pour le service et la DREAL,"
            + " jamais pour le bailleur")
    @ApiResponse(responseCode = "201", description = "Écrite : le corps la donne (id, quand, qui, texte).")
    @ApiResponse(responseCode = "400", description = "Texte absent, vide ou de plus de 10 000 caractères.")
    @ApiResponse(responseCode = "403", description = "Compte qui n'est pas instructeur.")
    @PostMapping("/api/v1/dossiers/{id}/notes")
    @Transactional
    ResponseEntity<Map<String, Object>> ecrire(@AuthenticationPrincipal CompteAuthentifie compte, @PathVariable String id,
                                               @RequestBody Note note) {
        Utilisateur u = compte.utilisateur();
        DossierStocke d = dossiers.trouver(id, u);
        if (u.role() != Role.INSTRUCTEUR) {
            throw new ProblemeHttpException(HttpStatus.FORBIDDEN, "Accès refusé", "Les notes d'instruction s'écrivent par les"
                    + " instructeurs du service" + (u.role() == Role.BAILLEUR ? " ; le bailleur écrit au service avec ses dépôts"
                    + " (message)." : "."));
        }
        if (note.texte() == null || note.texte().isBlank()) {
            throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Note vide", "« texte » : ce que la note dit, pour vos collègues.");
        }
        String texte = CycleController.borne("texte", note.texte());
        return ResponseEntity.status(HttpStatus.CREATED).body(notes.ecrire(d.id(), u.identifiant(), texte));
    }

    @Operation(summary = "Les notes d'instruction d'un dossier, de la plus ancienne à la plus récente (instructeurs qui le"
            + " voient, DREAL de sa région)")
    @ApiResponse(responseCode = "200", description = "Les notes.")
    @ApiResponse(responseCode = "403", description = "Le bailleur : les notes sont celles du service.")
    @GetMapping("/api/v1/dossiers/{id}/notes")
    @Transactional(readOnly = true)
    List<Map<String, Object>> lire(@AuthenticationPrincipal CompteAuthentifie compte, @PathVariable String id) {
        Utilisateur u = compte.utilisateur();
        DossierStocke d = dossiers.trouver(id, u);
        if (!NotesDInstruction.lisibles(u)) {
            throw new ProblemeHttpException(HttpStatus.FORBIDDEN, "Accès refusé", "Les notes d'instruction se lisent par les"
                    + " instructeurs du service et la DREAL ; ce que le service dit au bailleur est dans messageInstruction.");
        }
        return notes.du(d.id());
    }
}
