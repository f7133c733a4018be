package fr.harmonie.catalogue;

import fr.harmonie.dossier.FautesDeFrappe;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The catalogue code a bailleur most likely meant by a piece code the catalogue does not know: the SPLS code of a piece
 * (A01 for COURRIER_DEMANDE), the same words written otherwise (PLAN_DE_MASSE, GARANTIE_EMPRUNTS), another form of a
 * word (PERMIS_CONSTRUCTION), a qualifier added or left out (ECHEANCIER_PREVISIONNEL, DIAGNOSTIC). A guess is made only
 * when one piece fits: PLAN alone could be three of them, and gets none.
 */
public final class CodesProches {

    /** A catalogue code, and whether the code written was its SPLS code rather than a near spelling of it. */
    public record CodeProche(String code, boolean codeSpls) { }

    private static final Set<String> MOTS_VIDES = Set.of("DE", "DES", "DU", "D", "LA", "LE", "LES", "L", "ET", "A", "AU",
            "AUX", "EN", "POUR");
    /** Two forms of one word share at least this many first letters: CONSTRUCTION, CONSTRUIRE. */
    private static final int RACINE = 6;

    /** From the closest reading to the loosest; the first that fits exactly one piece decides. */
    private static final List<BiPredicate<List<String>, List<String>>> LECTURES = List.of(
            List::equals,
            CodesProches::fauteDeFrappe,
            (ecrit, connu) -> ecrit.size() == connu.size() && memesRacines(ecrit, connu),
            (ecrit, connu) -> ecrit.size() > connu.size() && ecrit.subList(0, connu.size()).equals(connu),
            (ecrit, connu) -> ecrit.size() < connu.size() && connu.subList(0, ecrit.size()).equals(ecrit));

    private CodesProches() {
    }

    /** The piece meant by {@code ecrit}, a code the catalogue does not know; null when none, or several, fit. */
    static CodeProche chercher(String ecrit, List<EntreeCatalogue> entrees) {
        for (EntreeCatalogue e : entrees) {
            if (e.codeSpls() != null && e.codeSpls().equalsIgnoreCase(ecrit.strip())) {
                return new CodeProche(e.code(), true);
            }
        }
        List<String> mots = mots(ecrit);
        if (mots.isEmpty()) {
            return null;
        }
        for (BiPredicate<List<String>, List<String>> lecture : LECTURES) {
            List<String> trouves = new ArrayList<>();
            for (EntreeCatalogue e : entrees) {
                if (lecture.test(mots, mots(e.code()))) {
                    trouves.add(e.code());
                }
            }
            if (!trouves.isEmpty()) {
                return trouves.size() == 1 ? new CodeProche(trouves.get(0), false) : null;
            }
        }
        return null;
    }

    /** PLANS_DE_MASSE → [PLAN, MASSE]: upper case, no accent, no small words, no plural s. */
    static List<String> mots(String code) {
        String simple = Normalizer.normalize(code, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT);
        return Arrays.stream(simple.split("[^A-Z0-9]+"))
                .filter(m -> !m.isEmpty() && !MOTS_VIDES.contains(m))
                .map(m -> m.length() > 3 && m.endsWith("S") ? m.substring(0, m.length() - 1) : m)
                .toList();
    }

    /** Two letters typed wrong at most; lengths further apart cannot be, and are not measured (200 long codes). */
    private static boolean fauteDeFrappe(List<String> ecrit, List<String> connu) {
        String a = String.join("_", ecrit);
        String b = String.join("_", connu);
        return Math.abs(a.length() - b.length()) <= 2 && FautesDeFrappe.distance(a, b) <= 2;
    }

    private static boolean memesRacines(List<String> ecrit, List<String> connu) {
        for (int i = 0; i < ecrit.size(); i++) {
            String a = ecrit.get(i);
            String b = connu.get(i);
            if (!a.equals(b) && !(a.length() >= RACINE && b.length() >= RACINE && a.regionMatches(0, b, 0, RACINE))) {
                return false;
            }
        }
        return true;
    }
}
