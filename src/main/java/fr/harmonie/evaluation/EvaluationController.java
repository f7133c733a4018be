package fr.harmonie.evaluation;

import fr.harmonie.dossier.LecteurDossier;
import fr.harmonie.rapport.RapportEvaluation;
import fr.harmonie.web.CorpsBorne;
import fr.harmonie.web.FormatDeReponse;
import fr.harmonie.web.FormatDeReponse.Forme;
import fr.harmonie.web.ImpressionsEnCours;
import fr.harmonie.web.ProblemeHttpException;
import fr.harmonie.web.ReponsesDecrites;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Évaluation sans compte et sans stockage: un dossier format 1 en entrée, le résultat format 1 en sortie, ou son rapport
 * en PDF ({@code ?format=pdf}) : ce qu'un bailleur sans compte imprime ou transmet avant de monter son dossier.
 */
@RestController
@Tag(name = "Évaluation", description = "Évaluer un dossier sans compte et sans rien garder.")
class EvaluationController {

    /** The result of format 1, or the same evaluation on paper. */
    private static final Forme JSON = FormatDeReponse.JSON;
    private static final Forme PDF = new Forme("pdf", MediaType.APPLICATION_PDF);

    private final LecteurDossier lecteur;
    private final Evaluateur evaluateur;
    private final Clock horloge;
    private final ImpressionsEnCours impressions;

    EvaluationController(LecteurDossier lecteur, Evaluateur evaluateur, Clock horloge, ImpressionsEnCours impressions) {
        this.lecteur = lecteur;
        this.evaluateur = evaluateur;
        this.horloge = horloge;
        this.impressions = impressions;
    }

    @Operation(summary = "Évaluer un dossier, sans compte et sans rien garder",
            description = "Le résultat au format 1 ; avec ?format=pdf (ou Accept: application/pdf), le rapport de la même évaluation "
                    + "à imprimer : pièces requises et ce qu'elles doivent contenir, anomalies, maturité et prochaines étapes, "
                    + "versions des règles et reçu. Rien n'est conservé : seul un dépôt prouve ce qui a été déposé.")
    @ApiResponse(responseCode = "200", description = "L'évaluation au format 1.")
    @ApiResponse(responseCode = "500", description = ReponsesDecrites.REGLE_EMBALLEE)
    @PostMapping(path = "/api/v1/evaluations", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"})
    ResponseEntity<byte[]> evaluer(HttpServletRequest requete,
                                   @Parameter(description = "json (par défaut) : le résultat au format 1 ; pdf : son rapport à imprimer.")
                                   @RequestParam(required = false) String format,
                                   @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) throws IOException {
        // Read before the body: a wrong format costs no evaluation.
        Forme forme = FormatDeReponse.lire(List.of(JSON, PDF), format, accept,
                f -> "« format » vaut json (par défaut), le résultat au format 1, ou pdf, son rapport à imprimer : « " + f
                        + " » n'est ni l'un ni l'autre.");
        if (forme == null) {
            // As before the PDF existed: a client that accepts neither is told so rather than handed what it cannot read.
            throw new ProblemeHttpException(HttpStatus.NOT_ACCEPTABLE, "Format de réponse non disponible", "Cette adresse répond en"
                    + " application/json (le résultat) ou en application/pdf (son rapport, aussi par format=pdf) : l'en-tête"
                    + " Accept n'en nomme aucun.");
        }
        byte[] corps = CorpsBorne.lire(requete);
        Resultat resultat = evaluateur.evaluer(lecteur.lire(corps));
        byte[] json = resultat.enJson();
        if (forme == JSON) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
        }
        byte[] pdf = impressions.imprimer(() -> RapportEvaluation.pdf(RapportEvaluation.Contenu.nonConservee("sans compte",
                OffsetDateTime.now(horloge), resultat.empreinte(), corps, json)));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(nomDuFichier(resultat.reference())).build().toString())
                .body(pdf);
    }

    /**
     * « evaluation-EX-DIJON-2026-01.pdf », so that a bailleur's downloads tell its operations apart; a reference that
     * could not stand in a file name on every system (spaces, slashes, accents) gives « evaluation.pdf ».
     */
    static String nomDuFichier(String reference) {
        return reference != null && reference.matches("[A-Za-z0-9._-]{1,64}") && !reference.startsWith(".")
                ? "evaluation-" + reference + ".pdf" : "evaluation.pdf";
    }
}
