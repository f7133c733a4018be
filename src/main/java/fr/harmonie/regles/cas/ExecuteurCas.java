package fr.harmonie.regles.cas;

import fr.harmonie.dossier.Dossier;
import fr.harmonie.dossier.DossierInvalideException;
import fr.harmonie.dossier.LecteurDossier;
import fr.harmonie.evaluation.Evaluateur;
import fr.harmonie.evaluation.Resultat;
import fr.harmonie.json.Json;
import fr.harmonie.regles.ChaineCompilee;
import fr.harmonie.regles.ChaineResolue;
import fr.harmonie.regles.FichiersPack;
import fr.harmonie.regles.Origine;
import fr.harmonie.regles.Pack;
import fr.harmonie.regles.RegleCompilee;
import fr.harmonie.regles.ResolveurChaine;
import fr.harmonie.regles.Surcharges;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plays a pack's cases through the whole evaluation (schema validation included) on the chain that ends with that
 * pack, and checks that every rule of the pack has a case where it fires and one where it does not.
 */
public final class ExecuteurCas {

    private final ChaineCompilee chaine;
    private final LecteurDossier lecteur;
    private final Evaluateur evaluateur;
    private final ResolveurChaine resolveur;

    /**
     * {@code resolveur}: ce qui situe l'opération (commune connue, territoire cohérent); la chaîne, elle, reste
     * celle du pack dont on joue les cas.
     */
    public ExecuteurCas(ChaineCompilee chaine, LecteurDossier lecteur, ResolveurChaine resolveur) {
        this.chaine = chaine;
        this.lecteur = lecteur;
        this.resolveur = resolveur;
        this.evaluateur = new Evaluateur(d -> {
            ChaineResolue situee = resolveur.resoudre(d);
            return new ChaineResolue(chaine, "cas de règles", situee.localisation(), List.of());
        }, Clock.systemUTC());
    }

    /** Les règles et surcharges du pack le plus spécifique de la chaîne sans leurs deux cas. */
    public List<String> reglesSansCas(List<Cas> cas) {
        return reglesSansCas(chaine.plusSpecifique(), chaine.regles().values(), cas);
    }

    /**
     * Les règles et surcharges déclarées de {@code pack} sans cas « se déclenche » ou sans cas « ne se déclenche
     * pas », et les cas qui visent une règle inconnue. {@code regles}: les règles compilées, du pack et de sa chaîne.
     */
    public static List<String> reglesSansCas(Pack pack, java.util.Collection<RegleCompilee> regles, List<Cas> cas) {
        Set<String> declenche = new HashSet<>();
        Set<String> neDeclenchePas = new HashSet<>();
        for (Cas c : cas) {
            (c.declenche() ? declenche : neDeclenchePas).add(c.regle());
        }
        List<String> manques = new ArrayList<>();
        Map<String, String> aCouvrir = new java.util.TreeMap<>();
        for (RegleCompilee r : regles) {
            if (r.origine().pack().equals(pack.reference())) {
                aCouvrir.put(r.id(), r.fichier());
            }
        }
        Surcharges s = pack.surcharges();
        s.pieces().forEach(d -> aCouvrir.put(d.id(), "surcharges.yaml"));
        s.ecarts().forEach(d -> aCouvrir.put(d.id(), "surcharges.yaml"));
        s.gravites().forEach(d -> aCouvrir.put(d.id(), "surcharges.yaml"));
        s.calendrier().forEach(d -> aCouvrir.put(d.id(), "surcharges.yaml"));
        aCouvrir.forEach((id, fichier) -> {
            if (!declenche.contains(id)) {
                manques.add(id + " (" + fichier + ") n'a aucun cas où elle se déclenche" + casAEcrire(id, true));
            }
            if (!neDeclenchePas.contains(id)) {
                String pourTous = pourToutDossier(pack, id);
                manques.add(id + " (" + fichier + ") n'a aucun cas où elle ne se déclenche pas"
                        + (pourTous.isEmpty() ? casAEcrire(id, false) : pourTous));
            }
        });
        for (Cas c : cas) {
            boolean connue = aCouvrir.containsKey(c.regle()) || regles.stream().anyMatch(r -> r.id().equals(c.regle()));
            if (!connue) {
                manques.add(c.fichier() + " : le cas « " + c.nom() + " » vise " + c.regle() + ", règle inconnue de la chaîne");
            }
        }
        manques.sort(String::compareTo);
        return manques;
    }

    /**
     * The code whose gravité this rule raises, when it is a raise ({@code gravites} of a pack): the anomaly keeps the
     * origin of the rule that found it, so a case of the raise expects it by its code, not by its origin.
     */
    private String codeRelevePar(String regle) {
        for (Pack p : chaine.packs()) {
            for (Surcharges.Rehaussement g : p.surcharges().gravites()) {
                if (g.id().equals(regle)) {
                    return g.code();
                }
            }
        }
        return null;
    }

    /** What the case expects, as its author wrote it, in the words of the report. */
    private static String decrire(Cas.AnomalieAttendue a) {
        return a.code() + (a.gravite() == null ? "" : " " + a.gravite()) + (a.champ() == null ? "" : " au champ " + a.champ())
                + (a.message() == null ? "" : ", message contenant « " + a.message() + " »")
                + (a.regle() == null ? "" : ", posée par " + a.regle());
    }

    private static String decrire(Cas.PieceAttendue p) {
        return p.code() + (p.bloquante() == null ? "" : p.bloquante() ? " bloquante" : " non bloquante")
                + (p.statut() == null ? "" : " " + p.statut());
    }

    public EcartCas jouer(Cas cas) {
        List<String> ecarts = new ArrayList<>();
        JsonNode dossier = dossier(cas);
        String horsPeriode = horsDeLaPeriode(dossier);
        if (horsPeriode != null) {
            ecarts.add(horsPeriode);
        }
        Resultat r;
        Dossier lu;
        try {
            lu = lecteur.lire(Json.MAPPER.writeValueAsBytes(dossier));
            r = evaluateur.evaluer(lu);
        } catch (DossierInvalideException e) {
            return new EcartCas(cas, List.of("le dossier du cas n'est pas au contrat : " + e.violations().stream()
                    .map(v -> v.pointeur() + " : " + v.message()).collect(Collectors.joining(" ; "))));
        }
        boolean declenchee = r.trace().stream().anyMatch(o -> o.regle().equals(cas.regle()));
        if (declenchee != cas.declenche()) {
            ecarts.add(cas.declenche() ? cas.regle() + " ne s'est pas déclenchée"
                    : cas.regle() + " s'est déclenchée" + pourToutDossier(chaine.plusSpecifique(), cas.regle()) + horsDuPerimetre(lu));
        }
        String codeReleve = codeRelevePar(cas.regle());
        for (Cas.AnomalieAttendue a : cas.anomalies()) {
            boolean trouvee = r.anomalies().stream().anyMatch(x -> x.code().equals(a.code())
                    && (a.regle() == null ? x.origine().regle().equals(cas.regle()) || x.code().equals(codeReleve)
                            : x.origine().regle().equals(a.regle()))
                    && (a.gravite() == null || x.gravite().name().equals(a.gravite()))
                    && (a.champ() == null || a.champ().equals(x.champ()))
                    && (a.message() == null || x.message().contains(a.message())));
            if (!trouvee) {
                ecarts.add("anomalie attendue absente : " + decrire(a) + " ; relevées : " + r.anomalies().stream()
                        .map(x -> x.code() + " " + x.gravite() + " " + x.champ() + " « " + x.message() + " » ("
                                + x.origine().regle() + ")").toList());
            }
        }
        for (Cas.PieceAttendue p : cas.pieces()) {
            boolean trouvee = r.piecesRequises().stream().anyMatch(x -> x.code().equals(p.code())
                    && x.motifs().stream().map(Origine::regle).anyMatch(cas.regle()::equals)
                    && (p.bloquante() == null || x.bloquante() == p.bloquante())
                    && (p.statut() == null || x.statut().name().equals(p.statut())));
            if (!trouvee) {
                ecarts.add("pièce attendue absente : " + decrire(p) + " ; requises : " + r.piecesRequises().stream()
                        .map(x -> x.code() + (x.bloquante() ? " bloquante " : " ") + x.statut()).toList());
            }
        }
        for (Map.Entry<String, Double> m : cas.maturite().entrySet()) {
            var points = r.maturite().dimensions().stream().filter(d -> d.code().equals(m.getKey()))
                    .map(Resultat.Dimension::points).findFirst();
            if (points.isEmpty() || Math.abs(points.get() - m.getValue()) > 0.01) {
                ecarts.add("maturité " + m.getKey() + " : attendu " + m.getValue() + ", obtenu " + points.orElse(null));
            }
        }
        for (Map.Entry<String, String> e : cas.explications().entrySet()) {
            var explication = r.maturite().dimensions().stream().filter(d -> d.code().equals(e.getKey()))
                    .map(Resultat.Dimension::explication).findFirst();
            if (!explication.equals(Optional.of(e.getValue()))) {
                ecarts.add("explication " + e.getKey() + " : attendu « " + e.getValue() + " », obtenu "
                        + explication.map(x -> "« " + x + " »").orElse("aucune"));
            }
        }
        if (cas.score() != null && cas.score() != r.maturite().score()
                || cas.niveau() != null && !cas.niveau().equals(r.maturite().niveau().name())) {
            ecarts.add("maturité : attendu " + (cas.score() == null ? "" : "score " + cas.score() + " ")
                    + (cas.niveau() == null ? "" : cas.niveau()) + ", obtenu score " + r.maturite().score() + " "
                    + r.maturite().niveau());
        }
        if (cas.etapes() != null && !cas.etapes().equals(r.maturite().prochainesEtapes())) {
            ecarts.add("prochaines étapes : attendu " + cas.etapes() + ", obtenu " + r.maturite().prochainesEtapes());
        }
        return new EcartCas(cas, ecarts);
    }

    /**
     * Why the case's dossier is dated outside the version's own period, or null. Cases are played on the pack's chain
     * whatever their date, so such a case would pass while showing what no dossier ever meets: typically the cases of
     * a version copied to start the next year's, still dated in the old year. Only the version's own dates count: a
     * later version that takes over part of the period must not make the cases of a published one, which can no
     * longer change, fail. A case without a date would be judged on the day it is played, and its verdict would
     * change with the calendar.
     */
    private String horsDeLaPeriode(JsonNode dossier) {
        Pack pack = chaine.plusSpecifique();
        var m = pack.manifeste();
        JsonNode champ = dossier.get("dateReference");
        String pourquoi;
        LocalDate proposee = m.validFrom();
        if (champ == null || !champ.isString()) {
            pourquoi = "le dossier du cas n'a pas de dateReference : il serait jugé au jour où on le joue, et son verdict"
                    + " changerait avec le calendrier";
        } else {
            LocalDate date;
            try {
                date = LocalDate.parse(champ.asString());
            } catch (DateTimeParseException e) {
                return null; // the contract's validation names it
            }
            if (m.enVigueurLe(date)) {
                return null;
            }
            pourquoi = "le cas est daté du " + date + (date.isBefore(m.validFrom())
                    ? ", avant l'entrée en vigueur de " + pack.reference() + " (" + m.validFrom() + ")"
                    : ", après la fin de " + pack.reference() + " (" + m.validUntil() + ")")
                    + " : un dossier de cette date n'est jamais jugé par cette version";
            proposee = memeJourDansLaPeriode(date, m.validFrom(), m.validUntil());
        }
        return pourquoi + " ; dater le cas dans la période de " + pack.reference() + " (" + m.periode() + "), par exemple modifier:"
                + " { /dateReference: \"" + proposee + "\" }" + (proposee.equals(m.validFrom()) ? "" : " (le même jour de l'année)");
    }

    /**
     * The case's day and month in the first year of the period that holds them: a case copied from last year's version
     * (a December deposit, a June one) keeps what it shows when only its year moves. The period's first day when no year
     * does.
     */
    static LocalDate memeJourDansLaPeriode(LocalDate date, LocalDate debut, LocalDate fin) {
        LocalDate d = date.withYear(debut.getYear());
        if (d.isBefore(debut)) {
            d = date.withYear(debut.getYear() + 1);
        }
        return fin == null || !d.isAfter(fin) ? d : debut;
    }

    /** Whether {@code regle} is a compiled rule of the chain's most specific pack (not of a parent). */
    boolean estUneRegleDuPack(String regle) {
        RegleCompilee r = chaine.regles().values().stream().filter(x -> x.id().equals(regle)).findFirst().orElse(null);
        return r != null && r.origine().pack().equals(chaine.plusSpecifique().reference());
    }

    /** Evaluates a dossier on the chain, as a case is: for what the evaluation costs, not what it says. */
    void evaluer(JsonNode dossier) {
        evaluateur.evaluer(lecteur.lire(Json.MAPPER.writeValueAsBytes(dossier)));
    }

    /** The case's dossier: its base dossier, from the most specific pack that has it, with the case's changes. */
    JsonNode dossier(Cas cas) {
        if (cas.dossier() == null) {
            // The README's example shows a case alone; copied into a file of its own, it has no base dossier.
            throw new IllegalArgumentException(cas.fichier() + " : le cas ne dit pas de quel dossier il part ; écrire en tête"
                    + " du fichier « dossier: agrement » (ou « dossier: » dans le cas), avec l'un des dossiers de base de la"
                    + " chaîne : " + dossiersDeBase());
        }
        String texte = null;
        for (int i = chaine.packs().size() - 1; i >= 0 && texte == null; i--) {
            FichiersPack f = chaine.packs().get(i).fichiers();
            texte = f.texte("cas/" + cas.dossier() + ".json");
        }
        if (texte == null) {
            throw new IllegalArgumentException(cas.fichier() + " : dossier de base « cas/" + cas.dossier() + ".json » introuvable ;"
                    + " dossiers de base de la chaîne : " + dossiersDeBase());
        }
        JsonNode arbre = Json.MAPPER.readTree(texte);
        for (Map.Entry<String, Object> m : cas.modifier().entrySet()) {
            modifier(arbre, m.getKey(), Json.MAPPER.valueToTree(m.getValue()));
        }
        return arbre;
    }

    /** Where and how the missing case is written, so that an author new to packs need not look it up. */
    private static String casAEcrire(String id, boolean declenche) {
        return " (à écrire dans un fichier regles/*.cas.yaml du pack, sous « cas: » : « - regle: " + id
                + " », un « nom », les « modifier » du dossier de base, « declenche: " + declenche + " »)";
    }

    /** Why no case can show a piece addition without effect, when it applies to every dossier; else empty. */
    private static String pourToutDossier(Pack pack, String id) {
        boolean pourTous = pack.surcharges().pieces().stream().anyMatch(a -> a.id().equals(id) && a.pourToutDossier());
        return pourTous ? " : sans condition dans « quand », elle exige sa pièce de tout dossier, et aucun cas ne peut la"
                + " montrer sans effet ; dire dans « quand » les dossiers qui la doivent (phases, natures, produits,"
                + " typesHebergement), par exemple « quand: { phases: [AGREMENT] } »" : "";
    }

    /**
     * Why a case placed outside the pack's perimeter still sees the pack's rule fire: cases are played on the pack's
     * chain whatever the commune (the resolution has its own tests), so « not here » is shown by the dossier itself (its
     * phase, nature, products, date), not by moving the operation. Empty when the commune lies on the pack's chain.
     */
    private String horsDuPerimetre(Dossier dossier) {
        ChaineResolue situee = resolveur.resoudre(dossier);
        String pack = chaine.plusSpecifique().reference();
        if (situee.chaine().packs().stream().anyMatch(p -> p.reference().equals(pack))) {
            return "";
        }
        return " : les cas se jouent sur la chaîne de " + pack + " quelle que soit la commune du dossier (ici, « "
                + situee.resolution() + " ») ; montrer où la règle ne s'applique pas par le dossier lui-même (sa phase, sa"
                + " nature, ses produits, sa date…), non par sa commune";
    }

    /** The names a case may give as its base dossier: the {@code cas/*.json} of every pack of the chain. */
    private String dossiersDeBase() {
        Set<String> noms = new TreeSet<>();
        for (Pack p : chaine.packs()) {
            for (String chemin : p.fichiers().fichiers().keySet()) {
                if (chemin.startsWith("cas/") && chemin.endsWith(".json") && chemin.indexOf('/', 4) < 0) {
                    noms.add(chemin.substring(4, chemin.length() - 5));
                }
            }
        }
        return String.join(", ", noms);
    }

    /** Sets (or, with null, removes) the value at a JSON pointer; "-" appends to an array. */
    static void modifier(JsonNode racine, String pointeur, JsonNode valeur) {
        int coupure = pointeur.lastIndexOf('/');
        JsonNode parent = coupure <= 0 ? racine : racine.at(pointeur.substring(0, coupure));
        String cle = pointeur.substring(coupure + 1).replace("~1", "/").replace("~0", "~");
        boolean retirer = valeur == null || valeur.isNull();
        if (parent instanceof ObjectNode o) {
            if (retirer) {
                o.remove(cle);
            } else {
                o.set(cle, valeur);
            }
        } else if (parent instanceof ArrayNode a) {
            if (cle.equals("-")) {
                a.add(valeur);
            } else if (retirer) {
                a.remove(Integer.parseInt(cle));
            } else {
                a.set(Integer.parseInt(cle), valeur);
            }
        } else {
            throw new IllegalArgumentException("pointeur « " + pointeur + " » : pas d'objet ni de tableau à modifier");
        }
    }
}
