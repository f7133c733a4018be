package fr.harmonie.territoires;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.harmonie.catalogue.CataloguePieces;
import fr.harmonie.parametres.Parametre;
import fr.harmonie.parametres.ParametresDates;
import fr.harmonie.parametres.ValeurDatee;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Vérifie les packs au chargement (et donc dans le build): une erreur empêche le service de démarrer ou un
 * rechargement d'aboutir, et son message nomme le pack, le fichier et, quand on la connaît, la ligne.
 */
final class LintPacks {

    private static final List<String> DIMENSIONS = List.of("FONCIER", "URBANISME", "FINANCEMENT", "COMPLETUDE", "QUALITE");

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
                continue;
            }
            Set<LocalDate> dates = new HashSet<>();
            for (Pack p : e.getValue()) {
                String ou = "pack " + p.reference() + ", ";
                if (!dates.add(p.manifeste().validFrom())) {
                    erreurs.add(ou + "pack.yaml : deux versions de « " + p.id() + " » commencent le " + p.manifeste().validFrom());
                }
                verifierManifeste(registre, p, ou, erreurs);
                verifierParent(registre, p, ou, erreurs);
                verifierSurcharges(registre, p, ou, erreurs, gravitesEcrites);
            }
        }
        verifierChevauchements(registre, erreurs);
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
        if (!p.fichiers().fichiers().containsKey("README.md")) {
            erreurs.add(ou + "README.md absent : dire en français ce que le pack change et pourquoi");
        }
    }

    /**
     * A pack sits under a less specific one, and where it is: a DDT of the Isère filed under Normandie (its parent
     * copied from a Norman pack), or under the socle directly, would give Grenoble a chain without the rules of
     * Auvergne-Rhône-Alpes, without a word. A DDT lies within its region, and the region whose perimeter holds a
     * pack's communes is in its chain (a délégataire's may skip the DDT, whose place it takes for its communes). A
     * délégataire shares communes with its parent, but may reach beyond it: 89 EPCI span several départements (the
     * Métropole du Grand Paris six, Aix-Marseille-Provence three), and the communes beyond can only follow one chain.
     */
    private static void verifierParent(RegistrePacks registre, Pack p, String ou, List<String> erreurs) {
        String idParent = p.manifeste().parent();
        List<Pack> versions = registre.versionsParId().get(idParent);
        int niveau = RegistrePacks.NIVEAUX.indexOf(p.manifeste().niveau());
        if (versions == null || niveau < 0) {
            return; // an unknown parent or level is said by verifierManifeste
        }
        boolean delegataire = p.manifeste().niveau().equals("DELEGATAIRE");
        // A code no commune bears is said by verifierManifeste.
        TreeSet<String> connues = new TreeSet<>(registre.communes(p));
        connues.removeIf(c -> registre.geographie().commune(c) == null);
        if (!idParent.equals(RegistrePacks.NATIONAL)) {
            List<Pack> enMemeTemps = versions.stream().filter(v -> seRecouvrent(p, v)).toList();
            for (Pack v : enMemeTemps.isEmpty() ? List.of(versions.get(versions.size() - 1)) : enMemeTemps) {
                int niveauParent = RegistrePacks.NIVEAUX.indexOf(v.manifeste().niveau());
                if (niveauParent >= 0 && niveauParent <= niveau) {
                    erreurs.add(ou + "pack.yaml : parent « " + idParent + " » de niveau " + v.manifeste().niveau() + " : un pack de niveau "
                            + p.manifeste().niveau() + " se range sous un niveau moins précis (un délégataire sous une DDT ou"
                            + " une région, une DDT sous une région, une région sous le socle, parent: national)");
                    return;
                }
            }
            // With no version of the parent in force meanwhile, the chain skips that level (its trace says so).
            if (!enMemeTemps.isEmpty()) {
                Set<String> couvertes = new HashSet<>();
                enMemeTemps.forEach(v -> couvertes.addAll(registre.communes(v)));
                TreeSet<String> dehors = new TreeSet<>(connues);
                dehors.removeAll(couvertes);
                boolean aucuneEnCommun = dehors.size() == connues.size();
                if (!dehors.isEmpty() && (!delegataire || aucuneEnCommun)) {
                    erreurs.add(ou + "pack.yaml : " + (aucuneEnCommun ? "aucune commune du périmètre n'est" : dehors.size()
                            + " commune(s) du périmètre ne sont pas") + " dans celui du parent « " + idParent + " » (département(s) "
                            + departements(registre, dehors) + ") : elles y recevraient les règles de « " + idParent
                            + " », et non celles de leur territoire ; vérifier parent et périmètre");
                    return;
                }
            }
        }
        Set<String> chaine = new HashSet<>();
        for (String id = idParent; id != null && !id.equals(RegistrePacks.NATIONAL) && chaine.add(id); ) {
            List<Pack> v = registre.versionsParId().get(id);
            id = v == null ? null : v.get(v.size() - 1).manifeste().parent();
        }
        Map<String, TreeSet<String>> horsChaine = new TreeMap<>();
        for (String c : connues) {
            for (Pack q : registre.packsParCommune().getOrDefault(c, List.of())) {
                // Only a region: a délégataire's communes leave its DDT, whose rules are the délégataire's to set.
                if (q.manifeste().niveau().equals("REGION") && niveau < RegistrePacks.NIVEAUX.indexOf("REGION")
                        && !chaine.contains(q.id()) && seRecouvrent(p, q)) {
                    horsChaine.computeIfAbsent(q.id(), k -> new TreeSet<>()).add(c);
                }
            }
        }
        horsChaine.forEach((id, communes) -> {
            if (!delegataire || communes.size() == connues.size()) {
                erreurs.add(ou + "pack.yaml : " + communes.size() + " commune(s) du périmètre (département(s) "
                        + departements(registre, communes) + ") sont dans celui de « " + id + " », qui n'est pas dans sa chaîne"
                        + " (parent: " + idParent + ") : elles perdraient les règles de « " + id + " » ; le nommer en parent");
            }
        });
    }

    private static String departements(RegistrePacks registre, Set<String> communes) {
        return communes.stream().map(c -> registre.geographie().commune(c).departement()).distinct().sorted()
                .collect(Collectors.joining(", "));
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
        CataloguePieces catalogue = CataloguePieces.VIDE;
        for (Pack parent : parents) {
            catalogue = catalogue.complete(parent.catalogue());
        }
        catalogue = catalogue.complete(p.catalogue());
        for (Surcharges.AjoutPiece a : s.pieces()) {
            exiger(a.id(), a.motif(), a.source(), ou, erreurs);
            if (!catalogue.connait(a.code())) {
                erreurs.add(ou + "surcharges.yaml : " + a.id() + " demande la pièce « " + a.code() + " », inconnue du catalogue de la chaîne");
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
            if (codesDesRegles.containsKey(a.code())) {
                // A code keeps its meaning: a client that reads COURRIER_NON_SIGNE acts on an unsigned letter.
                erreurs.add(ou + "surcharges.yaml : " + a.id() + " prend le code « " + a.code() + " », celui de l'anomalie que pose "
                        + codesDesRegles.get(a.code()) + " : un avis de calendrier a un code à lui (comme DEPOT_TARDIF), car un"
                        + " code garde son sens pour ceux qui le lisent");
            }
            if (a.mois().isEmpty() || a.mois().stream().anyMatch(mois -> mois < 1 || mois > 12)) {
                erreurs.add(ou + "surcharges.yaml : " + a.id() + " ne s'appliquerait jamais (mois vides ou hors de 1 à 12)");
            } else if (a.mois().stream().noneMatch(moisDuPack(p)::contains)) {
                erreurs.add(ou + "surcharges.yaml : " + a.id() + " ne s'appliquerait jamais (mois " + a.mois() + " hors de la validité du pack, du "
                        + p.manifeste().validFrom() + " au " + p.manifeste().validUntil() + ")");
            }
        }
        for (Surcharges.AnomalieDeclaree a : s.anomalies()) {
            exiger(a.id(), a.motif(), a.source(), ou, erreurs);
        }
        verifierParametres(registre, p, parents, ou, erreurs);
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
            parent.surcharges().gravites().forEach(r -> relevees.merge(r.code(), r.gravite(), (a, b) -> b.plusGraveQue(a) ? b : a));
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

    private static void exiger(String id, String motif, String source, String ou, List<String> erreurs) {
        if (id == null || motif == null || motif.isBlank() || source == null || source.isBlank()) {
            erreurs.add(ou + "surcharges.yaml : chaque surcharge a un id, un motif et une source (" + id + ")");
        }
    }

    /** Resserrer, jamais desserrer; repondérer la maturité à total constant. */
    private static void verifierParametres(RegistrePacks registre, Pack p, List<Pack> parents, String ou, List<String> erreurs) {
        for (Parametre t : p.parametres().propres().values()) {
            Parametre national = registre.national().parametres().propres().get(t.cle());
            if (national == null) {
                erreurs.add(ou + "parametres : « " + t.cle() + " » n'existe pas dans le socle");
                continue;
            }
            boolean poids = t.cle().startsWith("maturite.poids.");
            if (national.sens() == null && !poids) {
                erreurs.add(ou + "parametres : « " + t.cle() + " » ne peut pas être surchargé par un territoire");
                continue;
            }
            for (ValeurDatee v : t.valeurs()) {
                if (v.motif() == null || v.motif().isBlank()) {
                    erreurs.add(ou + "parametres : « " + t.cle() + " » au " + v.depuis() + " : surcharge sans motif");
                }
                if (p.manifeste().validUntil() != null && v.depuis().isAfter(p.manifeste().validUntil())) {
                    erreurs.add(ou + "parametres : « " + t.cle() + " » au " + v.depuis() + " ne s'appliquerait jamais (après la fin du pack)");
                }
                if (poids) {
                    if (v.valeur() < 0) {
                        // Its dossiers would lose points as they progress: the maturity must never go down then.
                        erreurs.add(ou + "parametres : « " + t.cle() + " » au " + v.depuis() + " : poids négatif (" + v.valeur()
                                + ") ; un dossier perdrait des points en progressant");
                    }
                    continue;
                }
                var parent = parents.isEmpty() ? null : ChaineCompilee.parametresDe(parents).valeur(t.cle(), v.depuis());
                if (parent != null && ("plafond".equals(national.sens()) ? v.valeur() > parent.valeur() : v.valeur() < parent.valeur())) {
                    erreurs.add(ou + "parametres : « " + t.cle() + " » desserré au " + v.depuis() + " (" + v.valeur()
                            + " au lieu de " + parent.valeur() + ", " + national.sens() + ") : un territoire ne peut que resserrer");
                }
            }
        }
        if (p.parametres().propres().keySet().stream().anyMatch(k -> k.startsWith("maturite.poids."))) {
            ParametresDates chaine = ChaineCompilee.parametresDe(avec(parents, p));
            // At the pack's start and on each day one of its weights starts or stops: 100 on each day it serves.
            TreeSet<LocalDate> dates = new TreeSet<>(List.of(p.manifeste().validFrom()));
            p.parametres().propres().values().stream().filter(t -> t.cle().startsWith("maturite.poids."))
                    .flatMap(t -> t.valeurs().stream())
                    .flatMap(v -> v.jusqua() == null ? Stream.of(v.depuis()) : Stream.of(v.depuis(), v.jusqua().plusDays(1)))
                    .filter(d -> d.isAfter(p.manifeste().validFrom())
                            && (p.manifeste().validUntil() == null || !d.isAfter(p.manifeste().validUntil())))
                    .forEach(dates::add);
            for (LocalDate date : dates) {
                double total = DIMENSIONS.stream().mapToDouble(d -> chaine.valeur("maturite.poids." + d, date).valeur()).sum();
                if (Math.abs(total - 100) > 1e-9) {
                    erreurs.add(ou + "parametres : les poids de maturité font " + total + " au lieu de 100"
                            + (date.equals(p.manifeste().validFrom()) ? "" : " à partir du " + date));
                    break;
                }
            }
        }
    }

    /**
     * Two packs of one level whose perimeters share communes while both in force. Read from the per-commune index rather
     * than by comparing every pair of packs' communes, which cost a third of a reload at France scale.
     */
    private static void verifierChevauchements(RegistrePacks registre, List<String> erreurs) {
        List<Pack> tous = registre.versionsParId().values().stream().flatMap(List::stream)
                .filter(p -> !p.id().equals(RegistrePacks.NATIONAL)).toList();
        Map<Pack, Integer> rang = new IdentityHashMap<>();
        tous.forEach(p -> rang.put(p, rang.size()));
        // Per pair, in the order of the packs (so the messages come in the order they always had): communes shared.
        Map<List<Integer>, TreeSet<String>> paires = new TreeMap<>(Comparator.<List<Integer>>comparingInt(l -> l.get(0))
                .thenComparingInt(l -> l.get(1)));
        for (Map.Entry<String, List<Pack>> e : registre.packsParCommune().entrySet()) {
            List<Pack> packs = e.getValue();
            for (int i = 0; i < packs.size(); i++) {
                for (int j = i + 1; j < packs.size(); j++) {
                    Pack a = packs.get(i);
                    Pack b = packs.get(j);
                    if (a.id().equals(b.id()) || !a.manifeste().niveau().equals(b.manifeste().niveau()) || !seRecouvrent(a, b)) {
                        continue;
                    }
                    int ra = rang.get(a);
                    int rb = rang.get(b);
                    paires.computeIfAbsent(List.of(Math.min(ra, rb), Math.max(ra, rb)), k -> new TreeSet<>()).add(e.getKey());
                }
            }
        }
        paires.forEach((paire, communes) -> {
            Pack a = tous.get(paire.get(0));
            erreurs.add("pack " + a.reference() + " et pack " + tous.get(paire.get(1)).reference() + ", pack.yaml : périmètres qui se chevauchent au niveau "
                    + a.manifeste().niveau() + " (" + communes.size() + " commune(s), dont " + communes.first() + ")");
        });
    }

    private static boolean seRecouvrent(Pack a, Pack b) {
        LocalDate finA = a.manifeste().validUntil() == null ? LocalDate.MAX : a.manifeste().validUntil();
        LocalDate finB = b.manifeste().validUntil() == null ? LocalDate.MAX : b.manifeste().validUntil();
        return !a.manifeste().validFrom().isAfter(finB) && !b.manifeste().validFrom().isAfter(finA);
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
        for (Pack p : lot.subList(1, lot.size())) {
            String ou = "pack " + p.reference() + ", ";
            Map<String, Surcharges.AnomalieDeclaree> declarees = new HashMap<>();
            p.surcharges().anomalies().forEach(a -> declarees.put(a.id(), a));
            Map<String, Set<Gravite>> ecrites = declarees.isEmpty() ? Map.of() : GravitesEcrites.parRegle(p);
            for (RegleCompilee r : compilee.regles().values()) {
                if (!r.origine().pack().equals(p.reference())) {
                    continue;
                }
                Surcharges.AnomalieDeclaree a = declarees.remove(r.id());
                if (a == null) {
                    erreurs.add(ou + r.fichier() + " : la règle " + r.id() + " n'est pas déclarée dans surcharges.yaml (anomalies)");
                } else {
                    verifierDeclaration(a, r, ecrites.get(r.id()), ou, erreurs);
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
     * The declaration is what lists the rule (pages, rules in force): it must say what the rule does. A rule that
     * computes its gravité ({@code ecrites} null) is taken at its word.
     */
    private static void verifierDeclaration(Surcharges.AnomalieDeclaree a, RegleCompilee r, Set<Gravite> ecrites, String ou, List<String> erreurs) {
        if (r.anomalie() != null && !r.anomalie().equals(a.code())) {
            erreurs.add(ou + r.fichier() + " : la règle " + r.id() + " pose « " + r.anomalie() + " » (@anomaliePosee), déclarée « " + a.code()
                    + " » dans surcharges.yaml");
        }
        if (ecrites != null && !ecrites.equals(EnumSet.of(a.gravite()))) {
            erreurs.add(ou + r.fichier() + " : la règle " + r.id() + " écrit la gravité "
                    + String.join(" ou ", ecrites.stream().map(Gravite::name).toList()) + ", déclarée " + a.gravite() + " dans surcharges.yaml");
        }
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

    private static List<Pack> avec(List<Pack> parents, Pack p) {
        List<Pack> l = new ArrayList<>(parents);
        l.add(p);
        return l;
    }
}
