package fr.harmonie.json;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a text is not an AAAA-MM-JJ date, said as its writer can act on it: the day that does not exist (« février 2026
 * a 28 jours »), or the date written another way, rewritten (« 05/12/2026 » : « ici 2026-12-05 »). The same words for
 * a dossier's dates, a {@code ?date=} of the API and the {@code --date} of the command line.
 */
public final class DatesMalEcrites {

    private static final Pattern DATE_ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern DATE_FRANCAISE = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})");
    private static final Pattern DATE_AVEC_HEURE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[T ]\\d{1,2}[:h].*");
    private static final Pattern ANNEE_D_ABORD = Pattern.compile("(\\d{4})[/.-](\\d{1,2})[/.-](\\d{1,2})");
    private static final String[] MOIS = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
            "septembre", "octobre", "novembre", "décembre"};

    private DatesMalEcrites() {
    }

    /**
     * The day {@code texte} writes as AAAA-MM-JJ, a year of four digits as the contract's dates; null otherwise, and
     * {@link #pourquoi} says why. Java alone also reads « +300000-01-01 », a year no one meant.
     */
    public static LocalDate jour(String texte) {
        if (texte == null || !DATE_ISO.matcher(texte).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(texte);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** « « 2026-02-30 » : février 2026 a 28 jours, le 30 février n'existe pas », for a text that is no AAAA-MM-JJ date. */
    public static String pourquoi(String texte) {
        Matcher iso = DATE_ISO.matcher(texte);
        if (iso.matches()) {
            int annee = Integer.parseInt(iso.group(1));
            int mois = Integer.parseInt(iso.group(2));
            int jour = Integer.parseInt(iso.group(3));
            if (mois < 1 || mois > 12) {
                return "« " + texte + " » : il n'y a pas de mois " + mois + " (une date s'écrit AAAA-MM-JJ, l'année d'abord)";
            }
            int jours = YearMonth.of(annee, mois).lengthOfMonth();
            if (jour < 1 || jour > jours) {
                return "« " + texte + " » : " + MOIS[mois - 1] + " " + annee + " a " + jours + " jours, le " + jour
                        + " " + MOIS[mois - 1] + " n'existe pas";
            }
        }
        String autrement = dateEcriteAutrement(texte.strip());
        if (autrement != null) {
            return "« " + Citations.abregee(texte, 40) + " » : " + autrement;
        }
        return "« " + Citations.abregee(texte, 40) + " » n'est pas une date : AAAA-MM-JJ attendu, par exemple 2026-04-02";
    }

    /**
     * A date written as a person or a spreadsheet writes it (05/12/2026, 2026/12/05, 2026-1-5, 5 décembre 2026, or with
     * its hour), said back as AAAA-MM-JJ; null when it is no date at all (31/02/2026 included).
     */
    private static String dateEcriteAutrement(String texte) {
        try {
            Matcher francaise = DATE_FRANCAISE.matcher(texte);
            if (francaise.matches()) {
                return "une date s'écrit AAAA-MM-JJ, l'année d'abord ; ici " + LocalDate.of(Integer.parseInt(francaise.group(3)),
                        Integer.parseInt(francaise.group(2)), Integer.parseInt(francaise.group(1)));
            }
            Matcher avecHeure = DATE_AVEC_HEURE.matcher(texte);
            if (avecHeure.matches()) {
                return "la date seule est attendue, sans heure ; ici " + LocalDate.parse(avecHeure.group(1));
            }
            Matcher anneeDAbord = ANNEE_D_ABORD.matcher(texte);
            if (anneeDAbord.matches()) {
                return "une date s'écrit AAAA-MM-JJ, avec des tirets et deux chiffres au mois et au jour ; ici "
                        + LocalDate.of(Integer.parseInt(anneeDAbord.group(1)), Integer.parseInt(anneeDAbord.group(2)),
                                Integer.parseInt(anneeDAbord.group(3)));
            }
            LocalDate enLettres = DatesEnLettres.date(texte);
            if (enLettres != null) {
                return "une date s'écrit en chiffres, AAAA-MM-JJ ; ici " + enLettres;
            }
        } catch (DateTimeException | NumberFormatException pasUneDate) {
            // "31/02/2026", month 13: no rewriting to offer.
        }
        return null;
    }
}
