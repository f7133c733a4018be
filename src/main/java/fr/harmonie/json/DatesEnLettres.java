package fr.harmonie.json;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates written in words, as French people write them (« 6 décembre 2026 », « 1er novembre »), read back so that a
 * refusal can say the figures to write. Accents and case do not matter; a day that does not exist gives null.
 */
public final class DatesEnLettres {

    private static final List<String> MOIS = List.of("JANVIER", "FEVRIER", "MARS", "AVRIL", "MAI", "JUIN", "JUILLET",
            "AOUT", "SEPTEMBRE", "OCTOBRE", "NOVEMBRE", "DECEMBRE");
    private static final Pattern JOUR = Pattern.compile("(\\d{1,2})(?:ER)?_([A-Z]+)");
    private static final Pattern DATE = Pattern.compile("(\\d{1,2})(?:ER)?_([A-Z]+)_(\\d{4})");

    private DatesEnLettres() {
    }

    /** « 6 décembre 2026 », « 1er Août 2026 »; null for anything else, 31 février included. */
    public static LocalDate date(String texte) {
        Matcher m = DATE.matcher(cle(texte));
        int mois = m.matches() ? MOIS.indexOf(m.group(2)) + 1 : 0;
        try {
            return mois == 0 ? null : LocalDate.of(Integer.parseInt(m.group(3)), mois, Integer.parseInt(m.group(1)));
        } catch (DateTimeException pasUnJour) {
            return null;
        }
    }

    /** « 1er novembre », « 15 Octobre »: a day of the year; null for anything else, 31 février included. */
    public static MonthDay jour(String texte) {
        Matcher m = JOUR.matcher(cle(texte));
        int mois = m.matches() ? MOIS.indexOf(m.group(2)) + 1 : 0;
        try {
            return mois == 0 ? null : MonthDay.of(mois, Integer.parseInt(m.group(1)));
        } catch (DateTimeException pasUnJour) {
            return null;
        }
    }

    private static String cle(String texte) {
        return Normalizer.normalize(texte, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT).strip().replaceAll("[^A-Z0-9]+", "_");
    }
}
