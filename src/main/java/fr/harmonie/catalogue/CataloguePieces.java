package fr.harmonie.catalogue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
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
        try {
            for (CSVRecord r : FORMAT.parse(new StringReader(contenu))) {
                String code = r.get("code");
                if (!code.matches("[A-Z0-9_]{2,64}") || r.get("libelle").isBlank()) {
                    throw new IllegalArgumentException(fichier + " ligne " + ligne(contenu, r)
                            + " : code « " + code + " » invalide ou libellé vide");
                }
                if (!codes.add(code)) {
                    throw new IllegalArgumentException(fichier + " ligne " + ligne(contenu, r) + " : pièce « " + code + " » en double");
                }
                lues.add(new EntreeCatalogue(code, r.get("libelle"), r.get("attendus"), r.get("reference"),
                        vide(r, "code_spls"), vide(r, "modele")));
            }
        } catch (IOException | IllegalStateException e) {
            throw new IllegalArgumentException(fichier + " : catalogue illisible (" + e.getMessage() + ")", e);
        }
        return new CataloguePieces(lues);
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
