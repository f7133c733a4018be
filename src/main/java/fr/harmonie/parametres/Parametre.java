package fr.harmonie.parametres;

import java.time.LocalDate;
import java.util.List;

/**
 * Un paramètre: son libellé, ses valeurs successives triées par date d'effet, et son sens quand un territoire peut le
 * resserrer: {@code plafond} (un territoire ne peut que l'abaisser), {@code plancher} (que le relever); sans sens, un
 * territoire ne peut pas le surcharger (sauf les pondérations de maturité, repondérables à total constant).
 */
public record Parametre(String cle, String libelle, String sens, List<ValeurDatee> valeurs) {

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
