package fr.harmonie.evaluation;

import fr.harmonie.dossier.LecteurDossier;
import fr.harmonie.web.CorpsBorne;
import fr.harmonie.web.ReponsesDecrites;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Évaluation sans compte et sans stockage: un dossier format 1 en entrée, le résultat format 1 en sortie. */
@RestController
@Tag(name = "Évaluation", description = "Évaluer un dossier sans compte et sans rien garder.")
class EvaluationController {

    private final LecteurDossier lecteur;
    private final Evaluateur evaluateur;

    EvaluationController(LecteurDossier lecteur, Evaluateur evaluateur) {
        this.lecteur = lecteur;
        this.evaluateur = evaluateur;
    }

    @Operation(summary = "Évaluer un dossier, sans compte et sans rien garder")
    @ApiResponse(responseCode = "200", description = "L'évaluation au format 1.")
    @ApiResponse(responseCode = "500", description = ReponsesDecrites.REGLE_EMBALLEE)
    @PostMapping(path = "/api/v1/evaluations", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> evaluer(HttpServletRequest requete) throws IOException {
        byte[] corps = CorpsBorne.lire(requete);
        Resultat resultat = evaluateur.evaluer(lecteur.lire(corps));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(resultat.enJson());
    }
}
