package fr.harmonie.json;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** What a value should have been, said to the person who wrote it: « un nombre entier », « l'une de BLOQUANTE, … ». */
public final class TypeAttendu {

    private TypeAttendu() {
    }

    /** {@code type}: the Java type the value was read into, or null. */
    public static String enFrancais(Class<?> type) {
        if (type == null) {
            return "une autre valeur";
        }
        if (type.isEnum()) {
            return "l'une de " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (type == LocalDate.class) {
            return "une date AAAA-MM-JJ";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "un nombre entier";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            // The French decimal comma is the slip a French author makes: YAML and JSON read « 0,05 » as a text.
            return "un nombre, au point décimal : 0.05 et non 0,05";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true ou false";
        }
        if (type == String.class) {
            return "un texte";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "une liste";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "des « clé: valeur »";
        }
        return type.getSimpleName();
    }
}
