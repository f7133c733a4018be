package fr.harmonie.dossiers;

import fr.harmonie.comptes.CompteAuthentifie;
import fr.harmonie.comptes.Role;
import fr.harmonie.comptes.Utilisateur;
import fr.harmonie.json.Json;
import fr.harmonie.rapport.RapportEvaluation;
import fr.harmonie.regles.faits.Fr;
import fr.harmonie.web.BudgetDesCorps;
import fr.harmonie.web.CorpsBorne;
import fr.harmonie.web.CorpsFacultatif;
import fr.harmonie.web.Emplacements;
import fr.harmonie.web.ImpressionsEnCours;
import fr.harmonie.web.Pagination;
import fr.harmonie.web.ProblemeHttpException;
import fr.harmonie.web.ReponsesDecrites;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Évaluations scellées, dépôt, instruction et vérification des reçus. Tout est borné à ce que le compte voit. */
@RestController
@Tag(name = "Évaluations scellées, dépôt et instruction", description = "Évaluer et sceller, déposer, instruire, vérifier un reçu.")
class CycleController {

    private final DossiersStore dossiers;
    private final EvaluationsStore evaluations;
    private final CycleDossier cycle;
    private final BudgetDesCorps budget;
    private final ImpressionsEnCours impressions;
    private final JsonMapper mapper;
    private final AttributionDesDossiers attribution;
    private final DepotsScelles depotsScelles;
    private final BrouillonsSupprimes supprimes;

    /** {@code mapper}: Spring's, which reads every other JSON body of the API (and refuses a text the base cannot keep). */
    CycleController(DossiersStore dossiers, EvaluationsStore evaluations, CycleDossier cycle, BudgetDesCorps budget,
                    ImpressionsEnCours impressions, JsonMapper mapper, DepotsScelles depotsScelles, AttributionDesDossiers attribution,
                    BrouillonsSupprimes supprimes) {
        this.supprimes = supprimes;
        this.attribution = attribution;
        this.dossiers = dossiers;
        this.evaluations = evaluations;
        this.cycle = cycle;
        this.budget = budget;
        this.impressions = impressions;
        this.mapper = mapper;
        this.depotsScelles = depotsScelles;
    }

    @Operation(summary = "Évaluer un dossier gardé et sceller le résultat (un reçu vérifiable)")
    @ApiResponse(responseCode = "201", description = "Évaluation scellée : Location donne son adresse ; le corps donne son "
            + "id et le résultat au format 1.")
    @ApiResponse(responseCode = "500", description = ReponsesDecrites.REGLE_EMBALLEE)
    @ApiResponse(responseCode = "503", description = ReponsesDecrites.SATURE)
    @ApiResponse(responseCode = "400", description = "Un corps a été envoyé : l'évaluation porte sur le dossier tel qu'il est "
            + "gardé, elle ne lit pas de corps.")
    @ApiResponse(responseCode = "412", description = ReponsesDecrites.VERSION_PERIMEE)
    @PostMapping("/api/v1/dossiers/{id}/evaluations")
    ResponseEntity<Object> evaluer(@AuthenticationPrincipal CompteAuthentifie compte, @PathVariable String id,
                                   @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                   HttpServletRequest requete) throws IOException {
        Utilisateur u = compte.utilisateur();
        DossierStocke d = visible(id, u);
        refuserUnCorps(requete, d, u);
        // The content read here is the one evaluated: If-Match makes it the version the caller has in front of him.
        IfMatch.exiger(ifMatch, d);
        CycleDossier.Scellee s = budget.pendant(d.contenu().length(), () -> cycle.evaluer(u, d));
        return ResponseEntity.created(Emplacements.de("/api/v1/evaluations/" + s.id())).body(Map.of("id", s.id().toString(), "resultat", s.resultat()));
    }

    /**
     * The evaluation is of the dossier as kept. A body sent with it (the dossier edited, a {@code dateReference} to try)
     * would be ignored, and its sender read an evaluation of what it did not send as one of what it did: refused, with
     * the two ways to evaluate other content. Nothing, or {@code {}}, is no body.
     */
    private static void refuserUnCorps(HttpServletRequest requete, DossierStocke d, Utilisateur u) throws IOException {
        String corps = new String(CorpsBorne.lire(requete), StandardCharsets.UTF_8).replaceAll("\\s", "");
        if (!corps.isEmpty() && !corps.equals("{}")) {
            String garder = u.role() == Role.BAILLEUR && d.modifiable() ? "le garder d'abord (PUT /api/v1/dossiers/" + d.id()
                    + ", avec If-Match), puis l'évaluer ; ou " : "";
            throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Corps non lu", "L'évaluation porte sur le dossier tel"
                    + " qu'il est gardé : elle ne lit pas de corps. Pour évaluer un autre contenu, " + garder
                    + "l'évaluer sans le garder : POST /api/v1/evaluations.");
        }
    }

    /** Oldest first, by pages like the dossier list: {@code Link} (rel="next", {@code apres}) and {@code X-Total-Count}. */
    @Operation(summary = "Lister les évaluations scellées d'un dossier, par pages")
    @GetMapping("/api/v1/dossiers/{id}/evaluations")
    ResponseEntity<List<Map<String, Object>>> evaluations(@AuthenticationPrincipal CompteAuthentifie compte, @PathVariable String id,
                                                          @RequestParam(required = false) String apres,
                                                          @RequestParam(required = false) Integer limite) {
        DossierStocke d = visible(id, compte.utilisateur());
        int taille = Pagination.taille(limite, "évaluations");
        EvaluationsStore.EvaluationStockee precedente = null;
        if (apres != null) {
            precedente = evaluationDe(apres, d).orElseThrow(() -> new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Filtre invalide",
                    "« apres » ne désigne aucune évaluation de ce dossier : reprenez la liste au début."));
        }
        List<EvaluationsStore.EvaluationStockee> page = evaluations.duDossier(d.id(), precedente, taille);
        Map<String, Object> suivante = new LinkedHashMap<>();
        suivante.put("apres", page.isEmpty() ? null : page.get(page.size() - 1).id());
        return Pagination.page(page.size(), taille, "/api/v1/dossiers/" + d.id() + "/evaluations", suivante)
                .header("X-Total-Count", Long.toString(evaluations.nombre(d.id())))
                .body(page.stream().map(CycleController::resume).toList());
    }

    private Optional<EvaluationsStore.EvaluationStockee> evaluationDe(String id, DossierStocke d) {
        return Identifiants.uuid(id).flatMap(evaluations::resumee).filter(e -> e.dossier().equals(d.id()));
    }

    /**
     * One sealed evaluation, where POST …/evaluations says it is ({@code Location}): what was evaluated, on which pack
     * versions, what came out and its receipt. Whoever sees the dossier sees it.
     */
    @Operation(summary = "Lire une évaluation scellée : son dossier, sa chaîne de packs, son résultat et son reçu")
    @GetMapping("/api/v1/evaluations/{id}")
    Map<String, Object> evaluation(@AuthenticationPrincipal CompteAuthentifie compte, @PathVariable String id) {
        EvaluationsStore.EvaluationStockee e = evaluations.parId(uuid(id)).orElseThrow(CycleController::introuvable);
        visible(e.dossier().toString(), compte.utilisateur());
        Map<String, Object> m = resume(e);
        m.put("dossier", e.dossier().toString());
        m.put("chaine", Json.MAPPER.readTree(e.chaine()));
        m.put("entree", Json.MAPPER.readTree(e.entree()));
        return m;
    }

    /**
     * The same sealed evaluation on paper: the bailleur's proof of what it deposited, the instructeur's checklist. The
     * Content-Type is set here rather than by {@code produces}, so that a refusal (404) stays in problem+json.
     */
    @Operation(summary = "Imprimer une évaluation scellée : son rapport en PDF (pièces, anomalies, maturité, règles et reçu)")
    @ApiResponse(responseCode = "200", description = "Le rapport (application/pdf, A4) : le dossier évalué, le verdict, chaque "
            + "pièce requise avec son état et qui la demande, chaque anomalie, la maturité et ses prochaines étapes, les versions "
            + "des packs et le reçu, sur chaque page. Le rapport de l'évaluation scellée par un dépôt s'intitule « Évaluation du dépôt » et donne le "
            + "message du bailleur et, pour une demande d'agrément, le délai de décision (quatre mois à compter de la demande, "
            + "ancien article R. 331-6 du CCH) ; pour une réponse à des compléments, aussi la demande du service, chaque pièce qu'elle nommait "
            + "(modifiée ou inchangée depuis le dépôt précédent) et les changements apportés, en français.",
            content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "503", description = ReponsesDecrites.SATURE + " Ou : " + ReponsesDecrites.IMPRESSIONS_SATUREES)
    @GetMapping("/api/v1/evaluations/{id}/rapport")
    ResponseEntity<byte[]> rapport(@AuthenticationPrincipal CompteAuthentifie compte, @PathVariable String id) {
        EvaluationsStore.EvaluationStockee e = evaluations.parId(uuid(id)).orElseThrow(CycleController::introuvable);
        DossierStocke d = visible(e.dossier().toString(), compte.utilisateur());
        RapportEvaluation.Depot depot = depotsScelles.depotQuiAScelle(d, e.id());
        byte[] pdf = budget.pendant(e.entree().length(), () -> impressions.imprimer(() -> RapportEvaluation.pdf(new RapportEvaluation.Contenu(
                e.id().toString(), e.par(), OffsetDateTime.parse(e.creeLe()), e.empreinte(), Json.MAPPER.readTree(e.entree()),
                Json.MAPPER.readTree(e.resultat()), depot))));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("evaluation-" + e.id() + ".pdf").build().toString())
                .body(pdf);
    }

    private static Map<String, Object> resume(EvaluationsStore.EvaluationStockee e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id().toString());
        m.put("par", e.par());
        m.put("creeLe", e.creeLe());
        m.put("empreinte", e.empreinte());
        m.put("resultat", Json.MAPPER.readTree(e.resultat()));
        return m;
    }

    @Operation(summary = "Déposer un dossier déposable (bailleur) : sa chaîne de packs est figée",
            description = "Corps facultatif {\"message\": \"…\"} : ce que le bailleur dit au service instructeur avec ce "
                    + "dépôt, le plus souvent sa réponse aux compléments demandés ; le dossier le montre (messageDepot) jusqu'au "
                    + "dépôt suivant. L'historique du dépôt d'une réponse à des compléments dit ce qui a changé depuis le dépôt "
                    + "précédent (changements, un JSON Patch RFC 6902 ; nombreChangements, 0 si rien ; piecesDemandees, les pièces"
                    + " que la demande nommait, chacune avec modifiee).")
    @ApiResponse(responseCode = "200", description = "Déposé : le corps donne le statut DEPOSE, l'évaluation scellée du "
            + "dépôt, le territoire et la date de référence ; pour une réponse à des compléments, nombreChangements : combien "
            + "de changements depuis le dépôt précédent l'instructeur lira (l'historique les détaille), et, si la demande nommait"
            + " des pièces, piecesDemandees : chacune avec modifiee, vrai quand sa déclaration a changé depuis.")
    @ApiResponse(responseCode = "403", description = "Compte qui n'est pas celui du bailleur du dossier.")
    @ApiResponse(responseCode = "409", description = "Dossier déjà déposé, ou non déposable (type "
            + "urn:harmonie:probleme:non-deposable, avec piecesManquantes et anomalies par leur code) : detail en donne les raisons "
            + "(pièces bloquantes manquantes, anomalies bloquantes, territoire nommé qui n'est pas celui de la commune : "
            + "TERRITOIRE_INCOHERENT ; réponse à des compléments déplacée vers la commune d'un autre territoire que celui "
            + "qui les a demandés), ou opération déjà déposée par l'organisation (urn:harmonie:probleme:deja-depose, même "
            + "référence et même phase, ou même contenu : dossierDepose donne l'autre dossier), ou réponse à des compléments "
            + "qui ne change rien au dossier et ne dit rien (urn:harmonie:probleme:reponse-vide), ou aucune des pièces que la"
            + " demande nommait et ne dit rien (urn:harmonie:probleme:pieces-demandees-inchangees, piecesDemandees par leur code).")
    @ApiResponse(responseCode = "412", description = ReponsesDecrites.VERSION_PERIMEE)
    @ApiResponse(responseCode = "503", description = ReponsesDecrites.SATURE)
    @PostMapping("/api/v1/dossiers/{id}/depot")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Depot.class)))
    ResponseEntity<Object> deposer(@AuthenticationPrincipal CompteAuthentifie compte, @PathVariable String id,
                                   @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                   HttpServletRequest requete) throws IOException, HttpMediaTypeNotSupportedException {
        Utilisateur u = compte.utilisateur();
        DossierStocke d = visible(id, u);
        // The version read is the one deposited (the deposit's update checks it): If-Match makes it the one reviewed.
        IfMatch.exiger(ifMatch, d);
        String message = message(requete);
        CycleDossier.Deposee deposee = budget.pendant(d.contenu().length(), () -> cycle.deposer(u, d, message));
        CycleDossier.Scellee s = deposee.scellee();
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("statut", "DEPOSE");
        corps.put("evaluation", s.id().toString());
        corps.put("territoire", s.resultat().territoire().code());
        corps.put("dateReference", s.resultat().dateReference().toString());
        if (deposee.nombreChangements() != null) {
            // The bailleur's system learns at once what the instructeur will read as changed (the history has them all).
            corps.put("nombreChangements", deposee.nombreChangements());
        }
        if (deposee.piecesDemandees() != null) {
            // And, piece by piece, which of those asked it answers: one left unchanged is seen before the instructeur sees it.
            corps.put("piecesDemandees", deposee.piecesDemandees());
        }
        return ResponseEntity.ok(corps);
    }

    @Operation(summary = "Retirer une demande déposée (bailleur) : l'opération est abandonnée ou sera déposée autrement",
            description = "Corps facultatif {\"message\": \"…\"} : pourquoi, pour le service instructeur ; le dossier le montre"
                    + " (messageRetrait). D'un dossier déposé, en instruction ou en attente de compléments, pas encore instruit ;"
                    + " il passe au statut RETIRE, qu'il ne quitte plus, reste visible du service qui l'avait reçu, et l'opération"
                    + " peut être déposée de nouveau par un autre dossier.")
    @ApiResponse(responseCode = "200", description = "Retiré : le corps donne le statut RETIRE.")
    @ApiResponse(responseCode = "403", description = "Compte qui n'est pas celui du bailleur du dossier.")
    @ApiResponse(responseCode = "409", description = "Brouillon (il se supprime), instruction close ou demande déjà retirée.")
    @ApiResponse(responseCode = "412", description = ReponsesDecrites.VERSION_PERIMEE)
    @PostMapping("/api/v1/dossiers/{id}/retrait")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Retrait.class)))
    ResponseEntity<Object> retirer(@AuthenticationPrincipal CompteAuthentifie compte, @PathVariable String id,
                                   @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                   HttpServletRequest requete) throws IOException, HttpMediaTypeNotSupportedException {
        Utilisateur u = compte.utilisateur();
        DossierStocke d = visible(id, u);
        IfMatch.exiger(ifMatch, d);
        cycle.retirer(u, d, message(requete), ifMatch != null);
        return ResponseEntity.ok(Map.of("statut", "RETIRE"));
    }

    /** What the bailleur says to the service when withdrawing its request: why. */
    record Retrait(@Schema(description = "Pourquoi la demande est retirée, pour le service instructeur.", maxLength = MESSAGE_AU_PLUS)
                   String message) { }

    /**
     * A message is written for a person, and every list of dossiers shows the last ones: a letter's length, not a
     * file's, or one bailleur's system could fill each page an instructeur reads.
     */
    static final int MESSAGE_AU_PLUS = 10_000;

    private static String borne(String message) {
        return borne("message", message);
    }

    /** {@code texte} as given, when it is a letter's length at most ({@value #MESSAGE_AU_PLUS} characters); 400 otherwise. */
    static String borne(String champ, String texte) {
        int longueur = texte.codePointCount(0, texte.length());
        if (longueur > MESSAGE_AU_PLUS) {
            throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Message trop long", "« " + champ + " » fait " + Fr.nombre(longueur, 0)
                    + " caractères ; " + Fr.nombre(MESSAGE_AU_PLUS, 0) + " au plus.");
        }
        return texte;
    }

    /** What the bailleur says to the service with a deposit: most often, the answer to the compléments asked. */
    record Depot(@Schema(description = "Ce que le bailleur dit au service instructeur, le plus souvent sa réponse aux compléments.",
            maxLength = MESSAGE_AU_PLUS) String message) { }

    /** The bailleur's message of a deposit's or a withdrawal's body: null for none, or a blank one. */
    private String message(HttpServletRequest requete) throws IOException, HttpMediaTypeNotSupportedException {
        Depot corps = CorpsFacultatif.lire(requete, mapper, Depot.class);
        return corps == null || corps.message() == null || corps.message().isBlank() ? null : borne(corps.message());
    }

    record Instruction(@Schema(description = "L'étape (sans égard à la casse) : PRENDRE_EN_INSTRUCTION (d'un dossier DEPOSE),"
            + " DEMANDER_COMPLEMENTS et INSTRUIRE (d'un dossier EN_INSTRUCTION), CORRIGER_DECISION et ROUVRIR_INSTRUCTION (d'un"
            + " dossier INSTRUIT : une clôture faite par erreur, défaite, le dossier de nouveau EN_INSTRUCTION sans décision) ;"
            + " CONFIER (d'un dossier DEPOSE, EN_INSTRUCTION ou COMPLEMENTS_DEMANDES, avec instructeur) : le dossier passe à un"
            + " instructeur du service, sans changer de statut.",
            allowableValues = {"PRENDRE_EN_INSTRUCTION", "DEMANDER_COMPLEMENTS", "INSTRUIRE", "CORRIGER_DECISION", "ROUVRIR_INSTRUCTION",
                    "CONFIER"})
                       String action,
                       @Schema(description = "Pour DEMANDER_COMPLEMENTS et ROUVRIR_INSTRUCTION, requis : les compléments attendus du"
                               + " bailleur, ou pourquoi l'instruction est rouverte.", maxLength = MESSAGE_AU_PLUS) String message,
                       @ArraySchema(arraySchema = @Schema(description = "Pour DEMANDER_COMPLEMENTS, facultatif : les pièces demandées,"
                               + " par leur code au catalogue de la chaîne du dépôt (celui des pièces requises de l'évaluation),"
                               + " que le dossier montre ensuite dans piecesDemandees ; un code inconnu refuse la demande (400)."),
                               maxItems = PiecesDemandees.AU_PLUS, schema = @Schema(example = "PLAN_MASSE")) List<String> pieces,
                       @Schema(description = "Pour INSTRUIRE, facultatif : le sens de la décision qui clôt l'instruction,"
                               + " FAVORABLE (l'agrément) ou DEFAVORABLE (le refus), que le dossier montre ensuite dans decision"
                               + " (sans égard à la casse) ; pour CORRIGER_DECISION (d'un dossier INSTRUIT, avec un message qui dit"
                               + " pourquoi), requis : le sens dit après coup ou corrigé. Avec une autre action, ou une autre valeur,"
                               + " la requête est refusée (400).",
                               allowableValues = {"FAVORABLE", "DEFAVORABLE"}) String decision,
                       @Schema(description = "Pour CONFIER, requis : l'identifiant du compte de votre service à qui le dossier"
                               + " est confié (sans égard à la casse), que le dossier montre ensuite dans instructeur ; avec une"
                               + " autre action, la requête est refusée (400).", example = "elodie.martin") String instructeur) { }

    @Operation(summary = "Faire avancer l'instruction d'un dossier déposé (instructeur de son territoire)")
    @ApiResponse(responseCode = "200", description = "Transition faite : le corps donne le nouveau statut.")
    @ApiResponse(responseCode = "403", description = "Compte qui n'instruit pas le territoire du dossier.")
    @ApiResponse(responseCode = "409", description = "Le statut du dossier ne permet pas cette transition, la décision à"
            + " corriger est déjà celle qu'on dit, ou (ROUVRIR_INSTRUCTION) le bailleur a déposé depuis la clôture un autre dossier"
            + " de la même opération.")
    @ApiResponse(responseCode = "412", description = ReponsesDecrites.VERSION_PERIMEE)
    @PostMapping("/api/v1/dossiers/{id}/instruction")
    ResponseEntity<Object> instruire(@AuthenticationPrincipal CompteAuthentifie compte, @PathVariable String id,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                     @RequestBody Instruction instruction) {
        Utilisateur u = compte.utilisateur();
        DossierStocke d = visible(id, u);
        IfMatch.exiger(ifMatch, d);
        if (instruction.action() != null && instruction.action().strip().equalsIgnoreCase("CONFIER")) {
            attribution.confier(u, d, instruction, ifMatch != null);
        } else if (instruction.instructeur() != null) {
            throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Instructeur hors de CONFIER", "« instructeur » dit à qui"
                    + " l'action CONFIER donne le dossier ; une autre étape revient à qui la fait (PRENDRE_EN_INSTRUCTION : à vous).");
        } else {
            cycle.instruire(u, d, instruction.action(), instruction.message() == null ? null : borne(instruction.message()),
                    instruction.pieces(), instruction.decision(), ifMatch != null);
        }
        DossierStocke apres = dossiers.visible(uuid(id), u).orElseThrow();
        return ResponseEntity.ok(Map.of("statut", apres.statut()));
    }

    @Operation(summary = "Vérifier un reçu : rejouer l'évaluation scellée sur ses versions de packs")
    @ApiResponse(responseCode = "200", description = "Rejouée : le corps dit si le reçu recalculé est celui qui a été scellé.")
    @ApiResponse(responseCode = "503", description = ReponsesDecrites.SATURE)
    @GetMapping("/api/v1/evaluations/{id}/verification")
    Map<String, Object> verifier(@AuthenticationPrincipal CompteAuthentifie compte, @PathVariable String id) {
        EvaluationsStore.EvaluationStockee e = evaluations.parId(uuid(id)).orElseThrow(CycleController::introuvable);
        visible(e.dossier().toString(), compte.utilisateur());
        return budget.pendant(e.entree().length(), () -> cycle.verifier(e));
    }

    private DossierStocke visible(String id, Utilisateur u) {
        UUID uuid = Identifiants.duDossier(id);
        return dossiers.visible(uuid, u).orElseThrow(() -> supprimes.introuvable(uuid, u, CycleController::introuvable));
    }

    private static UUID uuid(String id) {
        return Identifiants.uuid(id).orElseThrow(CycleController::introuvable);
    }

    private static ProblemeHttpException introuvable() {
        return new ProblemeHttpException(HttpStatus.NOT_FOUND, "Introuvable", "Aucune ressource visible à cette adresse.");
    }
}
