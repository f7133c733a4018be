package fr.harmonie.territoires;

import fr.harmonie.regles.Manifeste.Perimetre;
import java.util.HashSet;
import java.util.Set;

/** Les codes INSEE d'un périmètre: ses communes, celles de ses EPCI et celles de ses départements. */
final class PerimetreResolu {

    private PerimetreResolu() {
    }

    static Set<String> communes(Perimetre perimetre, Geographie geo) {
        Set<String> codes = new HashSet<>(perimetre.communes());
        for (String epci : perimetre.epci()) {
            codes.addAll(geo.membresEpci(epci));
        }
        for (String departement : perimetre.departements()) {
            codes.addAll(geo.communesDuDepartement(departement));
        }
        return Set.copyOf(codes);
    }
}
