package fr.harmonie.dossiers;

import fr.harmonie.comptes.CompteAuthentifie;
import fr.harmonie.comptes.Role;
import fr.harmonie.comptes.Utilisateur;
import fr.harmonie.dossier.Dossier;
import fr.harmonie.dossier.Phase;
import fr.harmonie.dossier.LecteurDossier;
import fr.harmonie.json.Citations;
import fr.harmonie.json.Horodatage;
import fr.harmonie.json.Json;
import fr.harmonie.stockage.ActionJournal;
import fr.harmonie.territoires.RegistreCourant;
import fr.harmonie.web.CorpsBorne;
import fr.harmonie.web.CorpsFacultatif;
import fr.harmonie.web.Emplacements;
import fr.harmonie.web.Pagination;
import fr.harmonie.web.ProblemeHttpException;
import fr.harmonie.web.ReponsesDecrites;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Les dossiers gardés: création en brouillon par un bailleur, lecture selon la visibilité, modification verrouillée. */
@RestController
@Tag(name = "Dossiers", description = "Les dossiers gardés : création, lecture selon la portée du compte, modification, suppression d'un brouillon.")
class DossiersController {

    /** Dossiers read whole at a time for a file of them: some 100 KB as a rule, 40 MiB at worst (2 MiB each). */
    private static final int PAQUET = 20;
    /** Where a dossier that no longer moves sends the bailleur: its operation starts again as a copy of it. */
    private static String uneNouvelleDemande(DossierStocke d) {
        return " ; une nouvelle demande pour l'opération se fait par un nouveau dossier, qui peut être copié de celui-ci"
                + " (POST /api/v1/dossiers/" + d.id() + "/copie).";
    }

    /** The journal's actions that only the service and the DREAL read. */
    private static final List<String> DU_SERVICE = List.of(ActionJournal.NOTE_INSTRUCTION.name(), ActionJournal.CONTROLE_PIECE.name());

    private final DossiersStore store;
    private final LecteurDossier lecteur;
    private final TransactionTemplate transaction;
    private final RegistreCourant registre;
    private final ListeEntiere listeEntiere;
    /** Spring's, which reads every other JSON body of the API. */
    private final JsonMapper mapper;
    private final AutresDemandes autresDemandes;
    private final BrouillonsSupprimes supprimes;
    private final NotesDInstruction notes;
    private final DossiersVisibles visibles;

    DossiersController(DossiersStore store, LecteurDossier lecteur, TransactionTemplate transaction, RegistreCourant registre,
                       ListeEntiere listeEntiere, JsonMapper mapper, AutresDemandes autresDemandes, BrouillonsSupprimes supprimes,
                       NotesDInstruction notes, DossiersVisibles visibles) {
        this.visibles = visibles;
        this.supprimes = supprimes;
        this.notes = notes;
        this.mapper = mapper;
        this.autresDemandes = autresDemandes;
        this.store = store;
        this.lecteur = lecteur;
        this.transaction = transaction;
        this.registre = registre;
        this.listeEntiere = listeEntiere;
    }

    @Operation(summary = "Créer un dossier en brouillon (bailleur)")
    @ApiResponse(responseCode = "201", description = "Créé au statut BROUILLON : Location donne son adresse, ETag sa version.")
    @ApiResponse(responseCode = "403", description = "Compte qui n'est pas celui d'un bailleur, ou SIREN du maître d'ouvrage "
            + "d'une autre organisation.")
    @PostMapping(path = "/api/v1/dossiers", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"})
    ResponseEntity<Object> creer(@AuthenticationPrincipal CompteAuthentifie compte, HttpServletRequest requete) throws IOException {
        Utilisateur u = compte.utilisateur();
        if (u.role() != Role.BAILLEUR) {
            throw new ProblemeHttpException(HttpStatus.FORBIDDEN, "Accès refusé", "Seul un bailleur crée un dossier.");
        }
        byte[] corps = lireHorsTransaction(requete, u);
        return transaction.execute(t -> {
            UUID id = UUID.randomUUID();
            store.creer(id, u.organisation(), new String(corps, StandardCharsets.UTF_8), u.identifiant());
            store.journal(u.identifiant(), ActionJournal.CREATION, id, "{}");
            DossierStocke d = store.visible(id, u).orElseThrow();
            return ResponseEntity.created(Emplacements.de("/api/v1/dossiers/" + id)).eTag(d.etag()).body(resume(d));
        });
    }

    /**
     * A new draft with the content of a dossier the bailleur sees: the operation filed again after a refusal or a
     * withdrawal, or its request for agrément once its programming was granted ({@code {"phase": "AGREMENT"}}). A
     * dossier that no longer moves is only closed for edits: retyping its hundreds of fields is what users would do
     * otherwise, with the typing errors that come with it. Only the content is copied: the copy has its own life,
     * evaluations, deposits and journal, whose CREATION line names the dossier copied. A draft of the organisation
     * deleted by mistake is copied as well: that is how it comes back, the deleted one staying deleted.
     */
    @Operation(summary = "Copier un dossier en un nouveau brouillon (bailleur)",
            description = "Corps facultatif {\"phase\": \"AGREMENT\"} : la phase du nouveau dossier (PROGRAMMATION ou AGREMENT,"
                    + " sans égard à la casse), celle du dossier copié sinon. Le contenu est copié tel quel (référence, pièces"
                    + " comprises) ; le nouveau dossier a ses évaluations, ses dépôts et son historique, dont la ligne CREATION"
                    + " nomme le dossier copié (copieDe). Un brouillon supprimé de l'organisation se copie aussi : c'est ainsi"
                    + " qu'on reprend un brouillon supprimé par erreur.")
    @ApiResponse(responseCode = "201", description = "Créé au statut BROUILLON : Location donne son adresse, ETag sa version.")
    @ApiResponse(responseCode = "403", description = "Compte qui n'est pas celui d'un bailleur.")
    @ApiResponse(responseCode = "404", description = "Aucun dossier visible à cette adresse.")
    @ApiResponse(responseCode = "400", description = "Phase inconnue, ou champ inconnu dans le corps.")
    @PostMapping("/api/v1/dossiers/{id}/copie")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Copie.class)))
    ResponseEntity<Object> copier(@AuthenticationPrincipal CompteAuthentifie compte, @PathVariable String id,
                                  HttpServletRequest requete) throws IOException, HttpMediaTypeNotSupportedException {
        Utilisateur u = compte.utilisateur();
        UUID source = Identifiants.duDossier(id);
        // A draft deleted by mistake is copied too: its content is kept, and only its organisation may read it again.
        String contenuSource = store.visible(source, u).map(DossierStocke::contenu).or(() -> supprimes.contenu(source, u))
                .orElseThrow(DossiersVisibles::introuvable);
        if (u.role() != Role.BAILLEUR) {
            throw new ProblemeHttpException(HttpStatus.FORBIDDEN, "Accès refusé", "Seul le bailleur du dossier le copie.");
        }
        Copie demande = CorpsFacultatif.lire(requete, mapper, Copie.class);
        String contenu = demande == null || demande.phase() == null ? contenuSource
                : avecLaPhase(contenuSource, demande.phase());
        // Checked as a body would be: the organisation may have lost the SIREN since, and the contract still holds.
        byte[] octets = contenu.getBytes(StandardCharsets.UTF_8);
        verifierSiren(lecteur.lire(octets), u);
        return transaction.execute(t -> {
            UUID nouveau = UUID.randomUUID();
            store.creer(nouveau, u.organisation(), contenu, u.identifiant());
            store.journal(u.identifiant(), ActionJournal.CREATION, nouveau,
                    Json.MAPPER.writeValueAsString(Map.of("copieDe", source.toString())));
            DossierStocke d = store.visible(nouveau, u).orElseThrow();
            return ResponseEntity.created(Emplacements.de("/api/v1/dossiers/" + nouveau)).eTag(d.etag()).body(resume(d));
        });
    }

    record Copie(@Schema(description = "La phase du nouveau dossier : PROGRAMMATION ou AGREMENT (sans égard à la casse) ;"
            + " celle du dossier copié si absente.", allowableValues = {"PROGRAMMATION", "AGREMENT"}) String phase) { }

    private static String avecLaPhase(String contenu, String phase) {
        String voulue = phase.strip().toUpperCase(Locale.ROOT);
        if (Arrays.stream(Phase.values()).noneMatch(p -> p.name().equals(voulue))) {
            throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Phase inconnue",
                    "« phase » vaut PROGRAMMATION ou AGREMENT (reçu : « " + Citations.abregee(phase, 40) + " »).");
        }
        ObjectNode copie = (ObjectNode) Json.MAPPER.readTree(contenu);
        copie.put("phase", voulue);
        return Json.MAPPER.writeValueAsString(copie);
    }

    /**
     * The body, read and validated before any transaction begins: a transaction holds one of the pool's few
     * connections from its start, and a bailleur on a slow line takes seconds to send 2 MiB. Read inside it, ten such
     * uploads at once would leave every other request with an account waiting, then refused (503).
     */
    private byte[] lireHorsTransaction(HttpServletRequest requete, Utilisateur u) throws IOException {
        byte[] corps = CorpsBorne.lire(requete);
        verifierSiren(lecteur.lire(corps), u);
        TextesConservables.verifier(corps);
        return corps;
    }

    /**
     * {@code ?statut=DEPOSE&statut=EN_INSTRUCTION}: an instructeur's queue, without the dossiers already settled;
     * {@code reference} (the bailleur's own, or a SIAP number), {@code commune} (INSEE code) and {@code territoire} (the
     * pack it was deposited with) narrow it. Read by pages, oldest first: the {@code Link} header (rel="next") gives the
     * next page, {@code X-Total-Count} how many dossiers the filter holds over all pages, so a service with hundreds of
     * dossiers in December sees them all. {@code tri=depot}: the instructeur's queue in the order the dossiers arrived
     * (their last deposit, an answer to compléments included), rather than the order their bailleurs began them.
     */
    @Operation(summary = "Lister les dossiers que le compte voit, par pages (filtres : statut, reference, commune, territoire,"
            + " niveau, deposeDu, deposeAu, siren, phase, instructeur, attribue, decision, rejetImpliciteAvant, modifieDepuis, recherche, statutDepuisAvant ; tri : creation, depot, premierDepot, statutDepuis)")
    @GetMapping("/api/v1/dossiers")
    ResponseEntity<?> lister(@AuthenticationPrincipal CompteAuthentifie compte,
                             @RequestParam(name = "statut", required = false) List<String> statuts,
                             @RequestParam(required = false) String reference,
                             @RequestParam(required = false) String commune,
                             @RequestParam(required = false) String territoire,
                             @RequestParam(name = "niveau", required = false) List<String> niveaux,
                             @RequestParam(required = false) String tri,
                             @RequestParam(required = false) String deposeDu,
                             @RequestParam(required = false) String deposeAu,
                             @RequestParam(required = false) String siren,
                             @RequestParam(required = false) String phase,
                             @RequestParam(required = false) String instructeur,
                             @RequestParam(required = false) String attribue,
                             @RequestParam(required = false) String decision,
                             @RequestParam(required = false) String rejetImpliciteAvant,
                             @RequestParam(required = false) String modifieDepuis,
                             @RequestParam(required = false) String recherche,
                             @RequestParam(required = false) String statutDepuisAvant,
                             @RequestParam(required = false) String apres,
                             @RequestParam(required = false) Integer limite,
                             @RequestParam(required = false) String format,
                             @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        FormatDeLaListe forme = FormatDeLaListe.lire(format, accept);
        Utilisateur u = compte.utilisateur();
        DossiersStore.Filtre filtre = FiltresDeLaListe.lire(new FiltresDeLaListe.Demande(statuts, reference, commune, territoire,
                niveaux, tri, deposeDu, deposeAu, siren, phase, instructeur, attribue, decision, rejetImpliciteAvant, modifieDepuis, recherche, statutDepuisAvant), registre.registre().geographie(), store::packsImportes,
                i -> store.instructeurConnu(i, u));
        int taille = Pagination.taille(limite, "dossiers");
        if (forme.fichier() && limite == null && apres == null) {
            // A file is the whole list: a spreadsheet, or a tool that reads dossiers, sees no Link header to the next page.
            ListeEntiere.Lue lue = listeEntiere.lire(u, filtre);
            return enFichier(forme, ResponseEntity.ok().header("X-Total-Count", Long.toString(lue.nombre())), lue.dossiers(),
                    lue.evaluations(), u);
        }
        DossierStocke precedent = null;
        if (apres != null) {
            precedent = Identifiants.uuid(apres).flatMap(id -> store.visibleSansContenu(id, u))
                    .filter(d -> filtre.tri().rang(d) != null).orElseThrow(() -> new ProblemeHttpException(
                    HttpStatus.BAD_REQUEST, "Filtre invalide", "« apres » ne désigne aucun dossier que vous voyez : reprenez la liste au début."));
        }
        List<DossierStocke> dossiers = store.visibles(u, filtre, precedent, taille);
        Map<UUID, DossiersStore.DerniereEvaluation> evaluations = store.dernieresEvaluations(dossiers.stream().map(DossierStocke::id).toList());
        Map<String, Object> suivante = FiltresDeLaListe.pageSuivante(filtre,
                dossiers.isEmpty() ? null : dossiers.get(dossiers.size() - 1).id());
        if (forme.fichier() && format != null) {
            suivante.put("format", forme.nom()); // the next page in the form this one was asked in
        }
        ResponseEntity.BodyBuilder reponse = Pagination.page(dossiers.size(), taille, "/api/v1/dossiers", suivante)
                .header("X-Total-Count", Long.toString(store.nombreVisibles(u, filtre)));
        if (forme.fichier()) {
            return enFichier(forme, reponse, dossiers, evaluations, u);
        }
        return reponse.body(dossiers.stream().map(d -> resume(d, evaluations.get(d.id()))).toList());
    }

    private ResponseEntity<?> enFichier(FormatDeLaListe forme, ResponseEntity.BodyBuilder reponse, List<DossierStocke> dossiers,
                                        Map<UUID, DossiersStore.DerniereEvaluation> evaluations, Utilisateur u) {
        reponse.contentType(forme.type())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"dossiers." + forme.nom() + "\"");
        if (forme == FormatDeLaListe.CSV) {
            return reponse.body(ListeEnCsv.ecrire(dossiers, evaluations));
        }
        return reponse.body(new InputStreamResource(new SequenceInputStream(enLignes(dossiers, u))));
    }

    /**
     * Each dossier as a read gives it, on one line: what comparer takes. Read and written {@value #PAQUET} at a time as
     * the file is sent: a content may reach 2 MiB, and 10 000 of them are not held at once. Each line is the dossier as
     * it is when written (a dossier deleted meanwhile is left out).
     */
    private Enumeration<InputStream> enLignes(List<DossierStocke> dossiers, Utilisateur u) {
        List<UUID> ids = dossiers.stream().map(DossierStocke::id).toList();
        return new Enumeration<>() {
            private int suivant;

            @Override
            public boolean hasMoreElements() {
                return suivant < ids.size();
            }

            @Override
            public InputStream nextElement() {
                List<UUID> paquet = ids.subList(suivant, Math.min(ids.size(), suivant + PAQUET));
                suivant += paquet.size();
                Map<UUID, DossiersStore.DerniereEvaluation> evaluations = store.dernieresEvaluations(paquet);
                Map<UUID, List<Map<String, Object>>> autres = autresDemandes.de(paquet, u);
                Map<UUID, Long> nombresDeNotes = notes.nombres(paquet, u);
                ByteArrayOutputStream lignes = new ByteArrayOutputStream();
                for (DossierStocke d : store.visiblesAvecContenu(paquet, u)) {
                    lignes.writeBytes(Json.MAPPER.writeValueAsBytes(lecture(d, evaluations.get(d.id()), autres.get(d.id()),
                            nombresDeNotes.get(d.id()))));
                    lignes.write('\n');
                }
                return new ByteArrayInputStream(lignes.toByteArray());
            }
        };
    }

    @Operation(summary = "Lire un dossier, son statut et sa dernière évaluation (ETag : sa version)",
            description = "Toujours donné entier (200, jamais 304 sur If-None-Match) : l'ETag est la version du dossier, "
                    + "pour If-Match, et une évaluation, qui se voit ici, ne la change pas.")
    @GetMapping("/api/v1/dossiers/{id}")
    HttpEntity<Object> lire(@AuthenticationPrincipal CompteAuthentifie compte, @PathVariable String id) {
        DossierStocke d = trouver(id, compte.utilisateur());
        Map<String, Object> corps = lecture(d, store.dernieresEvaluations(List.of(d.id())).get(d.id()),
                autresDemandes.de(List.of(d.id()), compte.utilisateur()).get(d.id()),
                notes.nombres(List.of(d.id()), compte.utilisateur()).get(d.id()));
        // The ETag is the version, for If-Match; the body also shows the latest evaluation, which changes without the
        // version changing. Spring answers If-None-Match on a ResponseEntity with a 304 « unchanged » that would hide a
        // new evaluation; a plain HttpEntity (status 200) is always sent whole, which a conditional read may be.
        HttpHeaders entetes = new HttpHeaders();
        entetes.setETag(d.etag());
        return new HttpEntity<>(corps, entetes);
    }

    /**
     * Who did what to the dossier and when (creation, edits, evaluations, deposits, instruction with its messages),
     * for whoever sees it: the bailleur follows its instruction, the instructeur sees how it came to be deposited.
     */
    @Operation(summary = "L'historique d'un dossier : qui a fait quoi, et quand",
            description = "Une MODIFICATION d'un dossier en compléments dit ce qu'elle a changé (pas celle d'un brouillon), "
                    + "et le DEPOT d'une réponse à des compléments ce qui a changé depuis le dépôt précédent "
                    + "(evaluationDepotPrecedent) : changements, un JSON Patch (RFC 6902) qui s'applique dans l'ordre, chaque "
                    + "remplacement avec sa valeur d'avant (fromValue), chaque suppression avec la valeur retirée, chacun dit "
                    + "en français (resume : « Lot PLUS, logement P01, loyer mensuel : 399,3 → 390 ») ; les 200 premiers, et "
                    + "nombreChangements (0 : rien n'a changé).")
    @GetMapping("/api/v1/dossiers/{id}/historique")
    List<Map<String, Object>> historique(@AuthenticationPrincipal CompteAuthentifie compte, @PathVariable String id) {
        List<Map<String, Object>> lignes = store.historique(trouver(id, compte.utilisateur()).id());
        // The service's notes and checklist are its own: the bailleur does not even read that they were written.
        return compte.utilisateur().role() == Role.BAILLEUR
                ? lignes.stream().filter(l -> !DU_SERVICE.contains(l.get("action"))).toList() : lignes;
    }

    @Operation(summary = "Modifier un dossier au statut BROUILLON ou COMPLEMENTS_DEMANDES (If-Match requis)")
    @ApiResponse(responseCode = "200", description = "Modifié : ETag donne sa nouvelle version.")
    @ApiResponse(responseCode = "403", description = "Compte qui n'est pas celui du bailleur du dossier, ou SIREN du maître "
            + "d'ouvrage d'une autre organisation.")
    @ApiResponse(responseCode = "409", description = "Le statut du dossier n'en permet plus la modification.")
    @ApiResponse(responseCode = "412", description = ReponsesDecrites.VERSION_PERIMEE)
    @ApiResponse(responseCode = "428", description = "En-tête If-Match absent.")
    @PutMapping(path = "/api/v1/dossiers/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"})
    ResponseEntity<Object> modifier(@AuthenticationPrincipal CompteAuthentifie compte, @PathVariable String id,
                                    @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                    HttpServletRequest requete) throws IOException {
        Utilisateur u = compte.utilisateur();
        DossierStocke d = trouver(id, u);
        if (u.role() != Role.BAILLEUR) {
            throw new ProblemeHttpException(HttpStatus.FORBIDDEN, "Accès refusé", "Seul le bailleur du dossier le modifie.");
        }
        if (ifMatch == null) {
            throw new ProblemeHttpException(HttpStatus.PRECONDITION_REQUIRED, "En-tête If-Match requis",
                    "Renvoyez l'ETag lu (If-Match) pour ne pas écraser une modification concurrente.");
        }
        IfMatch.verifierLaForme(ifMatch);
        if (!d.modifiable()) {
            throw new ProblemeHttpException(HttpStatus.CONFLICT, "Dossier non modifiable",
                    "Un dossier au statut " + d.statut() + " ne se modifie pas (seulement BROUILLON ou COMPLEMENTS_DEMANDES) : "
                            + switch (d.statut()) {
                                case "INSTRUIT" -> "son instruction est close" + uneNouvelleDemande(d);
                                case "RETIRE" -> "le bailleur a retiré sa demande" + uneNouvelleDemande(d);
                                default -> "il est entre les mains du service instructeur, qui le rouvre à la modification en"
                                        + " demandant des compléments.";
                            });
        }
        String contenu = new String(lireHorsTransaction(requete, u), StandardCharsets.UTF_8);
        // What the answer to compléments changes, for the history: compared here, before the transaction holds a
        // connection. Not a draft's edits: how the bailleur worked its dossier out before depositing it is its own
        // business, and the instructeur who reads the history of a deposited dossier would read them too.
        String changements = d.statut().equals("COMPLEMENTS_DEMANDES")
                ? Json.MAPPER.writeValueAsString(Changements.entre(d.contenu(), contenu, Set.of())) : "{}";
        IfMatch.exiger(ifMatch, d);
        // The version read above is the one replaced, or none: a change made meanwhile gets 412, transaction or not.
        return transaction.execute(t -> {
            if (!store.remplacer(d.id(), d.version(), contenu, u.identifiant())) {
                throw perimee(d, u, ifMatch);
            }
            store.journal(u.identifiant(), ActionJournal.MODIFICATION, d.id(), changements);
            DossierStocke apres = store.visible(d.id(), u).orElseThrow();
            return ResponseEntity.ok().eTag(apres.etag()).body(resume(apres));
        });
    }

    /**
     * A draft its bailleur no longer wants (a test, a duplicate, an abandoned operation) leaves every list and address;
     * its row, its sealed evaluations and the journal stay for an audit. A deposited dossier stays with the instruction.
     * {@code If-Match} is optional: given, a stale one gets 412 rather than deleting an edit the caller has not seen.
     */
    @Operation(summary = "Supprimer un brouillon (If-Match facultatif)")
    @ApiResponse(responseCode = "204", description = "Supprimé : il quitte les listes ; ses évaluations scellées et le "
            + "journal restent.")
    @ApiResponse(responseCode = "403", description = "Compte qui n'est pas celui du bailleur du dossier.")
    @ApiResponse(responseCode = "409", description = "Dossier déjà déposé : seul un brouillon se supprime.")
    @ApiResponse(responseCode = "412", description = ReponsesDecrites.VERSION_PERIMEE)
    @DeleteMapping("/api/v1/dossiers/{id}")
    @Transactional
    ResponseEntity<Void> supprimer(@AuthenticationPrincipal CompteAuthentifie compte, @PathVariable String id,
                                   @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Utilisateur u = compte.utilisateur();
        DossierStocke d = trouver(id, u);
        if (u.role() != Role.BAILLEUR) {
            throw new ProblemeHttpException(HttpStatus.FORBIDDEN, "Accès refusé", "Seul le bailleur du dossier supprime son brouillon.");
        }
        if (!d.statut().equals("BROUILLON")) {
            throw new ProblemeHttpException(HttpStatus.CONFLICT, "Dossier non supprimable",
                    "Un dossier déjà déposé (statut " + d.statut() + ") ne se supprime pas : seul un BROUILLON se supprime"
                            + (CycleDossier.RETIRABLES.contains(d.statut()) ? " ; une demande déposée se retire (POST /api/v1/dossiers/"
                            + d.id() + "/retrait)." : "."));
        }
        IfMatch.exiger(ifMatch, d);
        if (!store.supprimer(d.id(), d.version(), u.identifiant())) {
            throw perimee(d, u, ifMatch);
        }
        store.journal(u.identifiant(), ActionJournal.SUPPRESSION, d.id(), "{}");
        return ResponseEntity.noContent().build();
    }

    /**
     * The dossier changed since the caller read it; it may even be gone, deleted by a colleague. Or If-Match names the
     * current version in a form that never matches, and re-reading would not help: that is said instead.
     */
    private ProblemeHttpException perimee(DossierStocke lu, Utilisateur u, String ifMatch) {
        return store.visible(lu.id(), u).map(actuel -> IfMatch.perimee(ifMatch, actuel))
                .orElseGet(() -> new ProblemeHttpException(HttpStatus.PRECONDITION_FAILED, "Version périmée",
                        "Le dossier a changé depuis votre lecture : il a été supprimé" + supprimes.du(lu.id(), u)
                                .map(s -> " " + s.enFrancais()).orElse(" par un collègue") + " ; son contenu se reprend dans un"
                                + " nouveau brouillon : POST /api/v1/dossiers/" + lu.id() + "/copie."));
    }

    private DossierStocke trouver(String id, Utilisateur u) {
        return visibles.trouver(id, u);
    }

    private static void verifierSiren(Dossier dossier, Utilisateur u) {
        if (!dossier.maitreOuvrage().siren().equals(u.siren())) {
            throw new ProblemeHttpException(HttpStatus.FORBIDDEN, "Maître d'ouvrage d'une autre organisation",
                    "Le SIREN du maître d'ouvrage (" + dossier.maitreOuvrage().siren() + ") n'est pas celui de votre organisation.");
        }
    }

    private static Map<String, Object> resume(DossierStocke d) {
        return resume(d, null);
    }

    /**
     * A dossier read whole: its summary, its latest evaluation, its operation's other requests the caller sees
     * (« autresDemandes »), for a reader of the service's notes how many it has (« nombreNotes », null for anyone else)
     * and its content (« dossier », format 1).
     */
    private static Map<String, Object> lecture(DossierStocke d, DossiersStore.DerniereEvaluation derniere,
                                               List<Map<String, Object>> autresDemandes, Long nombreNotes) {
        Map<String, Object> corps = resume(d, derniere);
        corps.put("autresDemandes", autresDemandes);
        if (nombreNotes != null) {
            corps.put("nombreNotes", nombreNotes);
        }
        corps.put("dossier", Json.MAPPER.readTree(d.contenu()));
        return corps;
    }

    /** {@code derniere}: the dossier's latest evaluation, or null when it has none (or the caller did not ask). */
    private static Map<String, Object> resume(DossierStocke d, DossiersStore.DerniereEvaluation derniere) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id().toString());
        m.put("statut", d.statut());
        m.put("version", d.version());
        m.put("apercu", d.apercu());
        if (derniere != null) {
            m.put("derniereEvaluation", derniere);
        }
        if (d.territoire() != null) {
            m.put("territoire", d.territoire());
        }
        if (d.instructeur() != null) {
            m.put("instructeur", d.instructeur());
        }
        if (d.chaine() != null) {
            // What the dossier is judged by since its last deposit: the pack versions, the date, and the sealed evaluation.
            m.put("chaineDepot", Json.MAPPER.readTree(d.chaine()));
        }
        if (d.dateReferenceDepot() != null) {
            m.put("dateReferenceDepot", d.dateReferenceDepot().toString());
        }
        if (d.evaluationDepot() != null) {
            m.put("evaluationDepot", d.evaluationDepot().toString());
        }
        if (d.deposeLe() != null) {
            m.put("deposeLe", Horodatage.enTexte(d.deposeLe()));
        }
        if (d.premierDepotLe() != null) {
            m.put("premierDepotLe", Horodatage.enTexte(d.premierDepotLe()));
        }
        LocalDate rejetImplicite = RejetImplicite.le(d);
        if (rejetImplicite != null) {
            m.put("rejetImpliciteLe", rejetImplicite.toString());
        }
        if (d.messageInstruction() != null) {
            m.put("messageInstruction", d.messageInstruction());
        }
        if (d.piecesDemandees() != null) {
            m.put("piecesDemandees", Json.MAPPER.readTree(d.piecesDemandees()));
        }
        if (d.messageDepot() != null) {
            m.put("messageDepot", d.messageDepot());
        }
        if (d.decision() != null) {
            m.put("decision", d.decision());
        }
        if (d.messageRetrait() != null) {
            m.put("messageRetrait", d.messageRetrait());
        }
        m.put("creeLe", Horodatage.enTexte(d.creeLe()));
        m.put("modifieLe", Horodatage.enTexte(d.modifieLe()));
        m.put("statutDepuis", Horodatage.enTexte(d.statutDepuis()));
        if (d.modifiePar() != null) {
            m.put("modifiePar", d.modifiePar());
        }
        return m;
    }
}
