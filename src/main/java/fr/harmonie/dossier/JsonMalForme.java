package fr.harmonie.dossier;

import fr.harmonie.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;

/**
 * What is wrong with a dossier that is not JSON at all, said so that the person who wrote it by hand, or the
 * developer of the system that exported it, finds the place and the fix: the usual slips (a decimal comma, single or
 * typographic quotes copied from a word processor, a comma before a closing brace, a comment, True or NaN) are named,
 * and the text around the place is quoted. Jackson's own message names its parser's expectations, not the slip.
 */
final class JsonMalForme {

    private static final Pattern JETON = Pattern.compile("(?:Unrecognized|Non-standard) token '([^']{0,40})");
    private static final int AVANT = 40;
    private static final int APRES = 20;

    private JsonMalForme() {
    }

    /** « (ligne 45, colonne 36) : cause. Près de : « … » » */
    static String expliquer(JacksonException e, byte[] json) {
        var lieu = e.getLocation();
        String ou = "(ligne " + lieu.getLineNr() + ", colonne " + lieu.getColumnNr() + ")";
        if (Json.pasEnUtf8(e)) {
            return ou + " : " + Json.PAS_EN_UTF8 + ".";
        }
        int position = lieu.getByteOffset() < 0 ? -1 : (int) Math.min(lieu.getByteOffset(), json.length);
        // Within a character of several bytes (« “ » copied from a word processor), the parser stops after its first.
        while (position > 0 && position < json.length && (json[position] & 0xC0) == 0x80) {
            position--;
        }
        String avant = position < 0 ? "" : texte(json, Math.max(0, position - AVANT), position);
        String ici = position < 0 ? "" : texte(json, position, Math.min(json.length, position + APRES));
        String pres = position < 0 || (avant + ici).isBlank() ? "" : " Près de : « " + une(avant) + une(ici) + " ».";
        return ou + " : " + cause(e, avant, ici) + "." + pres;
    }

    private static String cause(JacksonException e, String avant, String ici) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        char c = ici.isEmpty() ? 0 : ici.charAt(0);
        if (m.contains("Duplicate")) {
            return "propriété en double dans un objet";
        }
        if (m.contains("end-of-input")) {
            return "le document s'arrête avant la fin (une accolade ou un crochet fermant manque, ou un texte n'est pas fermé)";
        }
        if (m.contains("Trailing token")) {
            return "du contenu suit la fin du document";
        }
        Matcher jeton = JETON.matcher(m);
        if (jeton.find()) {
            String mot = jeton.group(1);
            if (mot.equalsIgnoreCase("true") || mot.equalsIgnoreCase("false") || mot.equalsIgnoreCase("null")) {
                return "« " + mot + " » : true, false et null s'écrivent en minuscules";
            }
            if (mot.equals("NaN") || mot.contains("Infinity")) {
                return "« " + mot + " » n'est pas un nombre JSON : omettre la propriété, ou donner un nombre";
            }
            return "« " + mot + " » n'est pas une valeur JSON : un texte s'écrit entre guillemets droits (\"…\")";
        }
        if (Character.isDigit(c) && avant.matches("(?s).*\\d\\s*,\\s*")) {
            return "un nombre s'écrit avec un point décimal, pas une virgule (62.5 et non 62,5)";
        }
        if ((c == '}' || c == ']') && avant.matches("(?s).*,\\s*")) {
            return "une virgule en trop avant « " + c + " » : la retirer après le dernier élément";
        }
        if (c == '\'') {
            return "les textes et les noms de propriété s'écrivent entre guillemets droits doubles (\"…\"), pas simples";
        }
        if ("“”„«»‘’".indexOf(c) >= 0) {
            return "guillemets typographiques (« " + c + " »), comme en ajoute un traitement de texte : écrire des guillemets "
                    + "droits (\"…\")";
        }
        if (c == '/' || c == '#') {
            return "le JSON n'admet pas de commentaire";
        }
        return "caractère ou valeur inattendu";
    }

    /** Bytes as UTF-8; a character cut at the window's edge becomes « � », which the reader sees as the edge. */
    private static String texte(byte[] json, int debut, int fin) {
        return new String(json, debut, fin - debut, StandardCharsets.UTF_8);
    }

    /** On one line (the excerpt of an indented file spans several), without control characters (a binary file). */
    private static String une(String texte) {
        return texte.replaceAll("\\s+", " ").replaceAll("\\p{Cntrl}", "·");
    }
}
