package fr.harmonie.dossier;

/**
 * How far apart two words are, counted in letters typed wrong (Levenshtein distance: one letter added, dropped or
 * changed counts one). A property name or a commune name one or two letters away from a known one is the same word
 * mistyped, not another word.
 */
public final class FautesDeFrappe {

    private FautesDeFrappe() {
    }

    public static int distance(String a, String b) {
        int[] precedente = new int[b.length() + 1];
        int[] courante = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            precedente[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            courante[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int remplace = precedente[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                courante[j] = Math.min(remplace, Math.min(precedente[j], courante[j - 1]) + 1);
            }
            int[] t = precedente;
            precedente = courante;
            courante = t;
        }
        return precedente[b.length()];
    }
}
