package fr.harmonie.regles.faits;

/** Le SIREN: 9 chiffres dont le dernier est une clé de Luhn. */
public final class Siren {

    private Siren() {
    }

    public static boolean valide(String siren) {
        if (siren == null || siren.length() != 9) {
            return false;
        }
        int somme = 0;
        for (int i = 0; i < 9; i++) {
            int chiffre = siren.charAt(8 - i) - '0';
            if (chiffre < 0 || chiffre > 9) {
                return false;
            }
            if (i % 2 == 1) {
                chiffre *= 2;
                if (chiffre > 9) {
                    chiffre -= 9;
                }
            }
            somme += chiffre;
        }
        return somme % 10 == 0;
    }
}
