package fr.harmonie.evaluation;

import fr.harmonie.evaluation.Resultat.Dimension;
import fr.harmonie.evaluation.Resultat.Maturite;
import fr.harmonie.evaluation.Resultat.Niveau;
import fr.harmonie.regles.faits.DimensionMaturite;
import fr.harmonie.regles.faits.EtapePossible;
import fr.harmonie.regles.faits.Fr;
import fr.harmonie.regles.faits.Parametres;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Assembles the maturity the rules scored: total, level, and the next steps. The rules say what each action would
 * gain; this picks the smallest set of actions that reaches the next level, most valuable first.
 */
final class CalculMaturite {

    /** Ordre d'affichage des dimensions (celui du socle). */
    private static final List<String> ORDRE = List.of("FONCIER", "URBANISME", "FINANCEMENT", "COMPLETUDE", "QUALITE");
    private static final int ETAPES_SI_MURE = 3;

    private CalculMaturite() {
    }

    static Maturite calculer(List<DimensionMaturite> dimensions, List<EtapePossible> etapes, boolean anomalieBloquante,
                             Parametres parametres) {
        List<DimensionMaturite> triees = new ArrayList<>(dimensions);
        triees.sort(Comparator.comparingInt((DimensionMaturite d) -> rang(d.code())).thenComparing(DimensionMaturite::code));
        double total = 0;
        List<Dimension> sortie = new ArrayList<>();
        for (DimensionMaturite d : triees) {
            total += d.points();
            sortie.add(new Dimension(d.code(), d.libelle(), arrondi(d.points()), arrondi(d.maximum()), d.explication()));
        }
        int score = (int) Math.round(Math.min(100, Math.max(0, total)));
        double seuilConsolider = parametres.requis("maturite.seuil.A_CONSOLIDER");
        double seuilMure = parametres.requis("maturite.seuil.MURE");
        Niveau niveau = score >= seuilMure && !anomalieBloquante ? Niveau.MURE
                : score >= seuilConsolider ? Niveau.A_CONSOLIDER : Niveau.PREMATUREE;
        return new Maturite(score, niveau, sortie, prochainesEtapes(niveau, total, etapes, seuilConsolider, seuilMure));
    }

    private static List<String> prochainesEtapes(Niveau niveau, double total, List<EtapePossible> etapes,
                                                 double seuilConsolider, double seuilMure) {
        List<EtapePossible> candidates = new ArrayList<>(etapes);
        candidates.sort(Comparator.comparingDouble(EtapePossible::gain).reversed()
                .thenComparing(EtapePossible::bloqueDepot, Comparator.reverseOrder())
                .thenComparing(EtapePossible::action));
        List<EtapePossible> choisies = new ArrayList<>();
        if (niveau == Niveau.MURE) {
            // Mature already: what still stands between the dossier and its deposit, then the best remaining gains.
            candidates.stream().filter(EtapePossible::bloqueDepot).forEach(choisies::add);
            candidates.stream().filter(e -> !e.bloqueDepot() && e.gain() > 0).limit(ETAPES_SI_MURE).forEach(choisies::add);
        } else {
            double cible = niveau == Niveau.PREMATUREE ? seuilConsolider : seuilMure;
            double projete = total;
            if (niveau == Niveau.A_CONSOLIDER) {
                // No dossier with a blocking anomaly is mature: fixing all of them is part of any way up.
                boolean qualiteComptee = false;
                for (EtapePossible e : candidates) {
                    if (e.bloqueMaturite()) {
                        choisies.add(e);
                        if (!qualiteComptee) {
                            projete += e.gain();
                            qualiteComptee = true;
                        }
                    }
                }
            }
            for (EtapePossible e : candidates) {
                if (Math.round(projete) >= cible) {
                    break;
                }
                if (!choisies.contains(e) && e.gain() > 0) {
                    choisies.add(e);
                    projete += e.gain();
                }
            }
        }
        return choisies.stream().map(CalculMaturite::libelle).toList();
    }

    private static String libelle(EtapePossible e) {
        if (e.bloqueMaturite()) {
            return e.action() + " (bloquant)";
        }
        String points = Fr.nombre(e.gain(), 1);
        return e.gain() > 0 ? e.action() + " (+" + points + (e.gain() >= 2 ? " points)" : " point)") : e.action();
    }

    private static int rang(String code) {
        int i = ORDRE.indexOf(code);
        return i < 0 ? ORDRE.size() : i;
    }

    static double arrondi(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
