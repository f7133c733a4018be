package fr.harmonie.evaluation;

import fr.harmonie.bench.DossierDeBanc;
import fr.harmonie.dossier.Dossier;
import fr.harmonie.regles.ChaineCompilee;
import fr.harmonie.regles.MoteurRegles;
import fr.harmonie.regles.SocleNational;
import fr.harmonie.regles.SortieMoteur;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Where the time of one evaluation goes, for the dossier of {@link fr.harmonie.bench.EvaluationBenchmark}: the rules
 * alone (insertions and the four stages in Drools), the receipt alone (canonical JSON of dossier and result, sha256),
 * and the whole evaluation; the rest is resolution, consolidation and assembly of the result.
 * {@code ./mvnw -Pjmh test-compile exec:exec -Djmh.args="DecompositionBenchmark -f 1 -prof gc"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecompositionBenchmark {

    private Evaluateur evaluateur;
    private ChaineCompilee chaine;
    private Dossier dossier;
    private Resultat resultat;

    @Setup
    public void preparer() throws IOException {
        SocleNational socle = new SocleNational(SocleNational.charger(null));
        evaluateur = new Evaluateur(socle, Clock.systemUTC());
        dossier = DossierDeBanc.dossier();
        chaine = socle.resoudre(dossier).chaine();
        resultat = evaluateur.evaluer(dossier);
    }

    @Benchmark
    public SortieMoteur regles() {
        return MoteurRegles.executer(chaine, dossier, List.of());
    }

    @Benchmark
    public String empreinte() {
        return Empreinte.calculer(dossier, resultat);
    }

    @Benchmark
    public Resultat evaluation() {
        return evaluateur.evaluer(dossier);
    }
}
