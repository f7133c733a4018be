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
        if (!perimetre.departements().isEmpty()) {
            Set<String> departements = Set.copyOf(perimetre.departements());
            geo.toutesLesCommunes().stream().filter(c -> departements.contains(c.departement()))
                    .forEach(c -> codes.add(c.code()));
        }
        return Set.copyOf(codes);
    }
}
