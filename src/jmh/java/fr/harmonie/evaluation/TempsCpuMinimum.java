package fr.harmonie.evaluation;

import fr.harmonie.bench.DossierDeBanc;
import fr.harmonie.dossier.Dossier;
import fr.harmonie.dossier.LecteurDossier;
import fr.harmonie.json.EcrivainCanonique;
import fr.harmonie.json.Json;
import fr.harmonie.regles.ChaineCompilee;
import fr.harmonie.regles.MoteurRegles;
import fr.harmonie.regles.SocleNational;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The figures of {@link fr.harmonie.bench.EvaluationBenchmark} and {@link DecompositionBenchmark}, measured so that
 * they repeat on a shared, noisy host: each operation runs in rounds, and the round with the least thread CPU time
 * per operation is kept. On the development machine JMH's wall-clock throughput moves by ±50 % from one run to the
 * next, this minimum by about 3 %, so before/after comparisons use it.
 *
 * <p>What it leaves out: work done by the collector's own threads (about 100 KB are allocated per evaluation), and
 * time the host takes the CPU away. The wall-clock minimum per round is printed beside it, pauses included.
 *
 * <p>{@code ./mvnw -Pjmh test-compile exec:exec -Dbanc=fr.harmonie.evaluation.TempsCpuMinimum -Djmh.args="15 5000"}
 * (rounds, operations per round).
 */
public final class TempsCpuMinimum {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Written by every operation, so that the JIT cannot drop the work. */
    static volatile Object puits;

    private TempsCpuMinimum() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !args[0].matches("\\d{1,4}") || !args[1].matches("\\d{1,7}")) {
            System.err.println("usage : TempsCpuMinimum <tours> <opérations par tour>, par exemple -Djmh.args=\"15 5000\"");
            System.exit(2);
        }
        int tours = Integer.parseInt(args[0]);
        int parTour = Integer.parseInt(args[1]);
        if (!THREADS.isCurrentThreadCpuTimeSupported()) {
            System.err.println("le temps CPU par thread n'est pas mesurable sur cette JVM");
            System.exit(2);
        }
        THREADS.setThreadCpuTimeEnabled(true);

        LecteurDossier lecteur = new LecteurDossier();
        byte[] json = DossierDeBanc.json();
        Dossier dossier = lecteur.lire(json);
        SocleNational socle = new SocleNational(SocleNational.charger(null));
        Evaluateur evaluateur = new Evaluateur(socle, Clock.systemUTC());
        ChaineCompilee chaine = socle.resoudre(dossier).chaine();
        Resultat resultat = evaluateur.evaluer(dossier);

        System.out.printf(Locale.ROOT, "%s %s, %d cœurs, %d tours de %d opérations%n", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), tours, parTour);
        System.out.printf(Locale.ROOT, "%-32s %12s %12s %12s %14s%n", "opération", "CPU min µs", "CPU méd. µs",
                "mur min µs", "par s et cœur");
        mesurer("évaluation", () -> evaluateur.evaluer(dossier), tours, parTour);
        Dossier[] distincts = new Dossier[1000];
        for (int i = 0; i < distincts.length; i++) {
            distincts[i] = lecteur.lire(json);
        }
        int[] k = {0};
        mesurer("évaluation, dossiers distincts", () -> evaluateur.evaluer(distincts[k[0]++ % distincts.length]), tours, parTour);
        mesurer("lecture + validation", () -> lecteur.lire(json), tours, parTour);
        mesurer("lecture, validation, évaluation", () -> evaluateur.evaluer(lecteur.lire(json)), tours, parTour);
        mesurer("règles seules (Drools)", () -> MoteurRegles.executer(chaine, dossier, List.of()), tours, parTour);
        mesurer("reçu seul (JSON canonique, sha256)", () -> Empreinte.calculer(dossier, resultat), tours, parTour);
        // The receipt's two halves: what writing its text costs, and what hashing it costs whatever writes it. The
        // second, with the rules, is the floor of an evaluation on this host.
        Empreinte.Recu recu = new Empreinte.Recu(dossier,
                resultat.territoire().packs().stream().map(Resultat.PackApplique::empreinte).toList(), resultat);
        byte[] texte = EcrivainCanonique.octets(recu);
        mesurer("reçu : texte seul (" + texte.length / 1000 + " ko)", () -> EcrivainCanonique.octets(recu), tours, parTour);
        mesurer("reçu : sha256 seul du texte", () -> sha256(texte), tours, parTour);
        // The answer's body: what the service's mapper would take, and what Resultat.enJson() takes for the same bytes.
        mesurer("réponse : JSON par Jackson", () -> Json.MAPPER.writeValueAsBytes(resultat), tours, parTour);
        mesurer("réponse : JSON (enJson)", resultat::enJson, tours, parTour);
    }

    private static byte[] sha256(byte[] texte) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(texte);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void mesurer(String nom, Supplier<Object> operation, int tours, int parTour) {
        // Warm-up: the first rounds run while the JIT compiles and are not kept.
        for (int i = 0; i < 3; i++) {
            tour(operation, parTour);
        }
        double[] cpu = new double[tours];
        double murMin = Double.MAX_VALUE;
        for (int t = 0; t < tours; t++) {
            long mur = System.nanoTime();
            cpu[t] = tour(operation, parTour) / 1_000.0 / parTour;
            murMin = Math.min(murMin, (System.nanoTime() - mur) / 1_000.0 / parTour);
        }
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%-32s %12.1f %12.1f %12.1f %14.0f%n", nom, cpu[0], cpu[tours / 2], murMin,
                1_000_000.0 / cpu[0]);
    }

    private static long tour(Supplier<Object> operation, int parTour) {
        long debut = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < parTour; i++) {
            puits = operation.get();
        }
        return THREADS.getCurrentThreadCpuTime() - debut;
    }
}
