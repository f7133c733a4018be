package fr.harmonie.bench;

import fr.harmonie.PacksDeLaFrance;
import fr.harmonie.dossier.Dossier;
import fr.harmonie.evaluation.Evaluateur;
import fr.harmonie.evaluation.Resultat;
import fr.harmonie.territoires.ChargeurPacks;
import fr.harmonie.territoires.Geographie;
import fr.harmonie.territoires.RegistrePacks;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.springframework.util.FileSystemUtils;

/**
 * Le jeu de packs à l'échelle de la France ({@link PacksDeLaFrance}, environ 220 packs de 10 règles). Mesure au
 * démarrage le chargement complet (lecture, vérification, compilation) et la mémoire retenue, puis le débit
 * d'évaluation d'un dossier à travers une chaîne de trois packs (socle, région, DDT).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class PacksFranceBenchmark {

    private Evaluateur evaluateur;
    private Dossier dossier;

    @Setup
    public void preparer() throws IOException {
        Geographie geo = Geographie.chargerEmbarquee();
        Path racine = generer(geo);
        RegistrePacks registre;
        try {
            System.gc();
            long avant = memoire();
            long t0 = System.nanoTime();
            registre = ChargeurPacks.charger(racine, geo);
            long duree = System.nanoTime() - t0;
            System.gc();
            long apres = memoire();
            int packs = registre.chainesDesPacks().size();
            System.out.printf("%n[France] %d packs chargés et vérifiés en %.1f s ; tas retenu %.0f Mo (tas total utilisé %.0f Mo)%n",
                    packs, duree / 1e9, (apres - avant) / 1e6, apres / 1e6);
            rechargements(racine, geo);
        } finally {
            // The packs are in memory once read: 7 MB of generated files per run would otherwise pile up in /tmp.
            FileSystemUtils.deleteRecursively(racine);
        }
        evaluateur = new Evaluateur(registre, Clock.systemUTC());
        // Dijon (21): Côte-d'Or has a DDT pack and no délégataire here, so the chain is national > région > DDT.
        dossier = DossierDeBanc.dossier();
        Resultat r = evaluateur.evaluer(dossier);
        System.out.println("[France] chaîne évaluée : " + r.territoire().packs().stream().map(p -> p.id()).toList());
    }

    /**
     * What a reload costs the instance at this scale, as the administrator's endpoint does it (reading, checking,
     * perimeters; the chains then compile on use): unchanged, then after the publication of a new version of one pack.
     */
    private static void rechargements(Path racine, Geographie geo) throws IOException {
        long t0 = System.nanoTime();
        ChargeurPacks.charger(racine, geo);
        System.out.printf("[France] rechargement sans changement : %.2f s%n", (System.nanoTime() - t0) / 1e9);
        Path v1 = racine.resolve("territories/ddt-21/2026.1");
        Path v2 = v1.resolveSibling("2026.2");
        Files.createDirectories(v2.resolve("regles"));
        try (var fichiers = Files.walk(v1)) {
            for (Path f : fichiers.filter(Files::isRegularFile).toList()) {
                Files.writeString(v2.resolve(v1.relativize(f)), Files.readString(f)
                        .replace("version: \"2026.1\"", "version: \"2026.2\"").replace("validFrom: 2026-01-01", "validFrom: 2026-07-01"));
            }
        }
        t0 = System.nanoTime();
        ChargeurPacks.charger(racine, geo);
        System.out.printf("[France] rechargement après une nouvelle version de ddt-21 : %.2f s%n", (System.nanoTime() - t0) / 1e9);
    }

    private static long memoire() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Benchmark
    public Resultat evaluationChaineDeTroisPacks() {
        return evaluateur.evaluer(dossier);
    }

    /** rules/ (copied from the classpath) and a generated territories/, in a new temporary directory. */
    static Path generer(Geographie geo) throws IOException {
        return PacksDeLaFrance.generer(geo, Files.createTempDirectory("harmonie-france"));
    }

    /**
     * The same set in {@code racine}, for a service to serve ({@code --harmonie.packs.racine=}):
     * {@code ./mvnw -Pjmh test-compile exec:exec -Dbanc=fr.harmonie.bench.PacksFranceBenchmark -Djmh.args=/tmp/france}.
     */
    public static void main(String[] args) throws IOException {
        Path racine = Path.of(args[0]);
        if (Files.exists(racine)) {
            throw new IllegalArgumentException(racine + " existe déjà : choisir un dossier neuf");
        }
        System.out.println("Packs France écrits dans " + PacksDeLaFrance.generer(Geographie.chargerEmbarquee(),
                Files.createDirectories(racine)));
    }
}
