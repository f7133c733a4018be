package fr.harmonie.dossiers;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How long one instruction took, read from the journal lines of its dossier: from the first deposit to the close
 * ({@code totalJours}, what the bailleur waited for its answer), and of that the time the dossier was in the service's
 * hands ({@code auServiceJours}: from each deposit to the next request for compléments or to the close). The rest is the
 * time the bailleur took to answer compléments: a region that compares its services' delays compares the first figure
 * of theirs, not the bailleurs' answers.
 */
record DureeDInstruction(double totalJours, double auServiceJours) {

    /** One line of the dossier's journal: {@code DEPOT}, {@code DEMANDER_COMPLEMENTS} or {@code INSTRUIRE}, and when. */
    record Etape(String action, Instant quand) { }

    private static final double SECONDES_PAR_JOUR = 86_400;

    /**
     * The duration of the instruction that {@code etapes} (in journal order) close with their last {@code INSTRUIRE};
     * null when no deposit precedes it (a close without a deposit is not an instruction to time). An earlier close is
     * one the service undid by reopening the instruction (ROUVRIR_INSTRUCTION): the dossier never left its hands, and
     * the instruction went on to the last close.
     */
    static DureeDInstruction de(List<Etape> etapes) {
        int cloture = -1;
        for (int i = 0; i < etapes.size(); i++) {
            cloture = etapes.get(i).action().equals("INSTRUIRE") ? i : cloture;
        }
        Instant premierDepot = null;
        Instant rendu = null; // the deposit that put the dossier in the service's hands, while it is there
        Duration auService = Duration.ZERO;
        for (int i = 0; i <= cloture; i++) {
            Etape e = etapes.get(i);
            if (e.action().equals("INSTRUIRE") && i < cloture) {
                continue;
            }
            if (e.action().equals("DEPOT")) {
                premierDepot = premierDepot == null ? e.quand() : premierDepot;
                rendu = rendu == null ? e.quand() : rendu;
            } else {
                if (rendu != null) {
                    auService = auService.plus(Duration.between(rendu, e.quand()));
                    rendu = null;
                }
                if (e.action().equals("INSTRUIRE") && premierDepot != null) {
                    return new DureeDInstruction(jours(Duration.between(premierDepot, e.quand())), jours(auService));
                }
            }
        }
        return null;
    }

    private static double jours(Duration d) {
        return d.toMillis() / 1000.0 / SECONDES_PAR_JOUR;
    }
}
