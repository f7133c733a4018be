package fr.harmonie.dossier;

import com.networknt.schema.Error;
import fr.harmonie.json.Citations;
import fr.harmonie.json.DatesMalEcrites;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Says an écart au contrat the way the person who typed the dossier can fix it: the value found, what the contract
 * expects, and the fix when it can be guessed. The validator's own French names the schema's machinery (« string
 * trouvé, number attendu », « ne correspond pas au modèle d'expression régulière ^[0-9]{9}$ », « ne correspond pas au
 * modèle date doit être une date complète RFC 3339 valide ») and never the value; a bailleur's staff copying a
 * spreadsheet writes 12,5 for a surface, 05/12/2026 for a date, plai for a product, and needs to read that.
 */
final class EcartsEnFrancais {

    private static final String MODELE_SIREN = "^[0-9]{9}$";
    private static final String MODELE_INSEE = "^([0-9]{2}|2A|2B)[0-9]{3}$";
    private static final Pattern QUATRE_CHIFFRES = Pattern.compile("[0-9]{4}");
    private static final Pattern POURCENTAGE = Pattern.compile("(\\d+(?:[.,]\\d+)?)\\s*%");
    /** Spreadsheets count dates in days from 30 December 1899: 46023 is 1 January 2026. */
    private static final LocalDate ORIGINE_DES_TABLEURS = LocalDate.of(1899, 12, 30);
    private static final long JOURS_TABLEUR_1930 = 10958;
    private static final long JOURS_TABLEUR_2100 = 73051;
    private static final BigDecimal CENT = BigDecimal.valueOf(100);
    /** What each pattern of the contract means, said in words. */
    private static final Map<String, String> MODELES = Map.of(
            MODELE_SIREN, "un numéro SIREN : neuf chiffres, sans espace",
            MODELE_INSEE, "un code INSEE de commune : cinq caractères, deux chiffres (2A ou 2B pour la "
                    + "Corse) puis trois chiffres, qui ne sont pas ceux du code postal",
            "^[A-Z0-9_]{2,64}$", "un code de pièce : de 2 à 64 majuscules, chiffres ou _, par exemple PERMIS_CONSTRUIRE");
    private static final Pattern NOMBRE_A_VIRGULE = Pattern.compile("-?\\d+,\\d+");
    private static final Pattern NOMBRE = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final JsonNode schema;

    EcartsEnFrancais(JsonNode schema) {
        this.schema = schema;
    }

    String message(Error e) {
        JsonNode valeur = e.getInstanceNode();
        JsonNode regle = e.getSchemaNode();
        String keyword = e.getKeyword() == null ? "" : e.getKeyword();
        String dit = switch (keyword) {
            case "type" -> type(valeur, regle, schema.at(parent(e)));
            case "format" -> "date".equals(regle.asString()) ? date(valeur) : null;
            case "enum" -> enumeration(valeur, regle);
            case "pattern" -> modele(valeur, regle);
            case "const" -> constante(valeur, regle);
            case "minimum" -> cite(valeur) + " : au moins " + regle + " attendu";
            case "maximum" -> maximum(valeur, regle, schema.at(parent(e)));
            case "exclusiveMinimum" -> cite(valeur) + " : une valeur supérieure à " + regle + " est attendue";
            case "exclusiveMaximum" -> cite(valeur) + " : une valeur inférieure à " + regle + " est attendue";
            case "minItems" -> valeur.size() == 0 ? "la liste est vide : au moins " + elements(regle.asInt()) + " attendu"
                    + (regle.asInt() > 1 ? "s" : "") : elements(valeur.size()) + " : au moins " + regle + " attendus";
            case "maxItems" -> elements(valeur.size()) + " : au plus " + regle + " admis";
            case "maxLength" -> "texte de " + valeur.asString().codePointCount(0, valeur.asString().length())
                    + " caractères : au plus " + regle;
            case "minLength" -> "texte trop court : au moins " + regle + " caractère" + (regle.asInt() > 1 ? "s" : "");
            case "required" -> "propriété « " + e.getProperty() + " » absente : elle est obligatoire ici"
                    + attendue(schema.at(parent(e) + "/properties/" + e.getProperty()));
            case "additionalProperties" -> inconnue(e);
            default -> null;
        };
        // A keyword the contract does not use today: the validator's words rather than none.
        return dit != null ? dit : e.getMessage();
    }

    private static String type(JsonNode valeur, JsonNode regle, JsonNode propriete) {
        String attendu = regle.isArray() ? String.join(" ou ", regle.valueStream().map(t -> unType(t.asString())).toList())
                : unType(regle.asString());
        String dit = nature(valeur) + ", " + attendu + (attendu.startsWith("une ") ? " attendue" : " attendu");
        if (valeur.isNumber()) {
            return dit + nombreEcritPour(valeur, attendu, propriete);
        }
        if (valeur.isString()) {
            return dit + texteEcritPour(valeur.asString().strip(), attendu, propriete);
        }
        if (valeur.isNull()) {
            return dit + " ; une information facultative que l'on n'a pas s'omet, propriété comprise";
        }
        return dit;
    }

    /**
     * The fix for a number where a text or true/false is expected, as a spreadsheet writes them: a code kept as a
     * number, a date as its count of days, a box ticked as 1. Empty when none can be guessed.
     */
    private static String nombreEcritPour(JsonNode valeur, String attendu, JsonNode propriete) {
        if (attendu.equals(unType("string"))) {
            String entreGuillemets = texteAttendu(valeur.asString(), propriete);
            if (entreGuillemets != null) {
                return " : écrire \"" + entreGuillemets + "\", entre guillemets"
                        + (entreGuillemets.equals(valeur.asString()) ? "" : ", avec le zéro du début");
            }
            Long jours = entier(valeur);
            if ("date".equals(propriete.path("format").asString(null)) && jours != null
                    && jours > JOURS_TABLEUR_1930 && jours < JOURS_TABLEUR_2100) {
                LocalDate jour = ORIGINE_DES_TABLEURS.plusDays(jours);
                return " ; un tableur compte les dates en jours depuis le 30 décembre 1899 : si c'est une date, "
                        + jours + " est le " + jour + ", écrire \"" + jour + "\", entre guillemets";
            }
        }
        Long coche = entier(valeur);
        if (attendu.equals(unType("boolean")) && coche != null && (coche == 0 || coche == 1)) {
            return " : écrire " + (coche == 1 ? "true (oui)" : "false (non)") + ", sans guillemets";
        }
        return "";
    }

    /**
     * The number as a whole number, or null when it has a fraction or lies outside a long (1e308, 10^22 typed into a
     * field: Jackson's {@code asLong()} would throw on them).
     */
    private static Long entier(JsonNode nombre) {
        BigDecimal valeur = nombre.decimalValue();
        boolean entier = valeur.signum() == 0 || valeur.stripTrailingZeros().scale() <= 0;
        return entier && valeur.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0 ? valeur.longValueExact() : null;
    }

    /** The fix for a text where a number or true/false is expected: « 62,5 », « 62 », « 5 % », « oui ». */
    private static String texteEcritPour(String texte, String attendu, JsonNode propriete) {
        if (attendu.contains("nombre") && NOMBRE_A_VIRGULE.matcher(texte).matches()) {
            return " : écrire " + texte.replace(',', '.') + ", sans guillemets et avec un point décimal";
        }
        if (attendu.contains("nombre") && NOMBRE.matcher(texte).matches()) {
            return " : écrire " + texte + " sans guillemets";
        }
        Matcher pourcentage = POURCENTAGE.matcher(texte);
        if (attendu.contains("nombre") && estUneFraction(propriete) && pourcentage.matches()) {
            return " : une fraction est attendue, écrire " + fraction(pourcentage.group(1)) + " sans guillemets";
        }
        if (attendu.equals(unType("boolean"))) {
            return " : écrire true (oui) ou false (non), sans guillemets";
        }
        return "";
    }

    /** A number between 0 and 1, such as a marge locale: 0.05 for 5 %. */
    private static boolean estUneFraction(JsonNode propriete) {
        return propriete.path("minimum").asDouble(-1) == 0 && propriete.path("maximum").asDouble(-1) == 1;
    }

    /** « 5 » → 0.05, « 12,5 » → 0.125. */
    private static String fraction(String pourcent) {
        return new BigDecimal(pourcent.replace(',', '.')).movePointLeft(2).stripTrailingZeros().toPlainString();
    }

    /** The fix for a fraction written as a percentage (5 for 5 %, above the maximum 1); empty otherwise. */
    private static String maximum(JsonNode valeur, JsonNode regle, JsonNode propriete) {
        String dit = cite(valeur) + " : au plus " + regle + " attendu";
        if (estUneFraction(propriete) && valeur.isNumber() && valeur.decimalValue().compareTo(CENT) <= 0) {
            return dit + " ; une fraction est attendue : " + valeur.asString() + " % s'écrit "
                    + fraction(valeur.asString());
        }
        return dit;
    }

    /** « 12,5 » est un texte ; 3 est un nombre. */
    private static String nature(JsonNode valeur) {
        if (valeur.isString()) {
            return cite(valeur) + " est un texte";
        }
        if (valeur.isNumber()) {
            return valeur + " est un nombre";
        }
        if (valeur.isBoolean()) {
            return valeur + " est un booléen";
        }
        return valeur.isNull() ? "null n'est pas admis ici" : cite(valeur) + " trouvé" + (valeur.isArray() ? "e" : "");
    }

    /**
     * The text a number typed for a text property stands for, when the property would take it: a SIREN or an INSEE code
     * kept as a number by a spreadsheet (552100554, or 1053 for 01053, the leading zero lost). Null otherwise: no
     * rewriting is offered that the contract would refuse in turn.
     */
    private static String texteAttendu(String chiffres, JsonNode propriete) {
        for (String candidat : List.of(chiffres, zeroDuDebut(chiffres, propriete.path("pattern").asString("")))) {
            // find(), as JSON Schema reads a pattern: unanchored unless it says ^ and $ (the contract's do).
            if (propriete.has("pattern") && Pattern.compile(propriete.get("pattern").asString()).matcher(candidat).find()) {
                return candidat;
            }
        }
        return null;
    }

    /** An INSEE code of four digits is one whose leading zero a spreadsheet dropped (01053 written 1053); else as is. */
    private static String zeroDuDebut(String texte, String modele) {
        return modele.equals(MODELE_INSEE) && QUATRE_CHIFFRES.matcher(texte).matches()
                ? "0" + texte : texte;
    }

    private static String unType(String type) {
        return switch (type) {
            case "string" -> "un texte entre guillemets";
            case "number" -> "un nombre";
            case "integer" -> "un nombre entier";
            case "boolean" -> "true ou false";
            case "object" -> "un objet { … }";
            case "array" -> "une liste [ … ]";
            case "null" -> "null";
            default -> type;
        };
    }

    private static String date(JsonNode valeur) {
        return DatesMalEcrites.pourquoi(valeur.asString());
    }

    private static String enumeration(JsonNode valeur, JsonNode regle) {
        List<String> admises = regle.valueStream().map(JsonNode::asString).toList();
        String dit = cite(valeur) + " n'est pas une valeur admise ; valeurs admises : " + String.join(", ", admises);
        if ((valeur.isNumber() || valeur.isBoolean()) && admises.contains(valeur.asString())) {
            return dit + " (écrire \"" + valeur.asString() + "\", entre guillemets)";
        }
        if (valeur.isString()) {
            String cle = cle(valeur.asString());
            for (String admise : admises) {
                if (cle(admise).equals(cle)) {
                    return dit + " (écrire « " + admise + " », tel quel)";
                }
            }
        }
        return dit;
    }

    /** "plai", "Plai adapté", "plai-adapte" all mean PLAI_ADAPTE. */
    private static String cle(String texte) {
        return java.text.Normalizer.normalize(texte, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT).strip().replaceAll("[^A-Z0-9]+", "_");
    }

    private static String modele(JsonNode valeur, JsonNode regle) {
        String sens = MODELES.get(regle.asString());
        String dit = cite(valeur) + (sens != null ? " n'est pas " + sens : " ne suit pas le modèle " + regle.asString());
        // Spaces copied around the cell, or 2a for 2A: the same code, written otherwise.
        String recopie = valeur.asString().strip().toUpperCase(Locale.ROOT);
        if (Pattern.compile(regle.asString()).matcher(recopie).find()) {
            return dit + " : écrire « " + recopie + " »";
        }
        String avecSonZero = zeroDuDebut(recopie, regle.asString());
        if (!avecSonZero.equals(recopie)) {
            return dit + " ; quatre chiffres : un tableur a pu retirer le zéro du début, écrire « " + avecSonZero + " »";
        }
        if (regle.asString().equals(MODELE_SIREN)) {
            // Written as on a Kbis (552 100 554), or the SIRET of an establishment: the SIREN is its first nine digits.
            String chiffres = valeur.asString().replaceAll("[\\s.]", "");
            if (chiffres.matches("[0-9]{9}")) {
                return dit + " : écrire « " + chiffres + " »";
            }
            if (chiffres.matches("[0-9]{14}")) {
                return dit + " ; quatorze chiffres, c'est un SIRET : le SIREN en est les neuf premiers, « "
                        + chiffres.substring(0, 9) + " »";
            }
        }
        return dit;
    }

    private static String constante(JsonNode valeur, JsonNode regle) {
        if (regle.isString() && valeur.isNumber() && regle.asString().equals(valeur.asString())) {
            return cite(valeur) + " : écrire \"" + regle.asString() + "\", entre guillemets";
        }
        return cite(valeur) + " : seule la valeur " + regle + " est admise";
    }

    private String inconnue(Error e) {
        String nom = e.getProperty();
        List<String> admises = proprietesAdmises(e);
        String dit = "propriété « " + abrege(nom) + " » inconnue du contrat";
        String proche = plusProche(nom, admises);
        if (proche != null) {
            return dit + " ; vouliez-vous écrire « " + proche + " » ?";
        }
        return admises.isEmpty() ? dit : dit + " ; propriétés admises ici : " + String.join(", ", admises);
    }

    /** The properties the object's schema names: {@code additionalProperties} sits beside its {@code properties}. */
    private List<String> proprietesAdmises(Error e) {
        JsonNode proprietes = schema.at(parent(e) + "/properties");
        return proprietes.isObject() ? List.copyOf(proprietes.propertyNames()) : List.of();
    }

    /** The pointer, in the schema, of the object whose keyword failed ({@code required}, {@code additionalProperties}). */
    private static String parent(Error e) {
        String fragment = e.getSchemaLocation().toString();
        int diese = fragment.indexOf('#');
        String pointeur = diese < 0 ? "" : fragment.substring(diese + 1);
        int dernier = pointeur.lastIndexOf('/');
        return dernier < 0 ? "" : pointeur.substring(0, dernier);
    }

    /** What a missing property must hold, when its schema says it in a few words. */
    private static String attendue(JsonNode propriete) {
        if (propriete.has("const")) {
            return " ; écrire " + propriete.get("const");
        }
        if (propriete.has("enum")) {
            return " ; une des valeurs " + String.join(", ", propriete.get("enum").valueStream().map(JsonNode::asString).toList());
        }
        if (propriete.has("pattern") && MODELES.containsKey(propriete.get("pattern").asString())) {
            return " ; " + MODELES.get(propriete.get("pattern").asString());
        }
        if ("date".equals(propriete.path("format").asString(null))) {
            return " ; une date AAAA-MM-JJ";
        }
        String type = propriete.path("type").asString(null);
        return type == null ? "" : " ; " + unType(type);
    }

    /** A property one letter or two away, or differing only by case: a typo, not a new word. */
    private static String plusProche(String nom, List<String> admises) {
        if (nom.length() > 64) {
            return null;
        }
        List<String> proches = new ArrayList<>();
        for (String admise : admises) {
            int seuil = admise.length() <= 5 ? 1 : 2;
            if (admise.equalsIgnoreCase(nom) || FautesDeFrappe.distance(admise.toLowerCase(Locale.ROOT), nom.toLowerCase(Locale.ROOT)) <= seuil) {
                proches.add(admise);
            }
        }
        return proches.stream().min(Comparator.comparingInt(a -> FautesDeFrappe.distance(a, nom))).orElse(null);
    }

    private static String elements(int n) {
        return n + " élément" + (n > 1 ? "s" : "");
    }

    /** The value as the person wrote it: « texte » in quotes, a number or true/false bare, an object or list named. */
    private static String cite(JsonNode valeur) {
        if (valeur == null || valeur.isMissingNode()) {
            return "valeur";
        }
        if (valeur.isString()) {
            return "« " + abrege(valeur.asString()) + " »";
        }
        if (valeur.isObject()) {
            return "un objet";
        }
        if (valeur.isArray()) {
            return "une liste";
        }
        return valeur.toString();
    }

    /** A value may be long: the message quotes enough of it to be recognised. */
    private static String abrege(String texte) {
        return Citations.abregee(texte, 40);
    }
}
