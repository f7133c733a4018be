package fr.harmonie.regles.cas;

import fr.harmonie.dossier.DossierInvalideException;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whether a pack's rules grow faster than the dossier. The largest dossier the contract admits holds 16 000 logements;
 * a join that keeps one tuple per pair of logements holds 128 million there, and runs the service out of memory
 * without any rule firing without end (the firing cap does not see it). Waiting for that dossier takes minutes; the
 * growth shows much sooner. Each rule of the pack is measured on its first case where it fires, that case's logements
 * multiplied to {@value #PETIT} then to {@value #GRAND} (four times more), once all with one designation and once all
 * with distinct ones, the two shapes a join on the designation meets. The memory the evaluation allocates grows about
 * four times when the rules are linear (3.9 at most on the repository's packs), ten to sixteen times when some join
 * keeps a tuple per pair (10.4 for the one of {@code CommandeVerifierTest}, its fixed costs included). Allocated
 * memory, not time: it does not depend on the machine's load, so the verdict does not either.
 */
public final class CroissanceDesRegles {

    public static final int PETIT = 250;
    public static final int GRAND = 1_000;
    /** Between linear (×4) and quadratic (×16): the growth of n^1.5. */
    static final double RAPPORT_MAX = 8.0;

    /** The memory allocated by the calling thread, which is the one Drools evaluates in. */
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** What was measured for one pack: how many rules, the largest growth seen, and what grows too fast. */
    public record Bilan(int reglesMesurees, double rapportMax, List<String> problemes) { }

    private CroissanceDesRegles() {
    }

    public static boolean mesurable() {
        return THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled();
    }

    /**
     * Measures each rule of the pack whose cases these are (its rules only: the parents' are measured on their own
     * chain), and stops at the first dossier that grows too fast: the growth is the chain's, whichever rule the case
     * aims at. {@code parent}, when the pack has one, plays that dossier on the chain without the pack, to say whether
     * the growth comes from the pack's own rules.
     */
    public static Bilan mesurer(ExecuteurCas executeur, List<Cas> cas, Supplier<ExecuteurCas> parent, String referenceParent) {
        Map<String, Cas> premierCasQuiDeclenche = new LinkedHashMap<>();
        for (Cas c : cas) {
            if (Boolean.TRUE.equals(c.declenche()) && executeur.estUneRegleDuPack(c.regle())) {
                premierCasQuiDeclenche.putIfAbsent(c.regle(), c);
            }
        }
        double rapportMax = 0;
        int mesurees = 0;
        for (Cas c : premierCasQuiDeclenche.values()) {
            JsonNode dossier;
            try {
                dossier = executeur.dossier(c);
            } catch (RuntimeException e) {
                continue; // its base dossier is missing or unreadable: the case itself already failed, and says so
            }
            if (!aDesLogements(dossier)) {
                continue;
            }
            mesurees++;
            for (boolean homonymes : new boolean[] {true, false}) {
                String forme = PETIT + " puis " + GRAND + " logements " + (homonymes ? "tous de même désignation" : "de désignations distinctes");
                double rapport;
                try {
                    rapport = rapport(executeur, dossier, homonymes);
                } catch (DossierInvalideException e) {
                    // The case's dossier, multiplied, leaves the contract (a field bound by the count): not measured.
                    mesurees--;
                    break;
                } catch (RuntimeException e) {
                    // A rule firing without end past the cap, or failing, on more logements than its cases have.
                    return new Bilan(mesurees, rapportMax, List.of(ou(c) + forme + " : " + e.getMessage()));
                }
                rapportMax = Math.max(rapportMax, rapport);
                if (rapport > RAPPORT_MAX) {
                    String origine = parent == null ? "" : origine(parent, referenceParent, dossier, homonymes);
                    return new Bilan(mesurees, rapportMax, List.of(ou(c) + "l'évaluation, toutes les règles de la chaîne"
                            + " comprises, croît plus vite que les logements : "
                            + forme + " lui font allouer " + fois(rapport)
                            + " plus de mémoire (4 fois quand tout croît comme les logements, 16 fois quand une jointure"
                            + " croît comme leur carré)." + origine + " Au plus gros dossier admis (16 000 logements), elle"
                            + " épuiserait la mémoire du service : une jointure entre logements y garde-t-elle une paire par couple ?"));
                }
            }
        }
        return new Bilan(mesurees, rapportMax, List.of());
    }

    /** Whether the parent chain grows as much on the same dossier: then the growth is not this pack's doing. */
    private static String origine(Supplier<ExecuteurCas> parent, String reference, JsonNode dossier, boolean homonymes) {
        double duParent;
        try {
            duParent = rapport(parent.get(), dossier, homonymes);
        } catch (RuntimeException e) {
            // The dossier of this pack's case may mean nothing to the parents (a rule of theirs fails on it): the
            // growth stays this pack's problem, without the comparison.
            return "";
        }
        return " Sur la chaîne de son parent (" + reference + "), le même dossier fait allouer " + fois(duParent) + " plus"
                + (duParent > RAPPORT_MAX ? " : la croissance vient déjà des packs parents." : " : la croissance vient des règles de ce pack.");
    }

    /** How many times more memory the evaluation allocates for {@value #GRAND} logements than for {@value #PETIT}. */
    private static double rapport(ExecuteurCas executeur, JsonNode dossier, boolean homonymes) {
        evaluer(executeur, multiplier(dossier, PETIT, homonymes)); // classes loaded, code compiled
        long petit = evaluer(executeur, multiplier(dossier, PETIT, homonymes));
        long grand = evaluer(executeur, multiplier(dossier, GRAND, homonymes));
        return (double) grand / Math.max(1, petit);
    }

    private static long evaluer(ExecuteurCas executeur, JsonNode dossier) {
        long avant = THREADS.getCurrentThreadAllocatedBytes();
        executeur.evaluer(dossier);
        return THREADS.getCurrentThreadAllocatedBytes() - avant;
    }

    private static boolean aDesLogements(JsonNode dossier) {
        for (JsonNode lot : dossier.path("operation").path("lots")) {
            if (!lot.path("logements").isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The dossier with {@code total} logements shared among its lots, each lot repeating its own logements in turn
     * (a lot without any borrows those of the first lot that has some).
     */
    static JsonNode multiplier(JsonNode dossier, int total, boolean homonymes) {
        JsonNode copie = dossier.deepCopy();
        ArrayNode lots = (ArrayNode) copie.path("operation").path("lots");
        ArrayNode modeles = null;
        for (JsonNode lot : lots) {
            if (!lot.path("logements").isEmpty()) {
                modeles = (ArrayNode) lot.path("logements");
                break;
            }
        }
        // The contract's bound: 2 000 logements a lot, 8 lots; more logements than the lots hold take copies of them.
        for (int i = 0; (long) lots.size() * 2_000 < total && lots.size() < 8; i++) {
            lots.add(lots.get(i).deepCopy());
        }
        int numero = 0;
        for (int i = 0; i < lots.size(); i++) {
            ObjectNode lot = (ObjectNode) lots.get(i);
            ArrayNode siens = lot.path("logements").isEmpty() ? modeles : ((ArrayNode) lot.get("logements")).deepCopy();
            ArrayNode logements = lot.putArray("logements");
            int combien = total / lots.size() + (i < total % lots.size() ? 1 : 0);
            for (int j = 0; j < combien; j++) {
                ObjectNode l = ((ObjectNode) siens.get(j % siens.size())).deepCopy();
                l.put("designation", homonymes ? "L" : "L" + numero++);
                logements.add(l);
            }
        }
        return copie;
    }

    /** Where an author finds the case the measure started from: its rule, its file, its sentence. */
    private static String ou(Cas c) {
        return "[" + c.regle() + "] " + c.fichier() + ", cas « " + c.nom() + " » : ";
    }

    private static String fois(double rapport) {
        return String.format(Locale.FRANCE, "%.1f fois", rapport);
    }
}
