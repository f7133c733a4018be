package fr.harmonie.json;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * What Jackson finds wrong in what a person wrote by hand, said in French: a pack's YAML files (manifest, overrides,
 * parameters, cases) and the JSON bodies of the API's forms (accounts, organisations, tokens, instruction). Its own
 * messages are English and name Java classes (« Unrecognized property "declanche" (class fr.harmonie.regles.cas.Cas),
 * not marked as ignorable »), which tells the author neither the word to fix nor the words allowed.
 */
public final class FautesDeSaisie {

    private FautesDeSaisie() {
    }

    public static String enFrancais(JacksonException e) {
        if (Json.pasEnUtf8(e)) {
            return Json.PAS_EN_UTF8;
        }
        String champ = champ(e);
        String ou = champ.isEmpty() ? "" : " pour « " + champ + " »";
        if (e instanceof UnrecognizedPropertyException u) {
            Collection<Object> connues = u.getKnownPropertyIds();
            return "propriété « " + u.getPropertyName() + " » inconnue" + (connues == null || connues.isEmpty() ? ""
                    : " (attendues : " + connues.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")");
        }
        if (e instanceof InvalidFormatException f) {
            return "valeur « " + f.getValue() + " » invalide" + ou + " (attendu : " + TypeAttendu.enFrancais(f.getTargetType()) + ")"
                    + enFraction(f.getValue(), f.getTargetType());
        }
        if (e instanceof MismatchedInputException m) {
            return "valeur d'un autre type qu'attendu" + ou + " (attendu : " + TypeAttendu.enFrancais(m.getTargetType()) + ")";
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException refus) {
            // A record that refuses its values says why in French: Jackson's « Cannot construct instance of … » is not.
            return (champ.isEmpty() ? "" : "« " + champ + " » : ") + refus.getMessage();
        }
        if (e instanceof DatabindException) {
            return "valeur invalide" + ou + " : " + premiereLigne(e.getOriginalMessage());
        }
        return "YAML mal formé (indentation, deux-points, guillemets ou tirets des listes) : " + premiereLigne(e.getOriginalMessage());
    }

    /**
     * The line to fix in {@code texte}, or « ? ». Jackson reports a property of a record where the record's object ends,
     * once it has read all of it (an unknown key on line 3 is reported on line 5): the property's own line is the last
     * « nom: » at or before that place.
     */
    public static String ligne(JacksonException e, String texte) {
        if (e.getLocation() == null || e.getLocation().getLineNr() < 1) {
            return "?";
        }
        int signalee = e.getLocation().getLineNr();
        String propriete = e instanceof UnrecognizedPropertyException u ? u.getPropertyName() : derniere(e);
        if (propriete == null || texte == null) {
            return Integer.toString(signalee);
        }
        Pattern cle = Pattern.compile("(^|[\\s{,-])\"?" + Pattern.quote(propriete) + "\"?\\s*:");
        String[] lignes = texte.split("\n", -1);
        for (int i = Math.min(signalee, lignes.length); i >= 1; i--) {
            if (cle.matcher(lignes[i - 1]).find()) {
                return Integer.toString(i);
            }
        }
        return Integer.toString(signalee);
    }

    private static String derniere(JacksonException e) {
        return e.getPath().isEmpty() ? null : e.getPath().get(e.getPath().size() - 1).getPropertyName();
    }

    /** « cas[0].declenche », from the path Jackson followed; empty at the top. */
    public static String champ(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static final Pattern POURCENTAGE = Pattern.compile("\\s*(\\d+(?:[.,]\\d+)?)\\s*%\\s*");

    /**
     * « 10 % » typed for a number: the parameters a territory writes as percentages (marges, shares) are fractions,
     * so the figure to write is said: 0.1.
     */
    private static String enFraction(Object valeur, Class<?> type) {
        boolean nombre = type != null && (Number.class.isAssignableFrom(type) || type == double.class);
        var m = nombre && valeur instanceof String texte ? POURCENTAGE.matcher(texte) : null;
        if (m == null || !m.matches()) {
            return "";
        }
        BigDecimal fraction = new BigDecimal(m.group(1).replace(',', '.')).movePointLeft(2).stripTrailingZeros();
        return " ; un pourcentage s'écrit ici en fraction : " + m.group(1) + " % s'écrit " + fraction.toPlainString();
    }

    /** The first line of one of Jackson's messages: the lines after it give the source and location, for a developer. */
    public static String premiereLigne(String message) {
        if (message == null) {
            return "";
        }
        int fin = message.indexOf('\n');
        return fin < 0 ? message : message.substring(0, fin);
    }
}
