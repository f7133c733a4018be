package fr.harmonie.regles.faits;

import java.math.BigDecimal;

/**
 * Comparaisons avec tolérance, à l'abri des erreurs d'arrondi binaire (5,53 − 5,52 ne vaut pas exactement 0,01).
 *
 * <p>Une valeur inconnue ({@code null}) ne dépasse rien et ne diffère de rien : les règles vérifient sa présence avant
 * de comparer. Why the comparisons still take nulls: after 20 evaluations Drools compiles a constraint in the
 * background, and MVEL then evaluates every branch of an {@code ||} to type it, the guarded one too
 * ({@code prixRevientTTC == null || … || Seuils.differe(totalRessources, prixRevientTTC, …)}); with primitive
 * parameters, that call failed and MVEL printed its stack as a warning (on the CLI's standard error, in the service's
 * log), about nothing.
 */
public final class Seuils {

    private static final double EPSILON = 1e-9;

    private Seuils() {
    }

    /** {@code valeur} dépasse {@code plafond} de plus que la tolérance. */
    public static boolean depasse(Double valeur, Double plafond, double tolerance) {
        return valeur != null && plafond != null && valeur - plafond > tolerance + EPSILON;
    }

    /**
     * Une somme de montants et un montant diffèrent de plus que la tolérance, comptés en décimal : à 100 M€, l'écart
     * binaire d'une somme de doubles dépasse le milliardième d'euro, et un écart de 1,00 € tout juste toléré passait
     * pour 1,0000000596 €.
     */
    public static boolean differeMontant(BigDecimal somme, Double montant, double tolerance) {
        return somme != null && montant != null
                && somme.subtract(BigDecimal.valueOf(montant)).abs().compareTo(BigDecimal.valueOf(tolerance)) > 0;
    }

    /** {@code a} et {@code b} diffèrent de plus que la tolérance. */
    public static boolean differe(Double a, Double b, double tolerance) {
        return a != null && b != null && Math.abs(a - b) > tolerance + EPSILON;
    }
}
