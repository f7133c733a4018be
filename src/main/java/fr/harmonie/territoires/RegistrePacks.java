package fr.harmonie.territoires;

import fr.harmonie.dossier.Dossier;
import fr.harmonie.regles.CacheDeChaines;
import fr.harmonie.regles.ChaineCompilee;
import fr.harmonie.regles.ChaineResolue;
import fr.harmonie.regles.CompilateurRegles;
import fr.harmonie.regles.Origine;
import fr.harmonie.regles.Pack;
import fr.harmonie.regles.ResolveurChaine;
import fr.harmonie.regles.faits.Localisation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Tous les packs chargés et vérifiés, et la résolution d'un dossier: la commune désigne le pack le plus spécifique
 * dont le périmètre la contient (délégataire, puis DDT, puis région), en vigueur à la date de référence; la chaîne
 * suit ensuite les parents jusqu'au socle national. Les chaînes compilées sont gardées en cache par suite de
 * versions. Immuable: un rechargement construit un nouveau registre.
 */
public final class RegistrePacks implements ResolveurChaine {

    public static final String NATIONAL = "national";
    /** The rule id of the trace lines that resolution writes (a level skipped for want of a version in force). */
    public static final String NOTE_RESOLUTION = "RESOLUTION";
    /** Du plus spécifique au plus général. */
    static final List<String> NIVEAUX = List.of("DELEGATAIRE", "DEPARTEMENT", "REGION");
    /** Enough to recognise one's commune: a postal code covers up to 46 of them (51300). */
    private static final int COMMUNES_NOMMEES = 5;

    private final Geographie geographie;
    private final Map<String, List<Pack>> versionsParId;
    private final Map<String, Set<String>> communesParPack;
    /** Per commune, the pack versions whose perimeter holds it, most specific level first: resolution is one lookup. */
    private final Map<String, List<Pack>> packsParCommune = new HashMap<>();
    private final CacheDeChaines chaines = new CacheDeChaines();
    private final Function<List<Pack>, ChaineCompilee> compilateur;

    public RegistrePacks(Pack national, List<Pack> territoriaux, Geographie geographie) {
        this(national, territoriaux, geographie, CompilateurRegles::compiler, true);
    }

    RegistrePacks(Pack national, List<Pack> territoriaux, Geographie geographie, Function<List<Pack>, ChaineCompilee> compilateur) {
        this(national, territoriaux, geographie, compilateur, true);
    }

    /** {@code compilerPourVerifier}: false only for packs whose rules the build has already compiled and checked. */
    RegistrePacks(Pack national, List<Pack> territoriaux, Geographie geographie, Function<List<Pack>, ChaineCompilee> compilateur,
                  boolean compilerPourVerifier) {
        this.compilateur = compilateur;
        this.geographie = geographie;
        Map<String, List<Pack>> parId = new LinkedHashMap<>();
        parId.put(NATIONAL, List.of(national));
        for (Pack p : territoriaux) {
            parId.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(p);
        }
        parId.replaceAll((id, versions) -> versions.stream()
                .sorted(Comparator.comparing((Pack p) -> p.manifeste().validFrom())).toList());
        this.versionsParId = Collections.unmodifiableMap(parId);
        Map<String, Set<String>> communes = new LinkedHashMap<>();
        for (Pack p : territoriaux) {
            communes.put(p.reference(), PerimetreResolu.communes(p.manifeste().perimetre(), geographie));
        }
        this.communesParPack = communes;
        for (Pack p : territoriaux) {
            for (String code : communes.get(p.reference())) {
                packsParCommune.computeIfAbsent(code, k -> new ArrayList<>()).add(p);
            }
        }
        packsParCommune.values().forEach(l -> l.sort(Comparator.comparingInt((Pack p) -> NIVEAUX.indexOf(p.manifeste().niveau()))
                .thenComparing(Pack::id)));
        LintPacks.verifier(this, compilerPourVerifier);
    }

    public Geographie geographie() {
        return geographie;
    }

    Map<String, List<Pack>> versionsParId() {
        return versionsParId;
    }

    /** Every version it serves, {@code id@version}: the national pack first, then each pack's versions by date. */
    public List<String> references() {
        return versionsParId.values().stream().flatMap(List::stream).map(Pack::reference).toList();
    }

    /** Per commune code, the territorial pack versions whose perimeter holds it, most specific level first. */
    Map<String, List<Pack>> packsParCommune() {
        return Collections.unmodifiableMap(packsParCommune);
    }

    Set<String> communes(Pack p) {
        return communesParPack.getOrDefault(p.reference(), Set.of());
    }

    /** Sa version la plus récente (la dernière en date d'effet): son libellé et son niveau d'aujourd'hui. */
    public Pack derniereVersion(String idPack) {
        List<Pack> versions = versionsParId.get(idPack);
        return versions.get(versions.size() - 1);
    }

    /** Les identifiants des packs servis, socle compris. */
    public Set<String> identifiants() {
        return Collections.unmodifiableSet(versionsParId.keySet());
    }

    /** Un pack de ce nom existe, socle compris (quelle que soit la version). */
    public boolean connait(String idPack) {
        return versionsParId.containsKey(idPack);
    }

    public Pack national() {
        return versionsParId.get(NATIONAL).get(0);
    }

    /** La version d'un pack en vigueur à une date, ou null. */
    public Pack enVigueur(String id, LocalDate date) {
        Pack trouve = null;
        for (Pack p : versionsParId.getOrDefault(id, List.of())) {
            if (p.manifeste().enVigueurLe(date)) {
                trouve = p;
            }
        }
        return trouve;
    }

    /**
     * Ce que trouve la résolution, avant toute compilation: la chaîne (le socle d'abord), la phrase qui dit comment,
     * ce qu'elle constate sur la commune et les niveaux sautés faute de version en vigueur.
     */
    public record Resolution(List<Pack> packs, String phrase, Localisation localisation, List<Origine> notes) { }

    @Override
    public ChaineResolue resoudre(Dossier dossier) {
        Resolution r = resolution(dossier);
        return new ChaineResolue(chaine(r.packs()), r.phrase(), r.localisation(), r.notes());
    }

    /**
     * Ce que la résolution constate sur la commune, sans compiler de chaîne: pour rejouer un dossier sur une chaîne
     * figée ou scellée, qui n'est pas celle d'aujourd'hui.
     */
    public Localisation localiser(Dossier dossier) {
        return resolution(dossier).localisation();
    }

    /** Où mène une commune à une date, sans dossier ni territoire demandé: ce qu'une évaluation y trouverait. */
    public Resolution resoudreCommune(String codeInsee, LocalDate date) {
        return resolution(codeInsee, null, null, date);
    }

    /** What to type instead, when the unknown code is a postal code ("76000" for Rouen, whose INSEE code is 76540). */
    private String codePostal(String code) {
        List<Geographie.Commune> communes = geographie.communesDuCodePostal(code);
        if (communes.isEmpty()) {
            return "";
        }
        String liste = communes.stream().limit(COMMUNES_NOMMEES).map(c -> c.code() + " " + c.nom()).collect(Collectors.joining(", "))
                + (communes.size() > COMMUNES_NOMMEES ? " et " + (communes.size() - COMMUNES_NOMMEES) + " autres" : "");
        return " ; " + code + " est un code postal, pas un code INSEE ; "
                + (communes.size() == 1 ? "code INSEE de la commune" : "codes INSEE des communes") + " de ce code postal : " + liste;
    }

    /**
     * What to type instead, when a Corsican commune's code is written with the département's number, 20, in place of
     * 2A or 2B ("20004" for Ajaccio, 2A004): the way spreadsheets and systems that want digits only write it. In the
     * 2026 geography no two Corsican communes share their last three digits; were it to happen, both are named.
     */
    private String codeCorse(String code) {
        if (!code.startsWith("20")) {
            return "";
        }
        String communes = Stream.of("2A", "2B").map(departement -> geographie.commune(departement + code.substring(2)))
                .filter(Objects::nonNull).map(c -> c.code() + " " + c.nom()).collect(Collectors.joining(", "));
        return communes.isEmpty() ? ""
                : " ; en Corse, le code INSEE d'une commune commence par 2A (Corse-du-Sud) ou 2B (Haute-Corse), non par 20 : "
                        + communes;
    }

    /**
     * Saint-Barthélemy and Saint-Martin, communes of Guadeloupe until the loi organique n° 2007-223 made them collectivités
     * d'outre-mer, were coded 97123 and 97127; since 1 January 2008 they are 97701 and 97801 where five positions are
     * needed (Insee, « Codification des collectivités et territoires français d'outre-mer »). Old files still carry the
     * former codes, which are also postal codes of Guadeloupe (Baillif, La Désirade): both readings are given.
     */
    private static final Map<String, String> CODES_D_AVANT_2008 = Map.of("97123", "97701", "97127", "97801");

    private String codeDAvant2008(String code) {
        Geographie.Commune actuelle = CODES_D_AVANT_2008.containsKey(code) ? geographie.commune(CODES_D_AVANT_2008.get(code)) : null;
        return actuelle == null ? ""
                : " ; " + code + " était le code INSEE de " + actuelle.nom() + " quand elle était une commune de la Guadeloupe"
                        + " (jusqu'en 2007) ; collectivité d'outre-mer depuis, son code est " + actuelle.code();
    }

    /**
     * What to type instead, when the code is that of a former commune merged into a current one (76027, Assigny, now a
     * commune déléguée of 76618 Petit-Caux): its own code stays in the geography, but no current commune bears it.
     */
    private String communeRattachee(Geographie.CommuneRattachee r) {
        return r.code() + " est le code de la commune " + (r.rattachement().equals("DELEGUEE") ? "déléguée" : "associée") + " "
                + r.nom() + ", rattachée à " + r.commune().nom() + " selon le découpage administratif " + geographie.provenance()
                + " ; code INSEE de la commune actuelle : " + r.commune().code() + " " + r.commune().nom();
    }

    private Resolution resolution(Dossier dossier) {
        return resolution(dossier.operation().commune().codeInsee(), dossier.operation().commune().nom(), dossier.territoire(),
                dossier.dateReference());
    }

    private Resolution resolution(String code, String nomEcrit, String demande, LocalDate date) {
        Geographie.Commune commune = geographie.commune(code);
        List<Origine> notes = new ArrayList<>();
        String retard = geographie.enRetardSur(date);
        if (commune == null) {
            Geographie.CommuneRattachee rattachee = geographie.communeRattachee(code);
            String ailleurs = codeDAvant2008(code) + codePostal(code) + codeCorse(code);
            // A code that is neither a former commune's, a postal code nor a Corsican one may be that of a commune
            // created since.
            boolean peutEtreNouvelle = retard != null && rattachee == null && ailleurs.isEmpty();
            String explication = (rattachee != null ? communeRattachee(rattachee)
                    : "commune " + code + " inconnue du découpage administratif (" + geographie.provenance() + ")")
                    + ailleurs + (peutEtreNouvelle ? " ; " + retard : "");
            return new Resolution(List.of(national()), explication + " → socle national seul",
                    new Localisation(code, false, demande, true, explication, nomEcrit, null, false, retard), notes);
        }
        Pack specifique;
        boolean coherent = true;
        String explication = null;
        String resolution;
        if (demande != null) {
            List<Pack> versions = versionsParId.get(demande);
            if (versions == null) {
                coherent = false;
                String voulu = IdentifiantsDePacks.proche(demande, versionsParId.keySet());
                explication = "aucun pack territorial ne porte l'identifiant « " + demande + " »"
                        + (voulu == null ? "" : " ; le pack voulu est sans doute « " + voulu + " »");
                resolution = "territoire « " + demande + " » demandé, inconnu → socle national seul";
                specifique = national();
            } else {
                specifique = enVigueurOuParent(demande, date, notes, new HashSet<>());
                boolean enForce = specifique.id().equals(demande);
                // Without a version in force, the territory is still the one its latest version draws.
                Pack perimetre = enForce ? specifique : versions.get(versions.size() - 1);
                coherent = perimetre == national() || communes(perimetre).contains(code);
                Pack propre = coherent ? plusPreciseQue(perimetre, packsParCommune.getOrDefault(code, List.of()), date) : null;
                coherent &= propre == null;
                resolution = "territoire « " + demande + " » demandé"
                        + (enForce ? "" : ", sans version en vigueur le " + date) + " → "
                        + (!enForce && specifique == national() ? "socle national seul" : specifique.manifeste().libelle())
                        + (coherent ? "" : propre != null ? " (la commune " + code + " " + commune.nom() + " relève de "
                                + propre.manifeste().libelle() + ")"
                                : " (la commune " + code + " " + commune.nom() + " est hors de son périmètre)");
                if (propre != null) {
                    explication = "la commune " + code + " (" + commune.nom() + ") relève de « " + propre.id() + " » ("
                            + propre.manifeste().libelle() + "), plus précis : ses règles ne s'appliqueraient pas";
                } else if (!coherent) {
                    explication = "la commune " + code + " (" + commune.nom() + ") n'est pas dans le périmètre du territoire « " + demande + " »";
                }
            }
        } else {
            List<Pack> candidats = packsParCommune.getOrDefault(code, List.of());
            specifique = plusSpecifique(candidats, date, notes);
            resolution = "commune " + code + " (" + commune.nom() + ") → " + (specifique != null ? specifique.manifeste().libelle()
                    : candidats.isEmpty() ? "aucun pack territorial : socle national seul"
                    : "aucun pack territorial en vigueur le " + date + " : socle national seul");
            if (specifique == null) {
                specifique = national();
            }
        }
        List<Pack> chaine = chaineDe(specifique, date, notes);
        return new Resolution(chaine, resolution, new Localisation(code, true, demande, coherent, explication, nomEcrit,
                commune.nom(), !geographie.nomPossible(code, nomEcrit), retard), notes);
    }

    /**
     * The pack in force that serves the commune at a more specific level than {@code nomme}, or null. A commune has one
     * territory that manages it: naming a less specific one (the région, or the socle, for a commune of a délégataire)
     * would set aside that territory's rules, a blocking one included, and send the deposit to a service that does not
     * instruct the commune.
     */
    private Pack plusPreciseQue(Pack nomme, List<Pack> candidats, LocalDate date) {
        Pack propre = plusSpecifique(candidats, date, new ArrayList<>());
        if (propre == null || propre.id().equals(nomme.id())) {
            return null;
        }
        return nomme == national() || NIVEAUX.indexOf(propre.manifeste().niveau()) < NIVEAUX.indexOf(nomme.manifeste().niveau())
                ? propre : null;
    }

    /**
     * The first of the commune's packs (most specific level first) whose version in force holds the commune. A pack
     * with no version in force at the date is a level skipped, and the trace says so, as for a parent; unless another
     * pack of its level serves the commune (a délégation handed over to a successor): then no level was skipped.
     */
    private Pack plusSpecifique(List<Pack> candidats, LocalDate date, List<Origine> notes) {
        List<Pack> ignores = null; // on every evaluation, and nearly always empty: made only when a pack is out of force
        Pack trouve = null;
        for (Pack p : candidats) {
            Pack enVigueur = enVigueur(p.id(), date);
            if (enVigueur == p) {
                trouve = p;
                break;
            }
            if (enVigueur == null && (ignores == null || ignores.stream().noneMatch(i -> i.id().equals(p.id())))) {
                ignores = ignores == null ? new ArrayList<>() : ignores;
                ignores.add(p);
            }
        }
        if (ignores != null) {
            String niveau = trouve == null ? null : trouve.manifeste().niveau();
            ignores.stream().filter(i -> !i.manifeste().niveau().equals(niveau)).forEach(i -> notes.add(niveauIgnore(i.id(), date)));
        }
        return trouve;
    }

    private static Origine niveauIgnore(String id, LocalDate date) {
        return new Origine(NOTE_RESOLUTION, id, "aucune version du pack « " + id + " » en vigueur le " + date + " : niveau ignoré");
    }

    /** Du socle national au pack donné; un parent sans version en vigueur est sauté, et la trace le dit. */
    private List<Pack> chaineDe(Pack specifique, LocalDate date, List<Origine> notes) {
        List<Pack> chaine = new ArrayList<>();
        chaine.add(specifique);
        Set<String> vus = new HashSet<>();
        String parent = specifique.manifeste().parent();
        while (parent != null && !parent.equals(NATIONAL)) {
            Pack p = enVigueurOuParent(parent, date, notes, vus);
            if (p == national()) {
                break;
            }
            chaine.add(p);
            parent = p.manifeste().parent();
        }
        if (specifique != national()) {
            chaine.add(national());
        }
        Collections.reverse(chaine);
        return chaine;
    }

    /**
     * La version du pack {@code id} en vigueur à la date, ou à défaut celle du premier de ses parents qui en a une (le
     * socle au bout). Chaque niveau sauté est noté dans la trace; {@code vus} arrête un cycle de parents.
     */
    private Pack enVigueurOuParent(String id, LocalDate date, List<Origine> notes, Set<String> vus) {
        String courant = id;
        while (courant != null && !courant.equals(NATIONAL) && vus.add(courant)) {
            Pack p = enVigueur(courant, date);
            if (p != null) {
                return p;
            }
            notes.add(niveauIgnore(courant, date));
            List<Pack> versions = versionsParId.getOrDefault(courant, List.of());
            courant = versions.isEmpty() ? null : versions.get(versions.size() - 1).manifeste().parent();
        }
        return national();
    }

    /** La chaîne qu'applique un territoire à une date, et les niveaux sautés faute de version en vigueur. */
    public record ChaineEnVigueur(ChaineCompilee chaine, List<Origine> notes) { }

    /**
     * Ce qu'applique l'instructeur du territoire {@code id} à cette date: sa version en vigueur (à défaut celle d'un
     * parent) et ses parents jusqu'au socle, comme pour un dossier qui nomme ce territoire. Null si l'id est inconnu.
     */
    public ChaineEnVigueur enVigueurPour(String id, LocalDate date) {
        if (!versionsParId.containsKey(id)) {
            return null;
        }
        List<Origine> notes = new ArrayList<>();
        Pack specifique = enVigueurOuParent(id, date, notes, new HashSet<>());
        return new ChaineEnVigueur(chaine(chaineDe(specifique, date, notes)), List.copyOf(notes));
    }

    /** Chaque pack et ses versions, le socle d'abord puis par identifiant. */
    public List<List<Pack>> packs() {
        List<List<Pack>> packs = new ArrayList<>(versionsParId.values());
        packs.sort(Comparator.comparing((List<Pack> v) -> !v.get(0).id().equals(NATIONAL)).thenComparing(v -> v.get(0).id()));
        return packs;
    }

    /** Pour chaque version de chaque pack, la chaîne qui finit par elle (à sa date d'effet), le socle d'abord. */
    public List<List<Pack>> chainesDesPacks() {
        List<List<Pack>> chaines = new ArrayList<>();
        for (List<Pack> versions : versionsParId.values()) {
            for (Pack p : versions) {
                List<Pack> chaine = p.id().equals(NATIONAL) ? new ArrayList<>() : new ArrayList<>(LintPacks.parents(this, p));
                chaine.add(p);
                chaines.add(chaine);
            }
        }
        return chaines;
    }

    /** Les chaînes déjà compilées, chacune par les références {@code id@version} de ses packs. */
    public Set<List<String>> chainesCompilees() {
        return chaines.compilees();
    }

    /**
     * Reprend les chaînes compilées par {@code ancien} dont chaque pack est ici au même contenu (même empreinte): après
     * un rechargement, seules les chaînes d'un pack modifié se recompilent. Rend le nombre de chaînes reprises.
     */
    int reprendreChaines(RegistrePacks ancien) {
        return chaines.reprendre(ancien.chaines, c -> c.packs().stream().allMatch(this::contientALIdentique));
    }

    private boolean contientALIdentique(Pack pack) {
        return versionsParId.getOrDefault(pack.id(), List.of()).stream()
                .anyMatch(p -> p.reference().equals(pack.reference()) && p.empreinte().equals(pack.empreinte()));
    }

    /**
     * The chain of these versions, from this registry's cache, when it serves each of them with that content
     * ({@code empreintes}, in the same order as {@code references}); empty otherwise. A deposited dossier replayed on
     * the versions it was deposited with then shares the chain that today's dossiers use, instead of a second
     * compilation of the same packs (a second or so, and as much memory again).
     */
    public Optional<ChaineCompilee> chaineServie(List<String> references, List<String> empreintes) {
        if (references.size() != empreintes.size()) {
            return Optional.empty();
        }
        List<Pack> packs = new ArrayList<>(references.size());
        for (int i = 0; i < references.size(); i++) {
            String reference = references.get(i);
            String empreinte = empreintes.get(i);
            Optional<Pack> servi = versionsParId.getOrDefault(reference.substring(0, Math.max(0, reference.indexOf('@'))), List.of())
                    .stream().filter(p -> p.reference().equals(reference) && p.empreinte().equals(empreinte)).findFirst();
            if (servi.isEmpty()) {
                return Optional.empty();
            }
            packs.add(servi.get());
        }
        return Optional.of(chaine(packs));
    }

    /** Compilée une fois par suite de versions, puis servie depuis le cache. */
    public ChaineCompilee chaine(List<Pack> packs) {
        return chaines.obtenir(packs.stream().map(Pack::reference).toList(), () -> compilateur.apply(packs));
    }
}
