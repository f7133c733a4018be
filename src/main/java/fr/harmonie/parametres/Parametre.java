package fr.harmonie.parametres;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Un paramètre: son libellé, ses valeurs successives triées par date d'effet, et son sens quand un territoire peut le
 * resserrer: {@code plafond} (un territoire ne peut que l'abaisser), {@code plancher} (que le relever); sans sens, un
 * territoire ne peut pas le surcharger (sauf les pondérations de maturité, repondérables à total constant).
 */
public record Parametre(String cle, String libelle, String sens, Bornes bornes, List<ValeurDatee> valeurs) {

    /**
     * Where a value means something ({@code min}, {@code max}, either may be null) and why: a territory tightens a
     * parameter, never into what no dossier can meet (a negative margin cap, 60 written for a share of 0.6).
     */
    public record Bornes(Double min, Double max, String pourquoi) {

        /** Why {@code valeur} is out of these bounds ("60 au-dessus du maximum 1 (…)"), or null when it is within. */
        public String ecart(double valeur) {
            if (min != null && valeur < min) {
                return nombre(valeur) + " au-dessous du minimum " + nombre(min) + " (" + pourquoi + ")";
            }
            if (max != null && valeur > max) {
                return nombre(valeur) + " au-dessus du maximum " + nombre(max) + " (" + pourquoi + ")";
            }
            return null;
        }

        /** As the YAML writes it: 60 and 0.6, not 60.0. */
        private static String nombre(double x) {
            return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
        }
    }

    public ValeurDatee enVigueurLe(LocalDate date) {
        ValeurDatee trouvee = null;
        for (ValeurDatee v : valeurs) {
            if (v.depuis().isAfter(date)) {
                break;
            }
            if (v.enVigueurLe(date)) {
                trouvee = v;
            }
        }
        return trouvee;
    }
}
