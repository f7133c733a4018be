package fr.harmonie.territoires;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.harmonie.catalogue.CataloguePieces;
import fr.harmonie.catalogue.CodesProches;
import fr.harmonie.catalogue.EntreeCatalogue;
import fr.harmonie.json.DatesEnLettres;
import fr.harmonie.regles.ChaineCompilee;
import fr.harmonie.regles.CompilateurRegles;
import fr.harmonie.regles.GravitesEcrites;
import fr.harmonie.regles.Pack;
import fr.harmonie.regles.PackInvalideException;
import fr.harmonie.regles.RegleCompilee;
import fr.harmonie.regles.Surcharges;
import fr.harmonie.regles.cas.ExecuteurCas;
import fr.harmonie.regles.cas.LecteurCas;
import fr.harmonie.regles.faits.Gravite;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Vérifie les packs au chargement (et donc dans le build): une erreur empêche le service de démarrer ou un
 * rechargement d'aboutir, et son message nomme le pack, le fichier et, quand on la connaît, la ligne.
 */
final class LintPacks {

    /**
     * The lots whose rules passed, by their packs' hashes. The check of a lot depends on nothing but its packs' content,
     * so a reload need not compile again a lot that did not change: a new version of a pack joins the lot of its rank
     * (its pack's second version goes with the other second versions), and the France-scale lot of first versions,
     * about 6 s of a reload's 7 to 8 there, is left alone. A failed lot is not remembered: it fails again, with its
     * messages.
     */
    private static final Cache<String, Boolean> LOTS_VERIFIES = Caffeine.newBuilder().maximumSize(64).build();
    /** Lots compiled for their check since the start: what a reload costs, counted rather than timed. */
    private static final AtomicLong LOTS_COMPILES = new AtomicLong();

    private LintPacks() {
    }

    /**
     * {@code compilerLesRegles}: compile every territory pack's rules to check them (declared, with cases). Skipped only
     * for the packs inside the jar, which the build has checked so (the service loads them at start in its tests).
     */
    static void verifier(RegistrePacks registre, boolean compilerLesRegles) {
        List<String> erreurs = new ArrayList<>();
        Map<String, List<Pack>> versions = registre.versionsParId();
        // Parsing the national rules' text takes 20 to 40 ms: once per lint, however many packs raise a gravité.
        Map<String, Map<String, Set<Gravite>>> gravitesEcrites = new HashMap<>();
        for (Map.Entry<String, List<Pack>> e : versions.entrySet()) {
            if (e.getKey().equals(RegistrePacks.NATIONAL)) {
                // Its content is the build's own; only what no case would say plainly is checked here.
                e.getValue().forEach(n -> LintParametres.verifierPoidsDuSocle(n, "pack " + n.reference() + ", ", erreurs));
                continue;
            }
            LintVersions.verifier(e.getValue(), erreurs);
            for (Pack p : e.getValue()) {
                String ou = "pack " + p.reference() + ", ";
                verifierManifeste(registre, p, ou, erreurs);
                LintPerimetres.verifierParent(registre, p, ou, erreurs);
                verifierSurcharges(registre, p, ou, erreurs, gravitesEcrites);
            }
        }
        LintPerimetres.verifierChevauchements(registre, erreurs);
        if (erreurs.isEmpty() && compilerLesRegles) {
            verifierRegles(registre, erreurs);
        }
        if (!erreurs.isEmpty()) {
            throw new PackInvalideException(String.join("\n", erreurs));
        }
    }

    private static void verifierManifeste(RegistrePacks registre, Pack p, String ou, List<String> erreurs) {
        var m = p.manifeste();
        if (!RegistrePacks.NIVEAUX.contains(m.niveau())) {
            erreurs.add(ou + "pack.yaml : niveau « " + m.niveau() + " » inconnu (REGION, DEPARTEMENT ou DELEGATAIRE)");
        }
        if (m.parent() == null || !registre.versionsParId().containsKey(m.parent())) {
            erreurs.add(ou + "pack.yaml : parent « " + m.parent() + " » inconnu");
        }
        if (m.validUntil() != null && m.validUntil().isBefore(m.validFrom())) {
            erreurs.add(ou + "pack.yaml : validUntil précède validFrom, le pack ne s'appliquerait jamais");
        }
        if (m.perimetre().estVide()) {
            erreurs.add(ou + "pack.yaml : périmètre vide");
        }
        Geographie geo = registre.geographie();
        m.perimetre().departements().stream().filter(d -> !geo.departementExiste(d))
                .forEach(d -> erreurs.add(ou + "pack.yaml : département « " + d + " » inconnu"));
        m.perimetre().communes().stream().filter(c -> geo.commune(c) == null)
                .forEach(c -> erreurs.add(ou + "pack.yaml : commune « " + c + " » inconnue"));
        m.perimetre().epci().stream().filter(c -> geo.nomEpci(c) == null)
                .forEach(c -> erreurs.add(ou + "pack.yaml : EPCI « " + c + " » inconnu"));
        // What bailleurs and instructeurs read of a pack: its name in each resolution sentence, its sources, its README.
        if (m.libelle().isBlank()) {
            erreurs.add(ou + "pack.yaml : libellé vide : c'est le nom du territoire que lisent bailleurs et instructeurs"
                    + " (« commune 76540 (Rouen) → Métropole Rouen Normandie »)");
        }
        if (m.sources().stream().allMatch(String::isBlank)) {
            erreurs.add(ou + "pack.yaml : aucune source : citer les documents sur lesquels le pack s'appuie (document-cadre,"
                    + " arrêté, délibération), dans « sources »");
        }
        String readme = p.fichiers().texte("README.md");
        if (readme == null || readme.isBlank()) {
            erreurs.add(ou + "README.md " + (readme == null ? "absent" : "vide") + " : dire en français ce que le pack change et pourquoi");
        }
    }

    /**
     * Each override has an id of its own: motifs, traces and cases name it, and clients match on it. Two overrides
     * under one id (a block copied and not renamed) would answer to each other's cases, so that the second one would
     * pass the build with no case at all, and a motif could no longer say which one asked for a piece. An id taken
     * from a parent pack would be read as that pack's.
     */
    private static void verifierIdentifiants(Pack p, List<Pack> parents, String ou, List<String> erreurs) {
        Map<String, String> desParents = new HashMap<>();
        for (Pack parent : parents) {
            identifiantsParSorte(parent.surcharges()).values().forEach(ids -> ids.forEach(id -> desParents.putIfAbsent(id, parent.reference())));
        }
        Map<String, String> vus = new HashMap<>();
        for (Map.Entry<String, List<String>> e : identifiantsParSorte(p.surcharges()).entrySet()) {
            for (String id : e.getValue()) {
                String deja = vus.putIfAbsent(id, e.getKey());
                if (deja != null) {
                    erreurs.add(ou + "surcharges.yaml : l'identifiant « " + id + " » est porté deux fois (" + deja
                            + (deja.equals(e.getKey()) ? "" : " et " + e.getKey()) + ") : chaque surcharge a le sien, que"
                            + " citent ses motifs et ses cas");
                } else if (desParents.containsKey(id)) {
                    erreurs.add(ou + "surcharges.yaml : l'identifiant « " + id + " » est déjà celui d'une surcharge de "
                            + desParents.get(id) + " : en prendre un propre au pack");
                }
            }
        }
    }

    /** The ids of {@code s}, by the section of surcharges.yaml that holds them, in the file's order. */
    private static Map<String, List<String>> identifiantsParSorte(Surcharges s) {
        Map<String, List<String>> ids = new LinkedHashMap<>();
        ids.put("pieces", s.pieces().stream().map(Surcharges.AjoutPiece::id).filter(Objects::nonNull).toList());
        ids.put("ecarts", s.ecarts().stream().map(Surcharges.Ecart::id).filter(Objects::nonNull).toList());
        ids.put("anomalies", s.anomalies().stream().map(Surcharges.AnomalieDeclaree::id).filter(Objects::nonNull).toList());
        ids.put("gravites", s.gravites().stream().map(Surcharges.Rehaussement::id).filter(Objects::nonNull).toList());
        ids.put("calendrier", s.calendrier().stream().map(Surcharges.AvisCalendrier::id).filter(Objects::nonNull).toList());
        return ids;
    }

    private static void verifierSurcharges(RegistrePacks registre, Pack p, String ou, List<String> erreurs,
                                           Map<String, Map<String, Set<Gravite>>> gravitesEcrites) {
        Surcharges s = p.surcharges();
        List<Pack> parents = parents(registre, p);
        verifierIdentifiants(p, parents, ou, erreurs);
        Map<String, String> origines = new HashMap<>();
        CataloguePieces catalogue = CataloguePieces.VIDE;
        for (Pack parent : parents) {
            CataloguePieces avant = catalogue;
            parent.catalogue().entrees().stream().filter(e -> !avant.connait(e.code())).forEach(e -> origines.put(e.code(), parent.reference()));
            catalogue = catalogue.complete(parent.catalogue());
        }
        // The chain keeps the first entry of a code: a pack's own label or attendus for a piece its parents have
        // would be dropped without a word, and the bailleur would read the old ones.
        for (EntreeCatalogue e : p.catalogue().entrees()) {
            if (catalogue.connait(e.code())) {
                erreurs.add(ou + "catalogue/pieces.csv : la pièce « " + e.code() + " » est déjà au catalogue de "
                        + origines.get(e.code()) + " : un pack ajoute des pièces nouvelles, il ne change ni le libellé ni les"
                        + " attendus d'une pièce de sa chaîne (son entrée serait ignorée) ; la retirer, ou donner un code nouveau");
            }
        }
        catalogue = catalogue.complete(p.catalogue());
        for (Surcharges.AjoutPiece a : s.pieces()) {
            exiger(a.id(), a.motif(), a.source(), ou, erreurs);
            if (present(a.code(), a.id(), "code", "la pièce exigée, un code du catalogue", ou, erreurs) && !catalogue.connait(a.code())) {
                erreurs.add(ou + "surcharges.yaml : " + a.id() + " demande la pièce « " + a.code() + " », inconnue du catalogue de la chaîne"
                        + pieceVoulue(catalogue, a.code()));
            }
        }
        // Only waivers and raised gravités need the parents' rules: compiling that chain for every pack would
        // dominate the loading time of a France-scale set.
        List<RegleCompilee> reglesParents = new ArrayList<>();
        if (!s.ecarts().isEmpty() || !s.gravites().isEmpty()) {
            reglesParents.addAll(registre.chaine(parents).regles().values());
        }
        for (Surcharges.Ecart e : s.ecarts()) {
            exiger(e.id(), e.motif(), e.source(), ou, erreurs);
            if (!present(e.code(), e.id(), "code", "la pièce de la chaîne à écarter", ou, erreurs)) {
                continue;
            }
            List<RegleCompilee> exigeantes = reglesParents.stream().filter(r -> e.code().equals(r.piece())).toList();
            if (exigeantes.isEmpty()) {
                erreurs.add(ou + "surcharges.yaml : " + e.id() + " écarte « " + e.code() + " », qu'aucune règle de la chaîne n'exige");
            } else if (exigeantes.stream().noneMatch(RegleCompilee::derogeable)) {
                // Where some rules allow it and others not, the piece is waived only where every rule asking it does.
                erreurs.add(ou + "surcharges.yaml : " + e.id() + " écarte « " + e.code() + " », qu'aucune règle de la chaîne ne permet d'écarter ("
                        + String.join(", ", exigeantes.stream().map(RegleCompilee::id).sorted().toList()) + ")");
            }
        }
        Map<String, Set<Gravite>> posees = s.gravites().isEmpty() ? Map.of() : gravitesPosees(parents, reglesParents, gravitesEcrites);
        for (Surcharges.Rehaussement r : s.gravites()) {
            exiger(r.id(), r.motif(), r.source(), ou, erreurs);
            // « | », not « || »: a raise without code nor gravité is told both.
            if (!present(r.code(), r.id(), "code", "l'anomalie de la chaîne dont la gravité est relevée", ou, erreurs)
                    | !present(r.gravite(), r.id(), "gravite", "la gravité relevée (MINEURE, MAJEURE ou BLOQUANTE)", ou, erreurs)) {
                continue;
            }
            Set<Gravite> deja = posees.get(r.code());
            if (reglesParents.stream().noneMatch(x -> r.code().equals(x.anomalie()))) {
                erreurs.add(ou + "surcharges.yaml : " + r.id() + " relève la gravité de « " + r.code() + " », qu'aucune règle de la chaîne ne pose");
            } else if (deja != null && deja.stream().noneMatch(r.gravite()::plusGraveQue)) {
                erreurs.add(ou + "surcharges.yaml : " + r.id() + " ne relèverait jamais la gravité de « " + r.code()
                        + " » : la chaîne la pose déjà " + String.join(" ou ", deja.stream().map(Gravite::name).toList())
                        + ", et un territoire ne peut que relever une gravité");
            }
        }
        Map<String, String> codesDesRegles = new HashMap<>();
        if (!s.calendrier().isEmpty()) {
            for (Pack pack : avec(parents, p)) {
                GravitesEcrites.anomaliesPosees(pack).forEach((code, regle) -> codesDesRegles.putIfAbsent(code, regle + " (" + pack.reference() + ")"));
            }
        }
        for (Surcharges.AvisCalendrier a : s.calendrier()) {
            exiger(a.id(), a.motif(), a.source(), ou, erreurs);
            present(a.code(), a.id(), "code", "le code de l'avis (DEPOT_TARDIF, par exemple)", ou, erreurs);
            present(a.gravite(), a.id(), "gravite", "la gravité de l'avis (INFO, MINEURE, MAJEURE ou BLOQUANTE)", ou, erreurs);
            present(a.message(), a.id(), "message", "le texte que lit le bailleur", ou, erreurs);
            if (codesDesRegles.containsKey(a.code())) {
                // A code keeps its meaning: a client that reads COURRIER_NON_SIGNE acts on an unsigned letter.
                erreurs.add(ou + "surcharges.yaml : " + a.id() + " prend le code « " + a.code() + " », celui de l'anomalie que pose "
                        + codesDesRegles.get(a.code()) + " : un avis de calendrier a un code à lui (comme DEPOT_TARDIF), car un"
                        + " code garde son sens pour ceux qui le lisent");
            }
            if (a.du() != null || a.au() != null) {
                verifierPeriode(p, a, ou, erreurs);
            } else if (a.mois().isEmpty() || a.mois().stream().anyMatch(mois -> mois < 1 || mois > 12)) {
                erreurs.add(ou + "surcharges.yaml : " + a.id() + " ne s'appliquerait jamais (mois vides ou hors de 1 à 12 ;"
                        + " ou bien une période, du: 15/10 et au: 31/12)");
            } else if (a.mois().stream().noneMatch(moisDuPack(p)::contains)) {
                erreurs.add(ou + "surcharges.yaml : " + a.id() + " ne s'appliquerait jamais (mois " + a.mois() + " hors de la validité du pack, "
                        + p.manifeste().periode() + ")");
            }
        }
        for (Surcharges.AnomalieDeclaree a : s.anomalies()) {
            exiger(a.id(), a.motif(), a.source(), ou, erreurs);
            present(a.code(), a.id(), "code", "le code de l'anomalie que posent les règles du pack", ou, erreurs);
            present(a.gravite(), a.id(), "gravite", "la gravité que ses règles lui donnent (INFO, MINEURE, MAJEURE ou BLOQUANTE)", ou, erreurs);
        }
        LintParametres.verifier(registre, p, parents, ou, erreurs);
    }

    /**
     * A period of the year: both ends, each a day of the year, written as people write a deadline (15/10), and days
     * of it within the pack's validity. Months or a period, not both: which of the two would apply is not obvious.
     */
    private static void verifierPeriode(Pack p, Surcharges.AvisCalendrier a, String ou, List<String> erreurs) {
        String avis = ou + "surcharges.yaml : " + a.id();
        if (!a.mois().isEmpty()) {
            erreurs.add(avis + " donne à la fois des mois et une période (du, au) : l'un ou l'autre");
            return;
        }
        if (a.du() == null || a.au() == null) {
            erreurs.add(avis + " : une période a un premier jour et un dernier, « du » et « au » (du: 15/10, au: 31/12)");
            return;
        }
        for (String jour : List.of(a.du(), a.au())) {
            try {
                Surcharges.AvisCalendrier.jourDeLAnnee(jour);
            } catch (DateTimeException e) {
                MonthDay enLettres = DatesEnLettres.jour(jour);
                erreurs.add(avis + " : « " + jour + " » n'est pas un jour de l'année ; écrire jour/mois, "
                        + (enLettres == null ? "comme 15/10 pour le 15 octobre"
                                : String.format("ici %02d/%02d", enLettres.getDayOfMonth(), enLettres.getMonthValue())));
                return;
            }
        }
        LocalDate fin = p.manifeste().validUntil();
        for (LocalDate d = p.manifeste().validFrom(); d.isBefore(p.manifeste().validFrom().plusYears(1)) && (fin == null || !d.isAfter(fin));
             d = d.plusDays(1)) {
            if (a.couvre(d)) {
                return;
            }
        }
        erreurs.add(avis + " ne s'appliquerait jamais (du " + a.du() + " au " + a.au() + ", hors de la validité du pack, "
                + p.manifeste().periode() + ")");
    }

    /** The months a dossier's {@code dateReference} can fall in while the pack is in force. */
    private static Set<Integer> moisDuPack(Pack p) {
        Set<Integer> mois = new HashSet<>();
        LocalDate fin = p.manifeste().validUntil();
        for (LocalDate d = p.manifeste().validFrom().withDayOfMonth(1); mois.size() < 12 && (fin == null || !d.isAfter(fin)); d = d.plusMonths(1)) {
            mois.add(d.getMonthValue());
        }
        return mois;
    }

    /**
     * By anomaly code, the gravités the parent chain gives it: those its rules write, each raised by a parent's own
     * raise where that is graver. A code one of whose rules computes its gravité is left out: nothing can be said.
     */
    private static Map<String, Set<Gravite>> gravitesPosees(List<Pack> parents, List<RegleCompilee> regles,
                                                            Map<String, Map<String, Set<Gravite>>> gravitesEcrites) {
        Map<String, Set<Gravite>> parRegle = new HashMap<>();
        Map<String, Gravite> relevees = new HashMap<>();
        for (Pack parent : parents) {
            parRegle.putAll(gravitesEcrites.computeIfAbsent(parent.empreinte(), e -> GravitesEcrites.parRegle(parent)));
            parent.surcharges().gravites().stream().filter(r -> r.code() != null && r.gravite() != null)
                    .forEach(r -> relevees.merge(r.code(), r.gravite(), (a, b) -> b.plusGraveQue(a) ? b : a));
        }
        Map<String, Set<Gravite>> parCode = new HashMap<>();
        Set<String> calculees = new HashSet<>();
        for (RegleCompilee r : regles) {
            if (r.anomalie() == null) {
                continue;
            }
            Set<Gravite> ecrites = parRegle.get(r.id());
            if (ecrites == null) {
                calculees.add(r.anomalie());
                continue;
            }
            Gravite relevee = relevees.get(r.anomalie());
            for (Gravite g : ecrites) {
                parCode.computeIfAbsent(r.anomalie(), k -> EnumSet.noneOf(Gravite.class))
                        .add(relevee != null && relevee.plusGraveQue(g) ? relevee : g);
            }
        }
        calculees.forEach(parCode::remove);
        return parCode;
    }

    /**
     * What a surcharge acts on. Checked here rather than by the records, so that a misspelt key (« coode ») is still
     * told as the unknown key it is when the file is read; false when missing, for the checks that would use it.
     */
    private static boolean present(Object valeur, String id, String cle, String ce, String ou, List<String> erreurs) {
        if (valeur == null || valeur instanceof String texte && texte.isBlank()) {
            erreurs.add(ou + "surcharges.yaml : " + id + " n'a pas de « " + cle + " » : " + ce);
            return false;
        }
        return true;
    }

    private static void exiger(String id, String motif, String source, String ou, List<String> erreurs) {
        if (id == null || motif == null || motif.isBlank() || source == null || source.isBlank()) {
            erreurs.add(ou + "surcharges.yaml : chaque surcharge a un id, un motif et une source (" + id + ")");
        }
    }

    /**
     * Compiles the rules of all territory packs at once, in as few KieBases as there are versions of the most
     * versioned pack (two versions of a pack share a DRL package, so they cannot sit in one KieBase): one compilation
     * for a France-scale set instead of one per pack. Each pack's rules must compile, be declared, and have cases.
     */
    private static void verifierRegles(RegistrePacks registre, List<String> erreurs) {
        List<List<Pack>> lots = new ArrayList<>();
        for (Map.Entry<String, List<Pack>> e : registre.versionsParId().entrySet()) {
            if (e.getKey().equals(RegistrePacks.NATIONAL)) {
                continue;
            }
            for (int i = 0; i < e.getValue().size(); i++) {
                if (lots.size() <= i) {
                    lots.add(new ArrayList<>(List.of(registre.national())));
                }
                lots.get(i).add(e.getValue().get(i));
            }
        }
        for (List<Pack> lot : lots) {
            String cle = lot.stream().map(p -> p.reference() + "=" + p.empreinte()).collect(Collectors.joining(","));
            if (LOTS_VERIFIES.getIfPresent(cle) != null) {
                continue;
            }
            int avant = erreurs.size();
            verifierLot(lot, erreurs);
            if (erreurs.size() == avant) {
                LOTS_VERIFIES.put(cle, Boolean.TRUE);
            }
        }
    }

    static long lotsCompiles() {
        return LOTS_COMPILES.get();
    }

    private static void verifierLot(List<Pack> lot, List<String> erreurs) {
        LOTS_COMPILES.incrementAndGet();
        ChaineCompilee compilee;
        try {
            compilee = CompilateurRegles.compiler(lot);
        } catch (PackInvalideException e) {
            erreurs.add(e.getMessage());
            return;
        }
        for (Pack p : lot) {
            verifierAnomaliesPosees(p, compilee, erreurs);
        }
        for (Pack p : lot.subList(1, lot.size())) {
            String ou = "pack " + p.reference() + ", ";
            Map<String, Surcharges.AnomalieDeclaree> declarees = new HashMap<>();
            p.surcharges().anomalies().forEach(a -> declarees.put(a.id(), a));
            Map<String, Set<Gravite>> ecrites = GravitesEcrites.parRegle(p);
            Map<String, Set<String>> codesEcrits = GravitesEcrites.codesParRegle(p);
            for (RegleCompilee r : compilee.regles().values()) {
                if (!r.origine().pack().equals(p.reference())) {
                    continue;
                }
                Set<String> codes = codesEcrits.get(r.id());
                Surcharges.AnomalieDeclaree a = declarees.remove(r.id());
                if (a == null) {
                    erreurs.add(ou + r.fichier() + " : la règle " + r.id() + " n'est pas déclarée dans surcharges.yaml (anomalies) ;"
                            + " y ajouter, sous « anomalies: », " + declarationAEcrire(r, ecrites.get(r.id()), codes));
                } else {
                    verifierDeclaration(a, r, ecrites.get(r.id()), codes, ou, erreurs);
                }
            }
            declarees.keySet().forEach(id ->
                    erreurs.add(ou + "surcharges.yaml : l'anomalie déclarée " + id + " n'a pas de règle dans regles/"));
            try {
                ExecuteurCas.reglesSansCas(p, compilee.regles().values(), LecteurCas.lire(p)).forEach(m -> erreurs.add(ou + m));
            } catch (PackInvalideException e) {
                erreurs.add(e.getMessage());
            }
        }
    }

    /**
     * A rule's {@code @anomaliePosee} is what the lint reads to let a territory raise that anomaly's gravité and to keep
     * a calendar notice off its code: it must be a code the rule's consequence writes.
     */
    private static void verifierAnomaliesPosees(Pack p, ChaineCompilee compilee, List<String> erreurs) {
        Map<String, Set<String>> codesEcrits = GravitesEcrites.codesParRegle(p);
        for (RegleCompilee r : compilee.regles().values()) {
            Set<String> codes = codesEcrits.get(r.id());
            if (r.origine().pack().equals(p.reference()) && r.anomalie() != null && codes != null && !codes.contains(r.anomalie())) {
                erreurs.add("pack " + p.reference() + ", " + r.fichier() + " : la règle " + r.id() + " déclare poser « " + r.anomalie()
                        + " » (@anomaliePosee) mais sa conséquence pose " + guillemets(codes));
            }
        }
    }

    /** The entry that declares an undeclared rule, filled with what its DRL says (its @anomaliePosee, the gravité it writes). */
    private static String declarationAEcrire(RegleCompilee r, Set<Gravite> ecrites, Set<String> codes) {
        String code = r.anomalie() != null ? r.anomalie()
                : codes != null && codes.size() == 1 ? codes.iterator().next() : "<code de l'anomalie qu'elle pose>";
        String gravite = ecrites != null && ecrites.size() == 1 ? ecrites.iterator().next().name() : "<sa gravité>";
        return "« - { id: " + r.id() + ", code: " + code + ", gravite: " + gravite + ", motif: \"<pourquoi>\", source: \"<le texte"
                + " qui la fonde>\" } »";
    }

    /**
     * The declaration is what lists the rule (pages, rules in force): it must say what the rule does. A rule that
     * computes its gravité ({@code ecrites} null) is taken at its word.
     */
    private static void verifierDeclaration(Surcharges.AnomalieDeclaree a, RegleCompilee r, Set<Gravite> ecrites, Set<String> codes,
            String ou, List<String> erreurs) {
        if (a.code() == null || a.gravite() == null) {
            return; // said by verifierSurcharges
        }
        if (r.anomalie() != null && !r.anomalie().equals(a.code())) {
            erreurs.add(ou + r.fichier() + " : la règle " + r.id() + " pose « " + r.anomalie() + " » (@anomaliePosee), déclarée « " + a.code()
                    + " » dans surcharges.yaml");
        } else if (r.anomalie() == null && codes != null && !codes.contains(a.code())) {
            // Without @anomaliePosee, what the consequence writes is what clients will match on.
            erreurs.add(ou + r.fichier() + " : la règle " + r.id() + " pose " + guillemets(codes) + ", déclarée « " + a.code()
                    + " » dans surcharges.yaml");
        }
        if (ecrites != null && !ecrites.equals(EnumSet.of(a.gravite()))) {
            erreurs.add(ou + r.fichier() + " : la règle " + r.id() + " écrit la gravité "
                    + String.join(" ou ", ecrites.stream().map(Gravite::name).toList()) + ", déclarée " + a.gravite() + " dans surcharges.yaml");
        }
    }

    private static String guillemets(Set<String> codes) {
        return String.join(" et ", codes.stream().map(c -> "« " + c + " »").toList());
    }

    /** Les packs parents de p en vigueur à sa date d'effet, du socle national au parent direct. */
    static List<Pack> parents(RegistrePacks registre, Pack p) {
        List<Pack> chaine = new ArrayList<>();
        String parent = p.manifeste().parent();
        Set<String> vus = new HashSet<>();
        while (parent != null && !parent.equals(RegistrePacks.NATIONAL) && vus.add(parent)) {
            Pack pp = registre.enVigueur(parent, p.manifeste().validFrom());
            if (pp == null) {
                List<Pack> v = registre.versionsParId().getOrDefault(parent, List.of());
                parent = v.isEmpty() ? null : v.get(v.size() - 1).manifeste().parent();
            } else {
                chaine.add(0, pp);
                parent = pp.manifeste().parent();
            }
        }
        chaine.add(0, registre.national());
        return chaine;
    }

    static List<Pack> avec(List<Pack> parents, Pack p) {
        List<Pack> l = new ArrayList<>(parents);
        l.add(p);
        return l;
    }

    /**
     * What the author of a pack most likely meant by a piece code its chain does not know (a code of the catalogue
     * mistyped, or a SPLS code such as A01), else how to add a new piece: the pack's own catalogue.
     */
    private static String pieceVoulue(CataloguePieces catalogue, String code) {
        CodesProches.CodeProche proche = catalogue.codeProche(code);
        String ajout = "une pièce nouvelle s'ajoute au catalogue du pack, catalogue/pieces.csv"
                + " (colonnes code,libelle,attendus,reference,code_spls,modele)";
        if (proche == null) {
            return " ; " + ajout;
        }
        return (proche.codeSpls() ? " ; " + code + " est le code SPLS de la pièce « " + proche.code() + " », à exiger sous ce code"
                : " ; la pièce voulue est-elle « " + proche.code() + " » ?") + " (sinon, " + ajout + ")";
    }
}
