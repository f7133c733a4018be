package fr.harmonie.cli;

import fr.harmonie.regles.faits.Fr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the edited packs do across all the dossiers compared, effect by effect: « + pièce LOCALISATION : 12 dossiers ».
 * A DREAL comparing a region's thousands of dossiers reads this before publishing, not one line per dossier. Each
 * effect counts a dossier once, however many times it occurs in it; the most frequent first.
 */
final class EffetsDesPacks {

    private final Map<String, Integer> dossiersParEffet = new HashMap<>();
    private final List<String> ordreDApparition = new ArrayList<>();

    void ajouter(DifferenceDeResultats d) {
        Set<String> effets = new LinkedHashSet<>();
        d.pieces().ajoutees().forEach(p -> effets.add("+ pièce " + p.code()));
        d.pieces().retirees().forEach(p -> effets.add("− pièce " + p.code()));
        d.pieces().changees().forEach(c -> effets.add("pièce " + c.apres().code() + " changée (bloquante, statut)"));
        d.piecesEcartees().ajoutees().forEach(code -> effets.add("+ pièce écartée " + code));
        d.piecesEcartees().retirees().forEach(code -> effets.add("− pièce écartée " + code));
        d.anomalies().ajoutees().forEach(a -> effets.add("+ anomalie " + a.code()));
        d.anomalies().retirees().forEach(a -> effets.add("− anomalie " + a.code()));
        d.anomalies().changees().forEach(c -> effets.add("anomalie " + c.apres().code() + " changée (gravité, message)"));
        if (d.avant().deposable() != d.apres().deposable()) {
            effets.add(d.avant().deposable() ? "déposable : oui → non" : "déposable : non → oui");
        }
        if (d.apres().score() != d.avant().score()) {
            effets.add(d.apres().score() < d.avant().score() ? "maturité en baisse" : "maturité en hausse");
        }
        for (String effet : effets) {
            if (dossiersParEffet.merge(effet, 1, Integer::sum) == 1) {
                ordreDApparition.add(effet);
            }
        }
    }

    /** « + pièce LOCALISATION : 12 dossiers », one per effect, the most frequent first; none when nothing changed. */
    List<String> lignes() {
        return ordreDApparition.stream()
                .sorted((a, b) -> Integer.compare(dossiersParEffet.get(b), dossiersParEffet.get(a)))
                .map(e -> e + " : " + Fr.compte(dossiersParEffet.get(e), "dossier", "dossiers")).toList();
    }
}
