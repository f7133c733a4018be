package fr.harmonie.parametres;

import java.time.LocalDate;
import java.util.List;

/** Un paramètre: son libellé et ses valeurs successives, triées par date d'effet. */
public record Parametre(String cle, String libelle, List<ValeurDatee> valeurs) {

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
