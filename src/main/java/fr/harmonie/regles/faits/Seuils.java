package fr.harmonie.regles.faits;

/** Comparaisons avec tolérance, à l'abri des erreurs d'arrondi binaire (5,53 − 5,52 ne vaut pas exactement 0,01). */
public final class Seuils {

    private static final double EPSILON = 1e-9;

    private Seuils() {
    }

    /** {@code valeur} dépasse {@code plafond} de plus que la tolérance. */
    public static boolean depasse(double valeur, double plafond, double tolerance) {
        return valeur - plafond > tolerance + EPSILON;
    }

    /** {@code a} et {@code b} diffèrent de plus que la tolérance. */
    public static boolean differe(double a, double b, double tolerance) {
        return Math.abs(a - b) > tolerance + EPSILON;
    }
}
