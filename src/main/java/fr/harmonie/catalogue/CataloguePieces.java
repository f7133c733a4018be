package fr.harmonie.catalogue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Les pièces connues, dans l'ordre du catalogue (l'ordre de {@code piecesRequises}). Immuable. */
public final class CataloguePieces {

    public static final CataloguePieces VIDE = new CataloguePieces(List.of());

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setTrim(true).get();

    private final Map<String, EntreeCatalogue> entrees;
    private final Map<String, Integer> rangs;

    public CataloguePieces(List<EntreeCatalogue> entrees) {
        Map<String, EntreeCatalogue> parCode = new LinkedHashMap<>();
        Map<String, Integer> rang = new LinkedHashMap<>();
        for (EntreeCatalogue e : entrees) {
            if (parCode.putIfAbsent(e.code(), e) != null) {
                throw new IllegalArgumentException("pièce « " + e.code() + " » en double dans le catalogue");
            }
            rang.put(e.code(), rang.size());
        }
        this.entrees = Collections.unmodifiableMap(parCode);
        this.rangs = Collections.unmodifiableMap(rang);
    }

    /** The line of the file where the record starts (the header is line 1; a quoted field may span lines). */
    private static long ligne(String contenu, CSVRecord r) {
        int debut = (int) Math.min(r.getCharacterPosition(), contenu.length());
        return contenu.substring(0, debut).chars().filter(c -> c == '\n').count() + 1;
    }

    /** Lit un catalogue CSV (colonnes code, libelle, attendus, reference, code_spls, modele). */
    public static CataloguePieces lireCsv(String fichier, String contenu) {
        List<EntreeCatalogue> lues = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        try (CSVParser lecteur = FORMAT.parse(new StringReader(contenu))) {
            exigerLesColonnes(fichier, lecteur.getHeaderNames());
            for (CSVRecord r : lecteur) {
                String ou = fichier + " ligne " + ligne(contenu, r);
                if (!r.isConsistent()) {
                    throw new IllegalArgumentException(ou + " : " + r.size() + (r.size() > 1 ? " valeurs" : " valeur")
                            + " pour " + lecteur.getHeaderNames().size()
                            + " colonnes ; un texte qui contient une virgule s'écrit entre guillemets (\"…, …\")");
                }
                String code = r.get("code");
                if (!code.matches("[A-Z0-9_]{2,64}") || r.get("libelle").isBlank()) {
                    throw new IllegalArgumentException(ou + " : code « " + code + " » invalide ou libellé vide");
                }
                if (!codes.add(code)) {
                    throw new IllegalArgumentException(ou + " : pièce « " + code + " » en double");
                }
                if (r.get("attendus").isBlank()) {
                    throw new IllegalArgumentException(ou + " : pièce « " + code + " » sans attendus : dire au bailleur ce"
                            + " qu'elle doit contenir");
                }
                String modele = vide(r, "modele");
                if (modele != null && !estUneAdresseWeb(modele)) {
                    throw new IllegalArgumentException(ou + " : modèle de la pièce « " + code + " » : « " + modele
                            + " » n'est pas une adresse web (https://…), que le bailleur puisse ouvrir");
                }
                lues.add(new EntreeCatalogue(code, r.get("libelle"), r.get("attendus"), r.get("reference"),
                        vide(r, "code_spls"), modele));
            }
        } catch (IOException | IllegalStateException | UncheckedIOException e) {
            // commons-csv says where in English ("(startline 2) EOF reached before encapsulated token finished").
            Matcher ligne = LIGNE_DE_DEPART.matcher(String.valueOf(e.getMessage()));
            throw new IllegalArgumentException(fichier + (ligne.find() ? " ligne " + ligne.group(1) : "") + " : catalogue illisible :"
                    + " un texte entre guillemets n'est pas refermé, ou un guillemet est mal placé (dans un texte entre"
                    + " guillemets, un guillemet s'écrit \"\")", e);
        }
        return new CataloguePieces(lues);
    }

    private static final Pattern LIGNE_DE_DEPART = Pattern.compile("startline (\\d+)");

    /** The columns a reader of the catalogue relies on; code_spls and modele may be left out. */
    private static final List<String> COLONNES = List.of("code", "libelle", "attendus", "reference");

    private static void exigerLesColonnes(String fichier, List<String> lues) {
        List<String> manquantes = COLONNES.stream().filter(c -> !lues.contains(c)).toList();
        if (manquantes.isEmpty()) {
            return;
        }
        // A spreadsheet saved as "CSV" in French separates with semicolons: the whole header is then one column.
        boolean pointVirgule = lues.size() == 1 && lues.get(0).contains(";");
        throw new IllegalArgumentException(fichier + " : " + (pointVirgule
                ? "colonnes séparées par des points-virgules ; le catalogue les sépare par des virgules"
                : (manquantes.size() > 1 ? "colonnes " + String.join(", ", manquantes) + " absentes"
                        : "colonne " + manquantes.get(0) + " absente") + " de l'en-tête (lu : " + String.join(",", lues) + ")")
                + " ; en-tête attendu : code,libelle,attendus,reference,code_spls,modele");
    }

    private static boolean estUneAdresseWeb(String texte) {
        try {
            URI uri = new URI(texte);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String vide(CSVRecord r, String colonne) {
        if (!r.isMapped(colonne)) {
            return null;
        }
        String v = r.get(colonne);
        return v == null || v.isBlank() ? null : v;
    }

    public EntreeCatalogue entree(String code) {
        return entrees.get(code);
    }

    public boolean connait(String code) {
        return entrees.containsKey(code);
    }

    /** The piece a bailleur most likely meant by a code this catalogue does not know; null when none fits, or several. */
    public CodesProches.CodeProche codeProche(String code) {
        return connait(code) ? null : CodesProches.chercher(code, List.copyOf(entrees.values()));
    }

    /** Rang dans le catalogue; les codes inconnus passent en dernier. */
    public int rang(String code) {
        return rangs.getOrDefault(code, Integer.MAX_VALUE);
    }

    public List<EntreeCatalogue> entrees() {
        return List.copyOf(entrees.values());
    }

    /** Ce catalogue suivi des pièces nouvelles d'un pack plus spécifique (un pack n'en redéfinit pas une existante). */
    public CataloguePieces complete(CataloguePieces ajouts) {
        List<EntreeCatalogue> toutes = new ArrayList<>(entrees.values());
        for (EntreeCatalogue e : ajouts.entrees.values()) {
            if (!entrees.containsKey(e.code())) {
                toutes.add(e);
            }
        }
        return new CataloguePieces(toutes);
    }
}
