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
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
            // Socles before 2026.30 wrote « pièce(s) » or nothing at all (no piece provided): the engine writes that
            // line for them, so that the receipts sealed with them replay unchanged.
            String explication = code.equals("COMPLETUDE") && explications.isEmpty()
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

    /**
     * One thing the bailleur would do: a step, or all the fixes of blocking anomalies together (the quality points
     * come back only once every one of them is fixed, and are then counted once). {@code gain}: what the action
     * brings, including the steps it makes at the same time (balancing the financing plan also fixes the anomaly).
     * {@code fait}: the actions of the steps it does, those folded into it included, which later steps may wait for.
     */
    private record Action(List<EtapePossible> etapes, double gain, boolean bloqueDepot, Set<String> fait) {
        String action() {
            return etapes.get(0).action();
        }

        /** A step that can only come after another ({@link EtapePossible#apres()}): the action it waits for. */
        String apres() {
            return etapes.get(0).apres();
        }
    }

    private static final Comparator<Action> PLUS_UTILE_D_ABORD = Comparator.comparingDouble(Action::gain).reversed()
            .thenComparing(Action::bloqueDepot, Comparator.reverseOrder())
            .thenComparing(Action::action);

    private static List<String> prochainesEtapes(Niveau niveau, double total, List<EtapePossible> etapes,
                                                 double seuilConsolider, double seuilMure) {
        List<Gain> gains = gainsAvecCeQuiEnDecoule(etapes);
        List<Action> actions = new ArrayList<>();
        List<Action> suites = new ArrayList<>();
        List<EtapePossible> bloquantes = new ArrayList<>();
        Set<String> faitesParLesCorrections = new HashSet<>();
        double qualiteRetablie = 0;
        double gainLie = 0;
        for (Gain g : gains) {
            EtapePossible e = g.etape();
            if (e.bloqueMaturite()) {
                bloquantes.add(e);
                faitesParLesCorrections.addAll(g.fait());
                qualiteRetablie = Math.max(qualiteRetablie, e.gain());
                gainLie += g.valeur() - e.gain();
            } else {
                (e.apres() == null && !e.siNecessaire() ? actions : suites)
                        .add(new Action(List.of(e), g.valeur(), e.bloqueDepot(), g.fait()));
            }
        }
        bloquantes.sort(Comparator.comparing(EtapePossible::action));
        Action corrections = bloquantes.isEmpty() ? null
                : new Action(bloquantes, qualiteRetablie + gainLie, true, faitesParLesCorrections);
        actions.sort(PLUS_UTILE_D_ABORD);

        List<Action> choisies = new ArrayList<>();
        if (niveau == Niveau.MURE) {
            // Mature already: what still stands between the dossier and its deposit, then the best remaining gains.
            actions.stream().filter(Action::bloqueDepot).forEach(choisies::add);
            actions.stream().filter(a -> !a.bloqueDepot() && a.gain() > 0).limit(ETAPES_SI_MURE).forEach(choisies::add);
        } else {
            double cible = niveau == Niveau.PREMATUREE ? seuilConsolider : seuilMure;
            double projete = total;
            if (corrections != null && niveau == Niveau.A_CONSOLIDER) {
                // No dossier with a blocking anomaly is mature: fixing all of them is part of any way up.
                choisies.add(corrections);
                projete += corrections.gain();
            } else if (corrections != null && bloquantes.stream().allMatch(e -> e.anomalie() != null)) {
                actions.add(corrections);
                actions.sort(PLUS_UTILE_D_ABORD);
            } else if (corrections != null) {
                // Steps from rules that do not name their anomaly (national packs before 2026.3) keep the plan their
                // evaluations were sealed with, one fix at a time, so that replaying them still gives their receipt.
                bloquantes.forEach(e -> actions.add(new Action(List.of(e), e.gain(), e.bloqueDepot(), Set.of(e.action()))));
                actions.sort(PLUS_UTILE_D_ABORD);
            }
            Plan plan = completer(choisies, projete, actions, List.of(), cible);
            if (Math.round(plan.projete()) < cible && !suites.isEmpty()) {
                // What can be done now does not reach the level (a territory that weights urbanism heavily, a permit
                // not yet filed): the plan goes on with what those actions open, obtaining the permit once filed, and
                // with the steps offered only if needed (fixing every anomaly at once, when no single fix brings a
                // quality point back). Only then, so that a plan that reaches the level otherwise stays as it was.
                plan = completer(choisies, projete, actions, suites, cible);
            }
            choisies = plan.actions();
        }
        List<String> libelles = new ArrayList<>();
        for (Action a : choisies) {
            for (EtapePossible e : a.etapes()) {
                libelles.add(e.bloqueMaturite() ? e.action() + " (bloquant)" : libelle(e.action(), a.gain()));
            }
        }
        return libelles;
    }

    private record Plan(List<Action> actions, double projete) { }

    /**
     * From the actions already chosen, adds the most valuable one left until the projected score reaches
     * {@code cible}; a step of {@code suites} joins the candidates once the action it waits for is chosen.
     */
    private static Plan completer(List<Action> deja, double projete, List<Action> actions, List<Action> suites, double cible) {
        List<Action> choisies = new ArrayList<>(deja);
        List<Action> candidates = new ArrayList<>(actions);
        List<Action> enAttente = new ArrayList<>(suites);
        ouvrir(choisies, candidates, enAttente);
        while (Math.round(projete) < cible) {
            // Two identical steps (the same anomaly on two lots, in the same words) read as one action.
            Action meilleure = candidates.stream().filter(a -> a.gain() > 0 && !choisies.contains(a)).findFirst().orElse(null);
            if (meilleure == null) {
                break;
            }
            choisies.add(meilleure);
            projete += meilleure.gain();
            ouvrir(choisies, candidates, enAttente);
        }
        return new Plan(choisies, projete);
    }

    /**
     * Moves to the candidates the waiting steps whose prior action is chosen, and those that wait for none (offered
     * only if needed); candidates stay most valuable first.
     */
    private static void ouvrir(List<Action> choisies, List<Action> candidates, List<Action> enAttente) {
        boolean ouvert = enAttente.removeIf(s -> {
            boolean pret = s.apres() == null || choisies.stream().anyMatch(c -> c.fait().contains(s.apres()));
            if (pret) {
                candidates.add(s);
            }
            return pret;
        });
        if (ouvert) {
            candidates.sort(PLUS_UTILE_D_ABORD);
        }
    }

    /**
     * A step and what doing it brings, once the steps it makes at the same time are folded into it; {@code fait}: its
     * action and theirs.
     */
    private record Gain(EtapePossible etape, double valeur, Set<String> fait) { }

    /**
     * Each step with its gain, where a step on the data that also fixes an anomaly (balancing the plan fixes
     * "plan déséquilibré") is folded into that anomaly's fix: one action, proposed once, worth both gains.
     */
    private static List<Gain> gainsAvecCeQuiEnDecoule(List<EtapePossible> etapes) {
        double[] gains = new double[etapes.size()];
        boolean[] absorbee = new boolean[etapes.size()];
        List<Set<String>> faits = new ArrayList<>(Collections.nCopies(etapes.size(), null));
        for (int i = 0; i < etapes.size(); i++) {
            gains[i] += etapes.get(i).gain();
            String code = etapes.get(i).corrigeAussi();
            for (int j = 0; code != null && j < etapes.size(); j++) {
                if (code.equals(etapes.get(j).anomalie())) {
                    gains[j] += etapes.get(i).gain();
                    if (faits.get(j) == null) {
                        faits.set(j, new HashSet<>(Set.of(etapes.get(j).action())));
                    }
                    faits.get(j).add(etapes.get(i).action());
                    absorbee[i] = true;
                    break;
                }
            }
        }
        List<Gain> resultat = new ArrayList<>();
        for (int i = 0; i < etapes.size(); i++) {
            if (!absorbee[i]) {
                resultat.add(new Gain(etapes.get(i), gains[i], faits.get(i) == null ? Set.of(etapes.get(i).action()) : faits.get(i)));
            }
        }
        return resultat;
    }

    private static String libelle(String action, double gain) {
        String points = Fr.nombre(gain, 1);
        return gain > 0 ? action + " (+" + points + (gain >= 2 ? " points)" : " point)") : action;
    }

    static double arrondi(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
