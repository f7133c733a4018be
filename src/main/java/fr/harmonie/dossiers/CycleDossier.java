package fr.harmonie.dossiers;

import fr.harmonie.comptes.Role;
import fr.harmonie.comptes.Utilisateur;
import fr.harmonie.dossier.Dossier;
import fr.harmonie.dossier.LecteurDossier;
import fr.harmonie.evaluation.Evaluateur;
import fr.harmonie.evaluation.Evaluateur.Evaluee;
import fr.harmonie.evaluation.Resultat;
import fr.harmonie.json.Json;
import fr.harmonie.regles.CacheDeChaines;
import fr.harmonie.regles.ChaineCompilee;
import fr.harmonie.regles.ChaineResolue;
import fr.harmonie.regles.CompilateurRegles;
import fr.harmonie.regles.Origine;
import fr.harmonie.regles.Pack;
import fr.harmonie.regles.faits.Fr;
import fr.harmonie.regles.faits.Gravite;
import fr.harmonie.regles.faits.Localisation;
import fr.harmonie.stockage.ActionJournal;
import fr.harmonie.stockage.PacksStockes;
import fr.harmonie.territoires.Geographie;
import fr.harmonie.territoires.RegistreCourant;
import fr.harmonie.territoires.RegistrePacks;
import fr.harmonie.web.ProblemeHttpException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Le cycle de vie d'un dossier gardé: évaluations scellées, dépôt (seulement s'il est déposable et au territoire de sa
 * commune, la chaîne de packs alors figée), instruction par un instructeur de son territoire, vérification d'une
 * évaluation ancienne sur les versions de packs qu'elle a utilisées.
 */
@Service
class CycleDossier {

    /** The anomaly of a territory named by the dossier that is not the commune's (a contract code). */
    private static final String TERRITOIRE_INCOHERENT = "TERRITOIRE_INCOHERENT";

    /** A deposit refused for what the dossier holds: its reasons follow by code (piecesManquantes, anomalies). */
    private static final URI NON_DEPOSABLE = URI.create("urn:harmonie:probleme:non-deposable");

    /** An answer to compléments that neither changes the dossier nor says anything. */
    private static final URI REPONSE_VIDE = URI.create("urn:harmonie:probleme:reponse-vide");

    /** An answer to compléments that names pieces, changing none of them and saying nothing. */
    private static final URI PIECES_INCHANGEES = URI.create("urn:harmonie:probleme:pieces-demandees-inchangees");

    /** A deposit refused because the answer to compléments would go to another territory than the one that asked. */
    private static final URI COMPLEMENTS_AILLEURS = URI.create("urn:harmonie:probleme:complements-d-un-autre-territoire");

    /** The senses of the decision that closes an instruction: the agrément, or its refusal. */
    static final List<String> DECISIONS = List.of("FAVORABLE", "DEFAVORABLE");

    private final DossiersStore dossiers;
    private final EvaluationsStore evaluations;
    private final LecteurDossier lecteur;
    private final Evaluateur evaluateur;
    private final RegistreCourant registre;
    private final PacksStockes packsStockes;
    private final Geographie geographie;
    private final JdbcClient jdbc;
    private final Clock horloge;
    private final TransactionTemplate transaction;
    private final DepotsEnDouble depotsEnDouble;
    private final CacheDeChaines chainesRejouees = new CacheDeChaines();

    CycleDossier(DossiersStore dossiers, EvaluationsStore evaluations, LecteurDossier lecteur, Evaluateur evaluateur,
                 RegistreCourant registre, PacksStockes packsStockes, Geographie geographie, JdbcClient jdbc, Clock horloge,
                 TransactionTemplate transaction, DepotsEnDouble depotsEnDouble) {
        this.dossiers = dossiers;
        this.evaluations = evaluations;
        this.lecteur = lecteur;
        this.evaluateur = evaluateur;
        this.registre = registre;
        this.packsStockes = packsStockes;
        this.geographie = geographie;
        this.jdbc = jdbc;
        this.horloge = horloge;
        this.transaction = transaction;
        this.depotsEnDouble = depotsEnDouble;
    }

    record Scellee(UUID id, Resultat resultat) { }

    /**
     * A deposit: its sealed evaluation and, for an answer to compléments, how many changes the instructeur who asked
     * will read since the deposit he read (null for a first deposit).
     */
    record Deposee(Scellee scellee, Integer nombreChangements, List<PiecesDemandees.PieceRepondue> piecesDemandees) { }

    /**
     * The evaluation runs before the transaction that seals it: a transaction holds one of the pool's few connections
     * from its start, and the largest dossier takes a second or two of rules. Only the writes need one.
     */
    Scellee evaluer(Utilisateur u, DossierStocke d) {
        Dossier dossier = lecteur.lire(d.contenu().getBytes(StandardCharsets.UTF_8));
        Evaluee e = evaluation(d, dossier);
        String entree = entreeScellee(dossier, e.resultat());
        return transaction.execute(t -> sceller(u, d, entree, e));
    }

    /** The input as sealed: the dossier with the date of reference its result was computed at. */
    private static String entreeScellee(Dossier dossier, Resultat r) {
        return Json.MAPPER.writeValueAsString(dossier.avecDateReference(r.dateReference()));
    }

    private Evaluee evaluation(DossierStocke d, Dossier dossier) {
        return d.modifiable() || d.chaine() == null ? evaluateur.evaluerEtLocaliser(dossier) : rejugerCommeAuDepot(dossier, d);
    }

    private Scellee sceller(Utilisateur u, DossierStocke d, String entree, Evaluee e) {
        Resultat r = e.resultat();
        UUID id = UUID.randomUUID();
        List<String> chaine = r.territoire().packs().stream().map(p -> p.id() + "@" + p.version()).toList();
        evaluations.sceller(id, d.id(), u.identifiant(), entree,
                Json.MAPPER.writeValueAsString(chaine), new String(r.enJson(), StandardCharsets.UTF_8), r.empreinte(),
                e.localisation() == null ? null : Json.MAPPER.writeValueAsString(e.localisation()));
        dossiers.journal(u.identifiant(), ActionJournal.EVALUATION, d.id(), "{\"evaluation\": \"" + id + "\", \"empreinte\": \"" + r.empreinte() + "\"}");
        return new Scellee(id, r);
    }

    /**
     * A deposited dossier no longer changes, and is judged as at its deposit whatever was published since: the
     * deposit's evaluation is replayed (its pack versions, its date, the commune as placed then, its resolution), so
     * an instructeur sees the result the bailleur deposited, with the same receipt, even after a new pack version or
     * a change of the administrative geography.
     */
    private Evaluee rejugerCommeAuDepot(Dossier dossier, DossierStocke d) {
        Dossier dateDuDepot = dateDuDepot(dossier, d);
        Optional<EvaluationsStore.EvaluationStockee> depot =
                d.evaluationDepot() == null ? Optional.empty() : evaluations.parId(d.evaluationDepot());
        if (depot.isPresent()) {
            return rejouer(dateDuDepot, depot.get());
        }
        // Deposited before the deposit's evaluation was kept, and not found by migration V8: the frozen chain alone.
        ChaineFigee figee = ChaineFigee.de(d);
        return rejouer(dateDuDepot, figee.refs(), figee.empreintes(), "chaîne figée au dépôt : " + figee, List.of(), null);
    }

    /** The pack versions frozen at the dossier's last deposit ({@code id@version}), and their contents' hashes. */
    private record ChaineFigee(List<String> refs, List<String> empreintes) {

        static ChaineFigee de(DossierStocke d) {
            List<String> refs = new ArrayList<>();
            List<String> empreintes = new ArrayList<>();
            Json.MAPPER.readTree(d.chaine()).forEach(p -> {
                refs.add(p.get("id").asString() + "@" + p.get("version").asString());
                empreintes.add(p.hasNonNull("empreinte") ? p.get("empreinte").asString() : "");
            });
            return new ChaineFigee(refs, empreintes);
        }

        @Override
        public String toString() {
            return String.join(" > ", refs);
        }
    }

    /**
     * A deposited dossier is judged at the date of its deposit, as the contract says, not at the day it is looked at
     * again: the frozen chain's parameters are dated, and January's would otherwise apply to a dossier deposited in
     * December.
     */
    private static Dossier dateDuDepot(Dossier dossier, DossierStocke d) {
        return d.dateReferenceDepot() != null ? dossier.avecDateReference(d.dateReferenceDepot()) : dossier;
    }

    /** Evaluates {@code entree} as {@code scellee} was: its pack versions, resolution sentence and notes, and commune. */
    private Evaluee rejouer(Dossier entree, EvaluationsStore.EvaluationStockee scellee) {
        List<String> refs = List.of(Json.MAPPER.readValue(scellee.chaine(), String[].class));
        Resultat stocke = Json.MAPPER.readValue(scellee.resultat(), Resultat.class);
        List<Origine> notes = stocke.trace().stream().filter(o -> o.regle().equals(RegistrePacks.NOTE_RESOLUTION)).toList();
        Localisation localisation = scellee.localisation() == null ? null
                : Json.MAPPER.readValue(scellee.localisation(), Localisation.class);
        return rejouer(entree, refs, stocke.territoire().packs().stream().map(Resultat.PackApplique::empreinte).toList(),
                stocke.territoire().resolution(), notes, localisation);
    }

    /**
     * Evaluates on the versions {@code refs}, whose contents were {@code empreintes}: the chain the service compiled
     * for today's dossiers when it serves these very versions, otherwise one read back from PostgreSQL and compiled
     * once per list of versions. The commune's facts are the sealed ones when there are ({@code localisation}),
     * otherwise today's (evaluations sealed before V6 kept none).
     */
    private Evaluee rejouer(Dossier dossier, List<String> refs, List<String> empreintes, String resolution, List<Origine> notes,
                            Localisation localisation) {
        ChaineCompilee chaine = chaine(refs, empreintes);
        return new Evaluateur(d -> new ChaineResolue(chaine, resolution, localisation != null ? localisation : registre.localiser(d), notes),
                horloge).evaluerEtLocaliser(dossier);
    }

    private ChaineCompilee chaine(List<String> refs, List<String> empreintes) {
        return registre.registre().chaineServie(refs, empreintes).orElseGet(() ->
                chainesRejouees.obtenir(refs, () -> CompilateurRegles.compiler(packsStockes.charger(refs))));
    }

    /** Les chaînes compilées ici pour rejouer des versions que le service ne sert pas (ou plus). */
    Set<List<String>> chainesRejoueesApart() {
        return chainesRejouees.compilees();
    }

    /**
     * Evaluated, like {@link #evaluer}, before the transaction: a refused deposit writes nothing and takes no connection.
     * {@code message}: what the bailleur says to the service with this deposit (null for nothing).
     */
    Deposee deposer(Utilisateur u, DossierStocke d, String message) {
        if (u.role() != Role.BAILLEUR) {
            throw new ProblemeHttpException(HttpStatus.FORBIDDEN, "Accès refusé", "Seul le bailleur du dossier le dépose.");
        }
        if (!d.modifiable()) {
            throw new ProblemeHttpException(HttpStatus.CONFLICT, "Dépôt impossible", "Le dossier est déjà au statut " + d.statut() + ".");
        }
        Dossier dossier = lecteur.lire(d.contenu().getBytes(StandardCharsets.UTF_8));
        // The contract: a deposit is judged at its date. A dateReference chosen to check the dossier against another
        // day's rules does not carry over to the deposit, or a dossier dated last year would escape this year's packs.
        LocalDate jour = Evaluateur.aujourdhui(horloge);
        Dossier auJourDuDepot = dossier.avecDateReference(jour);
        Evaluee e = evaluation(d, auJourDuDepot);
        Resultat r = e.resultat();
        // Likewise, a deposit goes to the service that instructs the commune: a territory named elsewhere, or above the
        // commune's own (the socle for a commune of the Métropole de Rouen), would escape its rules and its instructeur.
        List<String> territoireIncoherent = r.anomalies().stream().filter(a -> a.code().equals(TERRITOIRE_INCOHERENT))
                .map(a -> a.message() + " : un dépôt va au service qui instruit la commune ; retirer « territoire » du dossier"
                        + " ou nommer celui de la commune").toList();
        if (!r.deposable() || !territoireIncoherent.isEmpty()) {
            List<String> raisons = new ArrayList<>();
            if (dossier.dateReference() != null && !dossier.dateReference().equals(jour)) {
                raisons.add("Évalué au jour du dépôt, le " + Fr.jour(jour) + " (le dossier indique le "
                        + Fr.jour(dossier.dateReference()) + ")");
            }
            raisons.addAll(territoireIncoherent);
            List<Resultat.PieceRequise> manquantes = r.piecesRequises().stream()
                    .filter(p -> p.bloquante() && p.statut() == Resultat.StatutPiece.MANQUANTE).toList();
            if (!manquantes.isEmpty()) {
                // One reason for all of them: « Pièce bloquante manquante : » eight times over read as a wall.
                List<String> libelles = manquantes.stream().map(p -> "« " + p.libelle() + " »").toList();
                int n = libelles.size();
                raisons.add(n == 1 ? "Pièce bloquante manquante : " + libelles.get(0)
                        : n + " pièces bloquantes manquantes : " + String.join(", ", libelles.subList(0, n - 1)) + " et " + libelles.get(n - 1));
            }
            List<Resultat.AnomalieRelevee> bloquantes = r.anomalies().stream()
                    .filter(a -> a.gravite() == Gravite.BLOQUANTE || a.code().equals(TERRITOIRE_INCOHERENT)).toList();
            bloquantes.stream().filter(a -> a.gravite() == Gravite.BLOQUANTE).forEach(a -> raisons.add(a.message()));
            // The same reasons by their codes, for the bailleur's own system: clients match on codes, not on French.
            throw new ProblemeHttpException(HttpStatus.CONFLICT, "Dossier non déposable", String.join(" ; ", raisons), null, NON_DEPOSABLE)
                    .avec("dateReference", jour.toString())
                    .avec("piecesManquantes", manquantes.stream().map(p -> new PieceManquante(p.code(), p.libelle())).toList())
                    .avec("anomalies", bloquantes.stream().map(a -> new AnomalieDuRefus(a.code(), a.gravite(), a.champ(), a.message())).toList());
        }
        Optional<EvaluationsStore.EvaluationStockee> depotPrecedent =
                d.statut().equals("COMPLEMENTS_DEMANDES") && d.evaluationDepot() != null ? evaluations.parId(d.evaluationDepot()) : Optional.empty();
        gardeLeServiceDesComplements(d, dossier, r, depotPrecedent);
        String entree = entreeScellee(auJourDuDepot, r);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("territoire", r.territoire().code());
        if (message != null) {
            detail.put("message", message);
        }
        // The answer to compléments, as the instructeur who asked reads it: what changed since the deposit he read.
        depotPrecedent.ifPresent(p -> {
            detail.put("evaluationDepotPrecedent", p.id().toString());
            detail.putAll(Changements.entre(p.entree(), entree, Set.of("dateReference")));
            if (message == null && detail.get("nombreChangements").equals(0)) {
                // Neither a change nor a word: most often an edit not saved before depositing again. Sent as it is, it
                // would come back to an instructeur who has nothing new to read, and would ask again.
                throw new ProblemeHttpException(HttpStatus.CONFLICT, "Réponse vide",
                        "Le dossier n'a pas changé depuis la demande de compléments"
                                + (d.messageInstruction() == null ? "" : " (« " + d.messageInstruction() + " »)") + " : enregistrer"
                                + " d'abord les modifications (PUT), ou dire au service pourquoi rien ne change, dans « message »",
                        null, REPONSE_VIDE);
            }
            if (d.piecesDemandees() != null) {
                List<PiecesDemandees.PieceRepondue> repondues = PiecesDemandees.repondues(d.piecesDemandees(), p.entree(), entree);
                if (message == null && repondues.stream().noneMatch(PiecesDemandees.PieceRepondue::modifiee)) {
                    // Something else changed (nothing at all is the empty answer above), but none of what was asked, and not a
                    // word: the instructeur would ask again.
                    throw new ProblemeHttpException(HttpStatus.CONFLICT, "Pièces demandées inchangées",
                            "Aucune des pièces demandées n'a changé depuis la demande de compléments ("
                                    + String.join(", ", repondues.stream().map(piece -> "« " + piece.libelle() + " »").toList())
                                    + ") : les déclarer à nouveau (PUT : fournie, signee, dateDocument, commentaire), ou dire au"
                                    + " service pourquoi, dans « message »", null, PIECES_INCHANGEES)
                            .avec("piecesDemandees", repondues.stream().map(PiecesDemandees.PieceRepondue::code).toList());
                }
                detail.put("piecesDemandees", repondues);
            }
        });
        Geographie.Commune commune = geographie.commune(dossier.operation().commune().codeInsee());
        List<Map<String, String>> chaine = r.territoire().packs().stream()
                .map(p -> Map.of("id", p.id(), "version", p.version(), "empreinte", p.empreinte())).toList();
        Scellee s = transaction.execute(t -> {
            depotsEnDouble.refuserSiDejaDepose(d, dossier);
            Scellee scellee = sceller(u, d, entree, e);
            deposerApresEvaluation(u, d, r, commune, chaine, scellee, message, detail);
            return scellee;
        });
        @SuppressWarnings("unchecked")
        List<PiecesDemandees.PieceRepondue> repondues = (List<PiecesDemandees.PieceRepondue>) detail.get("piecesDemandees");
        return new Deposee(s, (Integer) detail.get("nombreChangements"), repondues);
    }

    /**
     * The answer to a request for compléments goes back to the service that asked: the bailleur who moves the operation
     * to a commune of another territory would otherwise take the dossier away from its instructeur mid-instruction (he
     * would no longer see it) and hand it to a service that never asked for anything. A pack published since the
     * deposit for the commune of the deposit still moves it, as any deposit goes to the service that instructs its
     * commune that day.
     */
    private void gardeLeServiceDesComplements(DossierStocke d, Dossier dossier, Resultat r,
                                              Optional<EvaluationsStore.EvaluationStockee> depot) {
        if (depot.isEmpty() || d.territoire() == null || d.territoire().equals(r.territoire().code())) {
            return;
        }
        String communeDuDepot = Json.MAPPER.readTree(depot.get().entree()).at("/operation/commune/codeInsee").asString();
        List<Pack> ouVaLaCommuneDuDepot = registre.registre().resoudreCommune(communeDuDepot, r.dateReference()).packs();
        if (ouVaLaCommuneDuDepot.get(ouVaLaCommuneDuDepot.size() - 1).id().equals(r.territoire().code())) {
            return;
        }
        throw new ProblemeHttpException(HttpStatus.CONFLICT, "Dossier non déposable",
                "Les compléments ont été demandés par le service instructeur de " + nomme(d.territoire()) + " : la réponse lui"
                        + " revient. Modifié (commune " + commune(dossier.operation().commune().codeInsee()) + " au lieu de "
                        + commune(communeDuDepot) + " au dépôt), le dossier irait à " + nomme(r.territoire().code())
                        + " ; un dossier en cours d'instruction ne change pas de service instructeur : remettre la commune du"
                        + " dépôt, ou créer un nouveau dossier pour l'opération déplacée", null, COMPLEMENTS_AILLEURS)
                .avec("territoire", d.territoire()).avec("territoireDuDossierModifie", r.territoire().code());
    }

    /** The members of a refused deposit's problem, in the order of the result's own fields. */
    private record PieceManquante(String code, String libelle) { }

    private record AnomalieDuRefus(String code, Gravite gravite, String champ, String message) { }

    /** The code and the name the geography gives it (the dossier's own name may be wrong). */
    private String commune(String codeInsee) {
        Geographie.Commune c = geographie.commune(codeInsee);
        return codeInsee + (c == null ? "" : " " + c.nom());
    }

    /** « metropole-rouen-normandie » (Métropole Rouen Normandie): the id clients match on, the name people read. */
    private String nomme(String idPack) {
        RegistrePacks packs = registre.registre();
        return "« " + idPack + " »" + (packs.connait(idPack) ? " (" + packs.derniereVersion(idPack).manifeste().libelle() + ")" : "");
    }

    /** Within the sealing's transaction: a dossier changed meanwhile leaves neither the deposit nor its evaluation. */
    private void deposerApresEvaluation(Utilisateur u, DossierStocke d, Resultat r, Geographie.Commune commune,
                                        List<Map<String, String>> chaine, Scellee s, String message, Map<String, Object> detail) {
        int n = jdbc.sql("""
                UPDATE dossier SET statut = 'DEPOSE', territoire = ?, region = ?, chaine = ?::jsonb, date_reference_depot = ?,
                       evaluation_depot = ?, message_depot = ?, depose_le = now(), premier_depot_le = coalesce(premier_depot_le, now()),
                       statut_depuis = now(), version = version + 1, modifie_le = now(), modifie_par = ?,
                       pieces_demandees = COALESCE(?::jsonb, pieces_demandees)
                WHERE id = ? AND version = ? AND statut IN ('BROUILLON', 'COMPLEMENTS_DEMANDES') AND supprime_le IS NULL""")
                .params(r.territoire().code(), commune == null ? null : commune.region(), Json.MAPPER.writeValueAsString(chaine),
                        r.dateReference(), s.id(), message, u.identifiant(),
                        // The pieces asked, now with what the answer did to each: the instructeur's queue shows it.
                        detail.containsKey("piecesDemandees") ? Json.MAPPER.writeValueAsString(detail.get("piecesDemandees")) : null,
                        d.id(), d.version()).update();
        if (n != 1) {
            throw new ProblemeHttpException(HttpStatus.CONFLICT, "Dépôt impossible", "Le dossier a changé pendant le dépôt : relisez-le.");
        }
        dossiers.journal(u.identifiant(), ActionJournal.DEPOT, d.id(), Json.MAPPER.writeValueAsString(detail));
    }

    /**
     * Les transitions d'instruction, chacune par un instructeur du territoire du dossier. {@code versionLue}: the caller
     * acts on the version it read (If-Match), and a change since, even one back to the same status (compléments
     * answered and taken in instruction again by a colleague), refuses the step. The pieces asked are read before the
     * transaction: an old deposit's chain may have to be compiled first, which needs no connection.
     */
    void instruire(Utilisateur u, DossierStocke d, String actionEcrite, String message, List<String> pieces, String decisionEcrite,
                   boolean versionLue) {
        if (u.role() != Role.INSTRUCTEUR) {
            throw new ProblemeHttpException(HttpStatus.FORBIDDEN, "Accès refusé", "Seul un instructeur du territoire instruit le dossier.");
        }
        // As the journal's filter reads it: « prendre_en_instruction » is the action meant.
        String action = actionEcrite == null ? null : actionEcrite.strip().toUpperCase(Locale.ROOT);
        String depuis;
        String vers;
        switch (action == null ? "" : action) {
            case "PRENDRE_EN_INSTRUCTION" -> { depuis = "DEPOSE"; vers = "EN_INSTRUCTION"; }
            case "DEMANDER_COMPLEMENTS" -> { depuis = "EN_INSTRUCTION"; vers = "COMPLEMENTS_DEMANDES"; }
            case "INSTRUIRE" -> { depuis = "EN_INSTRUCTION"; vers = "INSTRUIT"; }
            // A sense said wrongly, or not said at the close (before the service could say it): said again, with why.
            case "CORRIGER_DECISION" -> { depuis = "INSTRUIT"; vers = "INSTRUIT"; }
            // Closed by mistake (the wrong dossier, or before a piece came): back in instruction, its decision unsaid.
            case "ROUVRIR_INSTRUCTION" -> { depuis = "INSTRUIT"; vers = "EN_INSTRUCTION"; }
            default -> throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Action inconnue", "Actions possibles :"
                    + " PRENDRE_EN_INSTRUCTION, DEMANDER_COMPLEMENTS, INSTRUIRE, CORRIGER_DECISION, ROUVRIR_INSTRUCTION, CONFIER.");
        }
        if (vers.equals("COMPLEMENTS_DEMANDES") && (message == null || message.isBlank())) {
            throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Message requis", "Dites au bailleur quels compléments sont attendus.");
        }
        if (pieces != null && !pieces.isEmpty() && !vers.equals("COMPLEMENTS_DEMANDES")) {
            throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Pièces hors d'une demande de compléments",
                    "« pieces » nomme les pièces d'une demande de compléments (DEMANDER_COMPLEMENTS), pas de « " + action + " ».");
        }
        String decision = decision(decisionEcrite, action);
        if (action.equals("ROUVRIR_INSTRUCTION") && (message == null || message.isBlank())) {
            throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Message requis",
                    "Dites au bailleur pourquoi l'instruction de sa demande est rouverte.");
        }
        // The operation as the dossier names it, to look for another dossier of it deposited since the close.
        Dossier rouvert = action.equals("ROUVRIR_INSTRUCTION") ? lecteur.lire(d.contenu().getBytes(StandardCharsets.UTF_8)) : null;
        if (action.equals("CORRIGER_DECISION")) {
            if (decision == null) {
                throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Décision requise",
                        "« decision » dit le sens de la décision : FAVORABLE (l'agrément) ou DEFAVORABLE (le refus).");
            }
            if (message == null || message.isBlank()) {
                throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Message requis",
                        "Dites au bailleur pourquoi le sens de la décision est dit ou corrigé.");
            }
            if (decision.equals(d.decision())) {
                throw new ProblemeHttpException(HttpStatus.CONFLICT, "Décision inchangée", "La décision est déjà " + decision + ".");
            }
        }
        // Read against the deposit's chain, whose checklist the instructeur has before him; nothing is written if refused.
        List<PiecesDemandees.PieceDemandee> demandees = vers.equals("COMPLEMENTS_DEMANDES") ? piecesDemandees(d, pieces) : null;
        transaction.executeWithoutResult(t -> {
            if (rouvert != null && d.statut().equals("INSTRUIT")) {
                depotsEnDouble.refuserSiRouvertEnDouble(d, rouvert);
            }
            ecrireLInstruction(u, d, action, depuis, vers, message, demandees, decision, versionLue);
        });
    }

    /**
     * The sense of the decision that closes the instruction, as the service says it (case and surrounding spaces aside,
     * as the action): null when unsaid. Said with another step, or as neither sense, the step is refused.
     */
    private static String decision(String ecrite, String action) {
        if (ecrite == null) {
            return null;
        }
        if (!action.equals("INSTRUIRE") && !action.equals("CORRIGER_DECISION")) {
            throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Décision hors d'une clôture",
                    "« decision » dit le sens de la décision qui clôt l'instruction (INSTRUIRE, ou CORRIGER_DECISION une fois"
                            + " close), pas d'une étape « " + action + " ».");
        }
        String decision = ecrite.strip().toUpperCase(Locale.ROOT);
        if (!DECISIONS.contains(decision)) {
            throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Décision inconnue",
                    "« decision » vaut FAVORABLE (l'agrément) ou DEFAVORABLE (le refus), pas « " + ecrite + " ».");
        }
        return decision;
    }

    private void ecrireLInstruction(Utilisateur u, DossierStocke d, String action, String depuis, String vers, String message,
                                    List<PiecesDemandees.PieceDemandee> demandees, String decision, boolean versionLue) {
        int n = jdbc.sql("""
                UPDATE dossier SET statut = ?, message_instruction = coalesce(?, message_instruction), version = version + 1,
                       statut_depuis = CASE WHEN statut = ? THEN statut_depuis ELSE now() END, modifie_le = now(), modifie_par = ?,
                       instructeur = coalesce(?, instructeur),
                       pieces_demandees = CASE WHEN ? THEN ?::jsonb ELSE pieces_demandees END,
                       decision = CASE WHEN ? THEN NULL ELSE coalesce(?, decision) END
                WHERE id = ? AND statut = ? AND version = coalesce(?::int, version)""")
                // Who takes it in instruction is the one it is with, until a colleague takes it up in turn. The pieces are
                // those of the last request for compléments: a new request replaces them, even by none.
                .params(vers, message, vers, u.identifiant(), action.equals("PRENDRE_EN_INSTRUCTION") ? u.identifiant() : null,
                        vers.equals("COMPLEMENTS_DEMANDES"), demandees == null ? null : Json.MAPPER.writeValueAsString(demandees),
                        action.equals("ROUVRIR_INSTRUCTION"), decision, d.id(), depuis, versionLue ? d.version() : null).update();
        if (n != 1 && versionLue) {
            // Changed between the read and this update: 412, as If-Match asked; not changed, the status is the reason.
            dossiers.visible(d.id(), u).filter(actuel -> actuel.version() != d.version()).ifPresent(actuel -> {
                throw IfMatch.perimee(null, actuel);
            });
        }
        if (n != 1) {
            throw new ProblemeHttpException(HttpStatus.CONFLICT, "Transition impossible",
                    "Le dossier est au statut " + d.statut() + " ; « " + action + " » part du statut " + depuis
                            + ceQuiResteAFaire(d.statut(), depuis, d.decision()) + ".");
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        // The service that acted, as a deposit names the one it went to: a dossier may pass to another service later.
        detail.put("territoire", d.territoire());
        if (message != null) {
            detail.put("message", message);
        }
        if (demandees != null) {
            detail.put("pieces", demandees.stream().map(PiecesDemandees.PieceDemandee::code).toList());
        }
        if (decision != null) {
            detail.put("decision", decision);
        }
        // The sense corrected, or undone by the reopening: the history keeps what the bailleur had been told.
        if ((action.equals("CORRIGER_DECISION") || action.equals("ROUVRIR_INSTRUCTION")) && d.decision() != null) {
            detail.put("decisionPrecedente", d.decision());
        }
        dossiers.journal(u.identifiant(), ActionJournal.valueOf(action), d.id(), Json.MAPPER.writeValueAsString(detail));
    }

    /**
     * The pieces {@code pieces} names, read against the catalogue of the chain of the dossier's last deposit (those an
     * instructeur may ask for); null when it names none, and then no chain is looked up.
     */
    private List<PiecesDemandees.PieceDemandee> piecesDemandees(DossierStocke d, List<String> pieces) {
        if (pieces == null || pieces.isEmpty()) {
            return null;
        }
        ChaineFigee figee = ChaineFigee.de(d);
        return PiecesDemandees.lire(pieces, chaine(figee.refs(), figee.empreintes()).catalogue(), figee.toString());
    }

    /** The statuses a request can be withdrawn from: deposited, and not yet decided. */
    static final List<String> RETIRABLES = List.of("DEPOSE", "EN_INSTRUCTION", "COMPLEMENTS_DEMANDES");

    /**
     * The bailleur withdraws its request: the operation is abandoned (the land lost, a co-financing refused) or will be
     * filed again otherwise. The dossier stays with the service that received it, RETIRE, with what the bailleur said;
     * it leaves the queue, and the operation may be deposited again by another dossier. {@code versionLue}: as a deposit.
     */
    void retirer(Utilisateur u, DossierStocke d, String message, boolean versionLue) {
        if (u.role() != Role.BAILLEUR) {
            throw new ProblemeHttpException(HttpStatus.FORBIDDEN, "Accès refusé", "Seul le bailleur du dossier retire sa demande.");
        }
        if (!RETIRABLES.contains(d.statut())) {
            throw new ProblemeHttpException(HttpStatus.CONFLICT, "Retrait impossible", "Le dossier est au statut " + d.statut()
                    + switch (d.statut()) {
                        case "BROUILLON" -> " : il n'a pas été déposé, il se supprime (DELETE /api/v1/dossiers/" + d.id() + ").";
                        case "INSTRUIT" -> " : " + close(d.decision()) + ", la demande ne se retire plus.";
                        default -> " : la demande est déjà retirée.";
                    });
        }
        transaction.executeWithoutResult(t -> {
            int n = jdbc.sql("""
                    UPDATE dossier SET statut = 'RETIRE', message_retrait = ?, version = version + 1, modifie_le = now(), statut_depuis = now(),
                           modifie_par = ?
                    WHERE id = ? AND statut IN ('DEPOSE', 'EN_INSTRUCTION', 'COMPLEMENTS_DEMANDES')
                      AND version = coalesce(?::int, version)""")
                    .params(message, u.identifiant(), d.id(), versionLue ? d.version() : null).update();
            if (n != 1) {
                throw IfMatch.nonEcrit(d, dossiers.visible(d.id(), u).orElseThrow(), versionLue, "Retrait impossible", "le retrait");
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            // The service the request was with, as every deposit and every instruction step names it.
            detail.put("territoire", d.territoire());
            if (message != null) {
                detail.put("message", message);
            }
            dossiers.journal(u.identifiant(), ActionJournal.RETRAIT, d.id(), Json.MAPPER.writeValueAsString(detail));
        });
    }

    /** What the instructeur can do instead, from the status the dossier is in. */
    private static String ceQuiResteAFaire(String statut, String depuis, String decision) {
        return switch (statut) {
            case "DEPOSE" -> " : le prendre d'abord en instruction (PRENDRE_EN_INSTRUCTION)";
            case "EN_INSTRUCTION" -> depuis.equals("DEPOSE") ? " : il est déjà en instruction" : "";
            case "COMPLEMENTS_DEMANDES" -> " : des compléments sont demandés au bailleur ; le dossier revient au statut DEPOSE"
                    + " quand il le redépose";
            case "RETIRE" -> " : le bailleur a retiré sa demande";
            case "INSTRUIT" -> " : " + close(decision) + " ; une clôture faite par erreur se défait par ROUVRIR_INSTRUCTION";
            default -> "";
        };
    }

    /** An instruction closed, with the sense of its decision when the service said it. */
    private static String close(String decision) {
        return "son instruction est close" + (decision == null ? ""
                : decision.equals("FAVORABLE") ? " (décision favorable)" : " (décision défavorable)");
    }

    /** Rejoue l'entrée scellée comme elle a été évaluée (versions de packs, commune, résolution) et compare les reçus. */
    Map<String, Object> verifier(EvaluationsStore.EvaluationStockee e) {
        String recalculee = rejouer(lecteur.lire(e.entree().getBytes(StandardCharsets.UTF_8)), e).resultat().empreinte();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("evaluation", e.id().toString());
        v.put("empreinteScellee", e.empreinte());
        v.put("empreinteRecalculee", recalculee);
        v.put("concorde", recalculee.equals(e.empreinte()));
        return v;
    }
}
