package fr.harmonie.territoires;

import fr.harmonie.dossier.FautesDeFrappe;
import fr.harmonie.json.Ressources;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Communes, EPCI, codes postaux et anciennes communes rattachées, tels que {@code scripts/geographie.sh} les a dérivés
 * du jeu de données ouvert: chaque fichier est vérifié contre l'empreinte de sa provenance au chargement, pour qu'une
 * retouche à la main se voie.
 */
public final class Geographie {

    public record Commune(String code, String nom, String departement, String region, String epci) { }

    /** The dossier contract's pattern for {@code operation.commune.codeInsee}. */
    private static final Pattern CODE_INSEE = Pattern.compile("([0-9]{2}|2A|2B)[0-9]{3}");

    /** Whether the text has the shape of a commune's INSEE code (the dossier contract's pattern), known or not. */
    public static boolean estUnCodeInsee(String texte) {
        return CODE_INSEE.matcher(texte).matches();
    }

    /**
     * The communes a name exactly designates (« Rouen », « saint-denis »): what someone typed a name for where an INSEE
     * code was asked.
     */
    public List<Commune> nommees(String nom) {
        String cherche = pourChercher(nom);
        return chercher(nom).stream().filter(t -> t.par() == null && pourChercher(t.commune().nom()).equals(cherche))
                .map(Trouvee::commune).toList();
    }

    /**
     * Une commune déléguée ou associée dont le code n'est plus celui d'une commune actuelle: l'ancienne commune d'une
     * fusion ({@code rattachement} DELEGUEE ou ASSOCIEE) et la commune actuelle qu'elle a rejointe.
     */
    public record CommuneRattachee(String code, String nom, String rattachement, Commune commune) { }

    /** A commune a search found, and the former commune whose name matched when it was not its own (else null). */
    public record Trouvee(Commune commune, CommuneRattachee par) { }

    /**
     * A name as one types it: no accent, no case, hyphens and apostrophes as spaces ("saint etienne"); {@code colle},
     * without its spaces, as one types it without the apostrophe or hyphens ("lhay").
     */
    private record NomCherche(String nom, String colle, Trouvee trouvee) {
        NomCherche(String nom, Trouvee trouvee) {
            this(nom, nom.replace(" ", ""), trouvee);
        }
    }

    private final Map<String, Commune> communes;
    private final Map<String, CommuneRattachee> communesRattachees;
    /** The former communes that joined each current one, by the current one's code. */
    private final Map<String, List<CommuneRattachee>> rattacheesParCommune = new HashMap<>();
    private final Map<String, String> nomsEpci;
    private final Map<String, List<String>> membresEpci;
    /** A perimeter names départements: without this index, each one would go through the 35 000 communes. */
    private final Map<String, List<String>> communesParDepartement;
    /** A postal code typed where the INSEE code goes is a common slip: this says which communes it meant. */
    private final Map<String, List<String>> communesParCodePostal;
    private final Map<String, List<String>> codesPostauxParCommune = new HashMap<>();
    /**
     * By typed name then code, so that one pass gives each group of a search already in order. Made at the first
     * search, not at load: the command line loads the geography for every dossier it evaluates and never searches.
     * Two first searches at once may both make it; they make the same list.
     */
    private volatile List<NomCherche> nomsCherches;
    private final String provenance;
    /** The year whose 1 January the dataset describes: communes created after that day are not in it. */
    private final int millesime;
    private final java.util.Set<String> regions = new java.util.HashSet<>();

    private Geographie(Map<String, Commune> communes, Map<String, String> nomsEpci, Map<String, List<String>> codesPostaux,
                       Map<String, CommuneRattachee> rattachees, String provenance, int millesime) {
        this.communes = Collections.unmodifiableMap(communes);
        this.communesRattachees = Collections.unmodifiableMap(rattachees);
        rattachees.values().stream().filter(r -> r.commune() != null)
                .forEach(r -> rattacheesParCommune.computeIfAbsent(r.commune().code(), k -> new ArrayList<>()).add(r));
        this.nomsEpci = Collections.unmodifiableMap(nomsEpci);
        this.communesParCodePostal = Collections.unmodifiableMap(codesPostaux);
        codesPostaux.forEach((cp, codes) -> codes.forEach(c -> codesPostauxParCommune.computeIfAbsent(c, k -> new ArrayList<>()).add(cp)));
        codesPostauxParCommune.values().forEach(Collections::sort);
        Map<String, List<String>> membres = new HashMap<>();
        for (Commune c : communes.values()) {
            if (!c.epci().isEmpty()) {
                membres.computeIfAbsent(c.epci(), e -> new ArrayList<>()).add(c.code());
            }
        }
        membres.values().forEach(Collections::sort);
        this.membresEpci = Collections.unmodifiableMap(membres);
        Map<String, List<String>> parDepartement = new HashMap<>();
        communes.values().forEach(c -> parDepartement.computeIfAbsent(c.departement(), d -> new ArrayList<>()).add(c.code()));
        this.communesParDepartement = Collections.unmodifiableMap(parDepartement);
        this.provenance = provenance;
        this.millesime = millesime;
        communes.values().forEach(c -> regions.add(c.region()));
    }

    public static Geographie chargerEmbarquee() {
        return charger(Ressources.texte("geo/communes.csv"), Ressources.texte("geo/epci.csv"),
                Ressources.texte("geo/codes-postaux.csv"), Ressources.texte("geo/communes-rattachees.csv"),
                Ressources.texte("geo/provenance.properties"));
    }

    static Geographie charger(String communesCsv, String epciCsv, String codesPostauxCsv, String rattacheesCsv, String provenance) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(provenance));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        verifier("communes.csv", communesCsv, p.getProperty("communes.csv.sha256"));
        verifier("epci.csv", epciCsv, p.getProperty("epci.csv.sha256"));
        verifier("codes-postaux.csv", codesPostauxCsv, p.getProperty("codes-postaux.csv.sha256"));
        verifier("communes-rattachees.csv", rattacheesCsv, p.getProperty("communes-rattachees.csv.sha256"));
        Map<String, Commune> communes = new HashMap<>();
        for (CSVRecord r : parse(communesCsv)) {
            communes.put(r.get("code"), new Commune(r.get("code"), r.get("nom"), r.get("departement"), r.get("region"), r.get("epci")));
        }
        Map<String, String> epci = new HashMap<>();
        for (CSVRecord r : parse(epciCsv)) {
            epci.put(r.get("code"), r.get("nom"));
        }
        Map<String, List<String>> codesPostaux = new HashMap<>();
        for (CSVRecord r : parse(codesPostauxCsv)) {
            codesPostaux.put(r.get("codePostal"), List.of(r.get("communes").split(" ")));
        }
        Map<String, CommuneRattachee> rattachees = new HashMap<>();
        for (CSVRecord r : parse(rattacheesCsv)) {
            rattachees.put(r.get("code"), new CommuneRattachee(r.get("code"), r.get("nom"), r.get("rattachement"),
                    communes.get(r.get("commune"))));
        }
        String millesime = p.getProperty("millesime", "");
        if (!millesime.matches("\\d{4}")) {
            throw new IllegalStateException("geo/provenance.properties ne dit pas le millésime du découpage (millesime=…) :"
                    + " le régénérer avec scripts/geographie.sh");
        }
        return new Geographie(communes, epci, codesPostaux, rattachees, p.getProperty("source") + "@" + p.getProperty("version"),
                Integer.parseInt(millesime));
    }

    public Commune commune(String code) {
        return communes.get(code);
    }

    /** Les communes (et arrondissements municipaux) qui portent ce code postal, par code INSEE; aucune sinon. */
    public List<Commune> communesDuCodePostal(String codePostal) {
        return communesParCodePostal.getOrDefault(codePostal, List.of()).stream().map(communes::get).toList();
    }

    /** L'ancienne commune, déléguée ou associée, qui porte ce code et la commune actuelle qu'elle a rejointe; null sinon. */
    public CommuneRattachee communeRattachee(String code) {
        return communesRattachees.get(code);
    }

    /** Les codes postaux d'une commune (aucun pour un code inconnu). */
    public List<String> codesPostaux(String codeInsee) {
        return List.copyOf(codesPostauxParCommune.getOrDefault(codeInsee, List.of()));
    }

    /**
     * Les communes dont le nom répond à ce qu'on a tapé, sans égard aux accents, à la casse, aux tirets ni aux
     * apostrophes: le nom exact d'abord, puis ceux qui commencent ainsi, puis ceux dont un mot commence ainsi
     * ("etienne" trouve Saint-Étienne, "St-Etienne" aussi), enfin ceux qui commencent ainsi une fois les mots collés
     * ("lhay" trouve L'Haÿ-les-Roses, "montsaintaignan" Mont-Saint-Aignan); par nom puis code dans chaque groupe,
     * chaque commune une fois. Le nom d'une ancienne commune déléguée ou associée trouve la commune qu'elle a
     * rejointe ("Assigny" trouve Petit-Caux).
     * Toutes: l'appelant en montre le début.
     */
    public List<Trouvee> chercher(String nom) {
        // "St-Étienne", "Ste Foy": the abbreviations one types, which no official name uses; "st" alone may begin Strasbourg.
        String cherche = pourChercher(nom).replaceAll("(^| )st (?=.)", "$1saint ").replaceAll("(^| )ste (?=.)", "$1sainte ");
        if (cherche.isEmpty()) {
            return List.of();
        }
        List<Trouvee> memeNom = new ArrayList<>();
        List<Trouvee> debut = new ArrayList<>();
        List<Trouvee> mot = new ArrayList<>();
        List<Trouvee> colle = new ArrayList<>();
        String motCherche = " " + cherche;
        String colleCherche = cherche.replace(" ", "");
        for (NomCherche n : nomsCherches()) {
            if (n.nom().equals(cherche)) {
                memeNom.add(n.trouvee());
            } else if (n.nom().startsWith(cherche)) {
                debut.add(n.trouvee());
            } else if (n.nom().contains(motCherche)) {
                mot.add(n.trouvee());
            } else if (n.colle().startsWith(colleCherche)) {
                colle.add(n.trouvee());
            }
        }
        Map<String, Trouvee> parCode = new LinkedHashMap<>();
        for (List<Trouvee> groupe : List.of(memeNom, debut, mot, colle)) {
            groupe.forEach(t -> parCode.putIfAbsent(t.commune().code(), t));
        }
        return List.copyOf(parCode.values());
    }

    private List<NomCherche> nomsCherches() {
        List<NomCherche> noms = nomsCherches;
        if (noms == null) {
            // Within a name, the current commune before a former one that bears the same name.
            noms = Stream.concat(
                            communes.values().stream().map(c -> new NomCherche(pourChercher(c.nom()), new Trouvee(c, null))),
                            communesRattachees.values().stream().map(r -> new NomCherche(pourChercher(r.nom()), new Trouvee(r.commune(), r))))
                    .sorted(Comparator.comparing(NomCherche::nom).thenComparing(n -> n.trouvee().par() != null)
                            .thenComparing(n -> n.trouvee().commune().code())).toList();
            nomsCherches = noms;
        }
        return noms;
    }

    static String pourChercher(String texte) {
        // Œ and Æ are letters of their own, which NFD leaves whole: "Cœuvres" is typed "coeuvres".
        String lie = texte.replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae");
        String sansAccent = Normalizer.normalize(lie, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return sansAccent.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
    }

    /** Words that tell no commune from another: articles, prepositions, Saint, Cedex, Arrondissement. */
    private static final Set<String> MOTS_COMMUNS = Set.of("le", "la", "les", "l", "d", "de", "du", "des", "en", "sur",
            "sous", "et", "lez", "aux", "au", "a", "saint", "sainte", "st", "ste", "cedex", "arrondissement");

    /**
     * Whether a name written in a dossier can be that of the commune its code designates: a word in common with its
     * official name or with that of a former commune that joined it, one or two letters mistyped ("Dijonn"), the words
     * run together ("Montsaintaignan"), articles, Saint, Cedex and numbers aside ("ROUEN CEDEX 1", "75015 Paris" for
     * the 15th arrondissement). Loose on purpose: it is there to see « Dijon » written on the code of Rouen, not to
     * correct spelling. True when the code designates no current commune (that is another anomaly) or no name is written.
     */
    public boolean nomPossible(String code, String nomEcrit) {
        Commune c = communes.get(code);
        if (c == null || nomEcrit == null || nomEcrit.equalsIgnoreCase(c.nom())) {
            return true; // the last one, the name copied from the official list, is nearly every dossier: no more work
        }
        Set<String> ecrits = mots(nomEcrit);
        if (ecrits.isEmpty()) {
            return true;
        }
        List<String> noms = new ArrayList<>(List.of(c.nom()));
        rattacheesParCommune.getOrDefault(code, List.of()).forEach(r -> noms.add(r.nom()));
        String colle = pourChercher(nomEcrit).replace(" ", "");
        for (String nom : noms) {
            if (memeMot(colle, pourChercher(nom).replace(" ", ""))) {
                return true;
            }
            for (String officiel : mots(nom)) {
                for (String ecrit : ecrits) {
                    if (memeMot(ecrit, officiel)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean memeMot(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int plusCourt = Math.min(a.length(), b.length());
        int tolere = plusCourt >= 9 ? 2 : plusCourt >= 5 ? 1 : 0;
        return tolere > 0 && Math.abs(a.length() - b.length()) <= tolere && FautesDeFrappe.distance(a, b) <= tolere;
    }

    private static Set<String> mots(String nom) {
        Set<String> mots = new HashSet<>(List.of(pourChercher(nom).split(" ")));
        mots.removeIf(m -> m.isEmpty() || MOTS_COMMUNS.contains(m) || m.chars().allMatch(Character::isDigit));
        return mots;
    }

    public List<String> membresEpci(String codeEpci) {
        return membresEpci.getOrDefault(codeEpci, List.of());
    }

    /** Les codes INSEE des communes d'un département (aucun pour un code inconnu). */
    public List<String> communesDuDepartement(String departement) {
        return communesParDepartement.getOrDefault(departement, List.of());
    }

    public String nomEpci(String code) {
        return nomsEpci.get(code);
    }

    public boolean departementExiste(String code) {
        return communesParDepartement.containsKey(code);
    }

    public boolean regionExiste(String code) {
        return regions.contains(code);
    }

    public java.util.Collection<Commune> toutesLesCommunes() {
        return communes.values();
    }

    /** Le jeu de données et sa version, pour les messages et la documentation. */
    public String provenance() {
        return provenance;
    }

    public int millesime() {
        return millesime;
    }

    /**
     * Null while {@code date} is in the dataset's year; after it, the French sentence that says why a commune may be
     * missing: communes nouvelles, mergers and EPCI changes take effect on 1 January, and the dataset of the new year is
     * published weeks later. Said where a code is unknown, and each day in the service's log ({@code AvisDuMillesime}).
     */
    public String enRetardSur(LocalDate date) {
        if (date == null || date.getYear() <= millesime) {
            return null;
        }
        return "ce découpage est celui du 1er janvier " + millesime + " : une commune créée depuis (commune nouvelle du 1er janvier "
                + (millesime + 1) + ", par exemple) n'y figure pas encore";
    }

    private static Iterable<CSVRecord> parse(String csv) {
        try {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void verifier(String fichier, String contenu, String attendu) {
        try {
            String calcule = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(contenu.getBytes(StandardCharsets.UTF_8)));
            if (!calcule.equals(attendu)) {
                throw new IllegalStateException("geo/" + fichier + " ne correspond pas à sa provenance (sha256 " + calcule
                        + ") : le régénérer avec scripts/geographie.sh plutôt que le modifier à la main");
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
