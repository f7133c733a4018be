package fr.harmonie.territoires;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import fr.harmonie.json.Ressources;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Communes et EPCI, tels que {@code scripts/geographie.sh} les a dérivés du jeu de données ouvert: le fichier est
 * vérifié contre l'empreinte de sa provenance au chargement, pour qu'une retouche à la main se voie.
 */
public final class Geographie {

    public record Commune(String code, String nom, String departement, String region, String epci) { }

    private final Map<String, Commune> communes;
    private final Map<String, String> nomsEpci;
    private final Map<String, List<String>> membresEpci;
    /** A perimeter names départements: without this index, each one would go through the 35 000 communes. */
    private final Map<String, List<String>> communesParDepartement;
    /** A postal code typed where the INSEE code goes is a common slip: this says which communes it meant. */
    private final Map<String, List<String>> communesParCodePostal;
    private final String provenance;
    private final java.util.Set<String> regions = new java.util.HashSet<>();

    private Geographie(Map<String, Commune> communes, Map<String, String> nomsEpci, Map<String, List<String>> codesPostaux,
                       String provenance) {
        this.communes = Collections.unmodifiableMap(communes);
        this.nomsEpci = Collections.unmodifiableMap(nomsEpci);
        this.communesParCodePostal = Collections.unmodifiableMap(codesPostaux);
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
        communes.values().forEach(c -> regions.add(c.region()));
    }

    public static Geographie chargerEmbarquee() {
        return charger(Ressources.texte("geo/communes.csv"), Ressources.texte("geo/epci.csv"),
                Ressources.texte("geo/codes-postaux.csv"), Ressources.texte("geo/provenance.properties"));
    }

    static Geographie charger(String communesCsv, String epciCsv, String codesPostauxCsv, String provenance) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(provenance));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        verifier("communes.csv", communesCsv, p.getProperty("communes.csv.sha256"));
        verifier("epci.csv", epciCsv, p.getProperty("epci.csv.sha256"));
        verifier("codes-postaux.csv", codesPostauxCsv, p.getProperty("codes-postaux.csv.sha256"));
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
        return new Geographie(communes, epci, codesPostaux, p.getProperty("source") + "@" + p.getProperty("version"));
    }

    public Commune commune(String code) {
        return communes.get(code);
    }

    /** Les communes (et arrondissements municipaux) qui portent ce code postal, par code INSEE; aucune sinon. */
    public List<Commune> communesDuCodePostal(String codePostal) {
        return communesParCodePostal.getOrDefault(codePostal, List.of()).stream().map(communes::get).toList();
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
