package fr.harmonie.evaluation;

import fr.harmonie.evaluation.Resultat.Dimension;
import fr.harmonie.evaluation.Resultat.Maturite;
import fr.harmonie.evaluation.Resultat.Niveau;
import fr.harmonie.regles.faits.PointsMaturite;
import fr.harmonie.regles.faits.EtapePossible;
import fr.harmonie.regles.faits.Fr;
import fr.harmonie.regles.faits.Parametres;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Assembles the maturity the rules scored: total, level, and the next steps. The rules say what each action would
 * gain; this picks the smallest set of actions that reaches the next level, most valuable first.
 */
final class CalculMaturite {

    /** Les dimensions du socle, dans leur ordre d'affichage; un pack peut les repondérer, pas en ajouter. */
    private static final List<String> DIMENSIONS = List.of("FONCIER", "URBANISME", "FINANCEMENT", "COMPLETUDE", "QUALITE");
    private static final Map<String, String> LIBELLES = Map.of(
            "FONCIER", "Maîtrise foncière",
            "URBANISME", "Urbanisme",
            "FINANCEMENT", "Financement",
            "COMPLETUDE", "Complétude des pièces",
            "QUALITE", "Qualité du dossier");
    private static final int ETAPES_SI_MURE = 3;

    private CalculMaturite() {
    }

    static Maturite calculer(List<PointsMaturite> points, List<EtapePossible> etapes, boolean anomalieBloquante,
                             int piecesFournies, int piecesRequises, Parametres parametres) {
        double total = 0;
        List<Dimension> dimensions = new ArrayList<>();
        for (String code : DIMENSIONS) {
            double maximum = parametres.requis("maturite.poids." + code);
            double acquis = 0;
            List<String> explications = new ArrayList<>();
            for (PointsMaturite p : points) {
                if (p.dimension().equals(code)) {
                    acquis += p.points();
                    explications.add(p.explication());
                }
            }
            acquis = Math.min(acquis, maximum);
            total += acquis;
            String explication = code.equals("COMPLETUDE")
                    ? piecesFournies + " pièce(s) requise(s) fournie(s) sur " + piecesRequises
                    : explications.isEmpty() ? "Aucun point acquis" : String.join(" ; ", explications);
            dimensions.add(new Dimension(code, LIBELLES.get(code), arrondi(acquis), arrondi(maximum), explication));
        }
        int score = (int) Math.round(Math.min(100, Math.max(0, total)));
        double seuilConsolider = parametres.requis("maturite.seuil.A_CONSOLIDER");
        double seuilMure = parametres.requis("maturite.seuil.MURE");
        Niveau niveau = score >= seuilMure && !anomalieBloquante ? Niveau.MURE
                : score >= seuilConsolider ? Niveau.A_CONSOLIDER : Niveau.PREMATUREE;
        return new Maturite(score, niveau, dimensions, prochainesEtapes(niveau, total, etapes, seuilConsolider, seuilMure));
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

    static double arrondi(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
