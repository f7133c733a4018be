package fr.harmonie.rapport;

import fr.harmonie.json.Json;
import fr.harmonie.regles.faits.Fr;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * An evaluation on paper: what a bailleur files with its deposit, what an instructeur prints as the checklist of a
 * dossier. Everything in it comes from the sealed evaluation (its input, its result, its receipt) and, for a deposit's,
 * from the deposit's journal line (which the database keeps unchanged), so the same evaluation always prints the same
 * report, whatever was published since; the receipt at the foot of each page is what
 * {@code GET /api/v1/evaluations/{id}/verification} checks.
 *
 * <p>An evaluation nobody keeps (the anonymous {@code POST /api/v1/evaluations?format=pdf}, the offline {@code evaluer
 * --rapport}) prints the same way, and says that it is not kept: its receipt is found again by evaluating the same dossier
 * at the same date with the same rules, and only a deposit proves what was deposited.
 */
public final class RapportEvaluation {

    /**
     * What the report prints. {@code id}: the sealed evaluation's, null for one not kept; {@code par}: who evaluated it
     * (a sealed one), or how (one not kept: « sans compte », « hors ligne »); {@code depot}: the deposit that sealed this
     * evaluation, the proof of what was deposited (null for an evaluation no deposit sealed).
     */
    public record Contenu(String id, String par, OffsetDateTime creeLe, String empreinte, JsonNode entree,
                          JsonNode resultat, Depot depot) {

        /**
         * An evaluation that is not kept, from the bytes of its dossier and of its result; {@code comment}: how it was
         * made (« sans compte », « hors ligne … »), said after its date with what is not kept.
         */
        public static Contenu nonConservee(String comment, OffsetDateTime le, String empreinte, byte[] dossier, byte[] resultat) {
            return new Contenu(null, comment + " : ni le dossier ni l'évaluation ne sont conservés", le, empreinte,
                    Json.MAPPER.readTree(dossier), Json.MAPPER.readTree(resultat), null);
        }

        boolean conservee() {
            return id != null;
        }

        boolean deDepot() {
            return depot != null;
        }
    }

    /**
     * What the bailleur said to the service with the deposit ({@code message}, null if nothing) and, when the deposit
     * answers compléments, what it answers ({@code complements}, null for a first deposit): as the journal line of the
     * deposit keeps them, which nothing changes, so that the report stays the same file. The day the request was first
     * deposited ({@code demandeLe}) and the last day of the four months after which the service's silence is worth
     * rejection of a request for agrément ({@code rejetImpliciteLe}), printed for the agrément phase only; null when
     * not known.
     */
    public record Depot(String message, Complements complements, LocalDate demandeLe, LocalDate rejetImpliciteLe) { }

    /**
     * The request the deposit answers: its message ({@code demande}, null if none), the pieces it named with whether the
     * answer declares each otherwise than the deposit before (empty when it named none), how many changes the answer
     * brings (null when its journal line does not say) and the first of them in words ({@code resumes}, « Lot PLUS,
     * logement P01, loyer mensuel : 399,3 → 390 »), as the history keeps them.
     */
    public record Complements(String demande, List<PieceDemandee> pieces, Integer changements, List<String> resumes) { }

    public record PieceDemandee(String code, String libelle, boolean modifiee) { }

    /**
     * Enough to print: a dossier of thousands of logements can carry thousands of anomalies, which the JSON gives
     * whole; the report says how many more there are.
     */
    static final int ANOMALIES_IMPRIMEES = 300;

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final float COLONNE = 135;

    private RapportEvaluation() {
    }

    public static byte[] pdf(Contenu c) {
        JsonNode r = c.resultat();
        JsonNode operation = c.entree().path("operation");
        String titre = "Évaluation du dossier " + referenceOuNom(r.path("reference"), operation.path("nom").asString(""));
        ZonedDateTime le = c.creeLe().atZoneSameInstant(PARIS);
        try (PagesPdf pages = new PagesPdf(titre, GregorianCalendar.from(le), (c.conservee() ? c.id() : c.empreinte()).hashCode())) {
            entete(pages, c, r, operation, le);
            verdict(pages, r);
            depot(pages, c.depot());
            pieces(pages, r);
            anomalies(pages, c, r);
            maturite(pages, r.path("maturite"));
            regles(pages, c, r);
            return pages.octets("Harmonie — évaluation " + (c.conservee() ? c.id() : "non conservée") + " — reçu "
                    + c.empreinte().substring(0, 16) + "…");
        }
    }

    private static void entete(PagesPdf pages, Contenu c, JsonNode r, JsonNode operation, ZonedDateTime le) {
        pages.titre(c.deDepot() ? "Évaluation du dépôt d'un dossier de demande d'agrément" : "Évaluation d'un dossier de demande d'agrément");
        String reference = r.path("reference").asString("");
        pages.paragraphe(operation.path("nom").asString("(opération sans nom)") + (reference.isEmpty() ? "" : " — référence " + reference),
                PagesPdf.Style.GRAS, 11, 0);
        pages.espace(4);
        JsonNode mo = c.entree().path("maitreOuvrage");
        pages.ligneEtiquetee("Maître d'ouvrage", mo.path("raisonSociale").asString("") + " (SIREN " + mo.path("siren").asString("") + ")", COLONNE);
        JsonNode commune = operation.path("commune");
        pages.ligneEtiquetee("Commune", commune.path("nom").asString("") + " (" + commune.path("codeInsee").asString("") + ")", COLONNE);
        pages.ligneEtiquetee("Territoire", r.path("territoire").path("resolution").asString(r.path("territoire").path("libelle").asString("")), COLONNE);
        pages.ligneEtiquetee("Demande", Libelles.phase(r.path("phase").asString("")) + " ; "
                + Libelles.nature(operation.path("nature").asString("")) + " ; " + logements(operation.path("lots")), COLONNE);
        pages.ligneEtiquetee("Règles en vigueur le", Libelles.jour(r.path("dateReference").asString()), COLONNE);
        pages.ligneEtiquetee(c.deDepot() ? "Déposé le" : "Évalué le", Fr.jour(le.toLocalDate()) + " à "
                + String.format("%02d h %02d", le.getHour(), le.getMinute()) + " (heure de Paris), "
                + (c.conservee() ? "par " : "") + c.par(), COLONNE);
        if (c.deDepot() && c.depot().rejetImpliciteLe() != null && r.path("phase").asString("").equals("AGREMENT")) {
            // What an acknowledgement of the request says: until when the service may decide, and what its silence means.
            pages.ligneEtiquetee("Délai de décision", "jusqu'au " + Fr.jour(c.depot().rejetImpliciteLe()) + ", quatre mois à compter de"
                    + " la demande (déposée le " + Fr.jour(c.depot().demandeLe()) + ") ; sans décision à cette date, la demande est"
                    + " réputée rejetée (ancien article R. 331-6 du CCH)", COLONNE);
        }
    }

    private static void verdict(PagesPdf pages, JsonNode r) {
        pages.intertitre("En bref");
        JsonNode m = r.path("maturite");
        long bloquantes = compter(r.path("anomalies"), a -> "BLOQUANTE".equals(a.path("gravite").asString("")));
        long piecesBloquantes = compter(r.path("piecesRequises"),
                p -> p.path("bloquante").asBoolean() && "MANQUANTE".equals(p.path("statut").asString("")));
        // The contract's two words: deposable without a missing bloquante piece nor a BLOQUANTE anomaly; complet when
        // every required piece is there and no anomaly is BLOQUANTE. Each « non » says which of these holds it back.
        pages.ligneEtiquetee("Déposable", r.path("deposable").asBoolean()
                ? "oui : aucune pièce bloquante ne manque et aucune anomalie n'est bloquante"
                : "non : " + raisons(piecesBloquantes, "pièce bloquante manquante", "pièces bloquantes manquantes", bloquantes), COLONNE);
        pages.ligneEtiquetee("Complet", r.path("complet").asBoolean() ? "oui : toutes les pièces requises sont fournies"
                : "non : " + raisons(manquantes(r), "pièce requise manquante", "pièces requises manquantes", bloquantes), COLONNE);
        pages.ligneEtiquetee("Maturité", m.path("score").asInt() + " / 100, " + Libelles.maturite(m.path("niveau").asString("")), COLONNE);
    }

    /**
     * For an answer to compléments, the instructeur's checklist of the answer: what was asked, which of the pieces named
     * the answer declares anew, how much changed and what the bailleur says; for a first deposit, what it says, if anything.
     */
    private static void depot(PagesPdf pages, Depot depot) {
        if (depot == null) {
            return;
        }
        Complements complements = depot.complements();
        if (complements == null) {
            if (depot.message() != null) {
                pages.intertitre("Message du bailleur au service instructeur");
                pages.paragraphe(depot.message());
            }
            return;
        }
        pages.intertitre("Réponse aux compléments demandés");
        pages.ligneEtiquetee("Demande", complements.demande() == null ? "(sans message)" : complements.demande(), COLONNE);
        if (!complements.pieces().isEmpty()) {
            long modifiees = complements.pieces().stream().filter(PieceDemandee::modifiee).count();
            pages.ligneEtiquetee("Pièces demandées", Fr.compte(complements.pieces().size(), "pièce", "pièces") + ", dont "
                    + modifiees + " déclarée" + (modifiees > 1 ? "s" : "") + " autrement qu'au dépôt précédent (fournie, signée,"
                    + " datée, commentée, ajoutée ou retirée)", COLONNE);
            for (PieceDemandee p : complements.pieces()) {
                pages.ligneEtiquetee(p.modifiee() ? "Modifiée" : "Inchangée", p.libelle() + " (" + p.code() + ")", COLONNE);
            }
        }
        if (complements.changements() != null) {
            List<String> resumes = complements.resumes();
            int autres = complements.changements() - resumes.size();
            pages.ligneEtiquetee("Changements", Fr.compte(complements.changements(), "changement", "changements")
                    + " depuis le dépôt précédent" + (resumes.isEmpty() ? "" : " :\n" + String.join("\n", resumes))
                    + (autres > 0 ? "\n… et " + Fr.compte(autres, "autre, que donne", "autres, que donne") + " l'historique du dossier" : ""),
                    COLONNE);
        }
        pages.ligneEtiquetee("Réponse du bailleur", depot.message() == null ? "(sans message)" : depot.message(), COLONNE);
    }

    private static String raisons(long pieces, String piece, String piecesAuPluriel, long anomaliesBloquantes) {
        List<String> raisons = new ArrayList<>();
        if (pieces > 0) {
            raisons.add(Fr.compte(pieces, piece, piecesAuPluriel));
        }
        if (anomaliesBloquantes > 0) {
            raisons.add(Fr.compte(anomaliesBloquantes, "anomalie bloquante", "anomalies bloquantes"));
        }
        return String.join(" et ", raisons);
    }

    private static long compter(JsonNode liste, Predicate<JsonNode> condition) {
        long n = 0;
        for (JsonNode e : liste) {
            if (condition.test(e)) {
                n++;
            }
        }
        return n;
    }

    private static long manquantes(JsonNode r) {
        return compter(r.path("piecesRequises"), p -> "MANQUANTE".equals(p.path("statut").asString("")));
    }

    private static void pieces(PagesPdf pages, JsonNode r) {
        JsonNode requises = r.path("piecesRequises");
        long manquantes = manquantes(r);
        pages.intertitre("Pièces requises : " + requises.size() + (manquantes == 0 ? ", toutes fournies"
                : ", dont " + Fr.compte(manquantes, "manquante", "manquantes")));
        for (JsonNode p : requises) {
            boolean manque = "MANQUANTE".equals(p.path("statut").asString(""));
            String etat = (manque ? "Manquante" : "Fournie") + (p.path("bloquante").asBoolean() ? ", bloquante" : "");
            StringBuilder texte = new StringBuilder(p.path("libelle").asString("") + " (" + p.path("code").asString("") + ")");
            if (manque && !p.path("attendus").asString("").isEmpty()) {
                // What to bring, for the piece still to bring; a provided one needs no reminder.
                texte.append("\nAttendu : ").append(p.path("attendus").asString(""));
            }
            if (manque && !p.path("modele").asString("").isEmpty()) {
                texte.append("\nModèle : ").append(p.path("modele").asString(""));
            }
            texte.append("\nDemandée par ").append(motifs(p.path("motifs")));
            pages.ligneEtiquetee(etat, texte.toString(), COLONNE);
        }
        JsonNode ecartees = r.path("piecesEcartees");
        if (!ecartees.isEmpty()) {
            pages.intertitre("Pièces écartées par le territoire");
            for (JsonNode p : ecartees) {
                pages.ligneEtiquetee(p.path("code").asString(""), "écartée par " + motifs(p.path("motifs")), COLONNE);
            }
        }
    }

    private static void anomalies(PagesPdf pages, Contenu c, JsonNode r) {
        JsonNode anomalies = r.path("anomalies");
        pages.intertitre(anomalies.isEmpty() ? "Anomalies : aucune" : "Anomalies (" + anomalies.size() + ")");
        int imprimees = 0;
        for (JsonNode a : anomalies) {
            if (imprimees++ == ANOMALIES_IMPRIMEES) {
                pages.paragraphe("… et " + Fr.compte(anomalies.size() - ANOMALIES_IMPRIMEES, "autre anomalie", "autres anomalies")
                        + ", que donne l'évaluation en JSON" + (c.conservee() ? " (GET /api/v1/evaluations/" + c.id() + ")" : "") + ".");
                break;
            }
            String champ = a.path("champ").asString("");
            pages.ligneEtiquetee(a.path("gravite").asString(""), a.path("message").asString("") + " (" + a.path("code").asString("")
                    + (champ.isEmpty() ? "" : ", champ " + champ) + ")", COLONNE);
        }
    }

    private static void maturite(PagesPdf pages, JsonNode m) {
        pages.intertitre("Maturité : " + m.path("score").asInt() + " / 100, " + Libelles.maturite(m.path("niveau").asString("")));
        for (JsonNode d : m.path("dimensions")) {
            String explication = d.path("explication").asString("");
            pages.ligneEtiquetee(Fr.nombre(d.path("points").asDouble(), 2) + " / " + Fr.nombre(d.path("maximum").asDouble(), 0),
                    d.path("libelle").asString("") + (explication.isEmpty() ? "" : " : " + explication), COLONNE);
        }
        JsonNode etapes = m.path("prochainesEtapes");
        if (!etapes.isEmpty()) {
            pages.intertitre("Prochaines étapes");
            int i = 1;
            for (JsonNode e : etapes) {
                pages.ligneEtiquetee(i++ + ".", e.asString(""), 20);
            }
        }
    }

    private static void regles(PagesPdf pages, Contenu c, JsonNode r) {
        pages.intertitre("Règles appliquées et reçu");
        // Small enough for a sha256 to hold on one line: a receipt is compared, or copied, whole.
        for (JsonNode p : r.path("territoire").path("packs")) {
            pages.paragraphe(p.path("id").asString("") + "@" + p.path("version").asString("") + " : " + p.path("empreinte").asString(""),
                    PagesPdf.Style.NORMAL, 8, 0);
        }
        pages.espace(4);
        pages.paragraphe("Reçu : " + c.empreinte(), PagesPdf.Style.GRAS, 8, 0);
        pages.espace(4);
        String scelle = "Le reçu scelle le dossier tel qu'évalué, les versions des règles et ce résultat : un même dossier "
                + "évalué avec les mêmes règles donne toujours le même reçu. ";
        pages.paragraphe(scelle + (c.conservee() ? "Pour le vérifier : GET /api/v1/evaluations/" + c.id() + "/verification."
                : "Cette évaluation n'est pas conservée : évaluer de nouveau le même dossier à la même date de référence, avec "
                + "les mêmes versions des règles, redonne ce reçu. Seul un dépôt dans Harmonie prouve ce qui a été déposé."),
                PagesPdf.Style.NORMAL, 9, 0);
    }

    private static String motifs(JsonNode motifs) {
        List<String> textes = new ArrayList<>();
        for (JsonNode o : motifs) {
            String reference = o.path("reference").asString("");
            textes.add(o.path("regle").asString("") + " (" + o.path("pack").asString("") + ")" + (reference.isEmpty() ? "" : ", " + reference));
        }
        return String.join(" ; ", textes);
    }

    private static String logements(JsonNode lots) {
        Map<String, Integer> parProduit = new TreeMap<>();
        int total = 0;
        for (JsonNode lot : lots) {
            int n = lot.path("logements").size();
            parProduit.merge(lot.path("produit").asString(""), n, Integer::sum);
            total += n;
        }
        List<String> details = new ArrayList<>();
        parProduit.forEach((produit, n) -> details.add(Libelles.produit(produit) + " " + n));
        return Fr.compte(total, "logement", "logements") + (details.isEmpty() ? "" : " (" + String.join(", ", details) + ")");
    }

    /** The document's title names the dossier by its reference, or by its operation's name when it has none. */
    private static String referenceOuNom(JsonNode reference, String nom) {
        String ref = reference.asString("");
        return ref.isEmpty() ? nom : ref;
    }
}
