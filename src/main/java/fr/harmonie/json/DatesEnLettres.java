package fr.harmonie.json;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates written in words, as French people write them (« 6 décembre 2026 », « 1er novembre »), read back so that a
 * refusal can say the figures to write. Accents and case do not matter; a day that does not exist gives null.
 */
public final class DatesEnLettres {

    private static final List<String> MOIS = List.of("JANVIER", "FEVRIER", "MARS", "AVRIL", "MAI", "JUIN", "JUILLET",
            "AOUT", "SEPTEMBRE", "OCTOBRE", "NOVEMBRE", "DECEMBRE");
    /** Once upper case, unaccented, with _ for spaces: 5_DECEMBRE_2026, 1ER_MAI, the year optional. */
    private static final Pattern EN_LETTRES = Pattern.compile("(\\d{1,2})(?:ER)?_([A-Z]+)(?:_(\\d{4}))?");

    private DatesEnLettres() {
    }

    /** « 6 décembre 2026 », « 1er Août 2026 »; null for anything else, 31 février included. */
    public static LocalDate date(String texte) {
        Matcher m = lire(texte);
        return m == null || m.group(3) == null ? null
                : existant(() -> LocalDate.of(Integer.parseInt(m.group(3)), MOIS.indexOf(m.group(2)) + 1, Integer.parseInt(m.group(1))));
    }

    /** « 1er novembre », « 15 Octobre »: a day of the year; null for anything else, 31 février included. */
    public static MonthDay jour(String texte) {
        Matcher m = lire(texte);
        return m == null || m.group(3) != null ? null
                : existant(() -> MonthDay.of(MOIS.indexOf(m.group(2)) + 1, Integer.parseInt(m.group(1))));
    }

    private static Matcher lire(String texte) {
        Matcher m = EN_LETTRES.matcher(Normalizer.normalize(texte, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT).strip().replaceAll("[^A-Z0-9]+", "_"));
        return m.matches() && MOIS.contains(m.group(2)) ? m : null;
    }

    private static <T> T existant(Supplier<T> jour) {
        try {
            return jour.get();
        } catch (DateTimeException pasUnJour) {
            return null;
        }
    }
}
