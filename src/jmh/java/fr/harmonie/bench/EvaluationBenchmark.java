package fr.harmonie.bench;

import fr.harmonie.dossier.Dossier;
import fr.harmonie.dossier.LecteurDossier;
import fr.harmonie.evaluation.Evaluateur;
import fr.harmonie.evaluation.Resultat;
import fr.harmonie.regles.SocleNational;
import java.io.IOException;
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

/**
 * Évaluation en mémoire d'un dossier réaliste (Les Jardins de la Combe: 2 lots, 18 logements, 4 ressources,
 * 10 pièces), comparée à la seule lecture JSON + validation contre le schéma du même dossier. Un thread: le débit
 * affiché est par cœur. Cibles: au moins 20 000 évaluations/s, et une évaluation au plus 3 fois plus coûteuse que
 * lecture + validation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class EvaluationBenchmark {

    private LecteurDossier lecteur;
    private Evaluateur evaluateur;
    private byte[] json;
    private Dossier dossier;

    @Setup
    public void preparer() throws IOException {
        lecteur = new LecteurDossier();
        evaluateur = new Evaluateur(new SocleNational(SocleNational.charger(null)), Clock.systemUTC());
        json = DossierDeBanc.json();
        dossier = lecteur.lire(json);
    }

    @Benchmark
    public Resultat evaluation() {
        return evaluateur.evaluer(dossier);
    }

    @Benchmark
    public Dossier lectureEtValidation() {
        return lecteur.lire(json);
    }

    @Benchmark
    public Resultat lectureValidationEtEvaluation() {
        return evaluateur.evaluer(lecteur.lire(json));
    }
}
