package fr.harmonie.regles;

import fr.harmonie.bench.DossierDeBanc;
import fr.harmonie.dossier.Dossier;
import java.io.IOException;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What each file of national rules costs the engine: the same evaluation with one file (and its cases) left out of
 * the national pack. The difference with {@code sans=aucun} is that file's share; it guides where to look first.
 * {@code ./mvnw -Pjmh test-compile exec:exec -Djmh.args="CoutDesReglesBenchmark -f 1"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CoutDesReglesBenchmark {

    @Param({"aucun", "qualification", "pieces", "anomalies-loyers", "anomalies-operation", "anomalies-financement", "maturite"})
    public String sans;

    private ChaineCompilee chaine;
    private Dossier dossier;

    @Setup
    public void preparer() throws IOException {
        FichiersPack complet = FichiersPack.depuisClasspath(SocleNational.RESSOURCE);
        TreeMap<String, byte[]> fichiers = new TreeMap<>(complet.fichiers());
        fichiers.keySet().removeIf(f -> f.equals("regles/" + sans + ".drl") || f.equals("regles/" + sans + ".cas.yaml"));
        chaine = CompilateurRegles.compiler(List.of(LecteurPack.lire(new FichiersPack(complet.origine(), fichiers))));
        dossier = DossierDeBanc.dossier();
    }

    @Benchmark
    public SortieMoteur regles() {
        return MoteurRegles.executer(chaine, dossier, List.of());
    }
}
