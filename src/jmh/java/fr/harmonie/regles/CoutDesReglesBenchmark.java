package fr.harmonie.regles;

import fr.harmonie.bench.DossierDeBanc;
import fr.harmonie.dossier.Dossier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * {@code sans=toutes} leaves every file out for one rule per stage that never fires: what the engine costs whatever
 * the rules say (borrowing a pooled session, inserting the dossier's facts, four stages, the release), 6 µs of the
 * 47 on the development machine on 5 December 2026 — the rest is the rules' own work.
 * {@code ./mvnw -Pjmh test-compile exec:exec -Djmh.args="CoutDesReglesBenchmark -f 1"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CoutDesReglesBenchmark {

    @Param({"aucun", "toutes", "qualification", "pieces", "anomalies-loyers", "anomalies-operation", "anomalies-financement", "maturite"})
    public String sans;

    private ChaineCompilee chaine;
    private Dossier dossier;

    @Setup
    public void preparer() throws IOException {
        FichiersPack complet = FichiersPack.depuisClasspath(SocleNational.RESSOURCE);
        TreeMap<String, byte[]> fichiers = new TreeMap<>(complet.fichiers());
        fichiers.keySet().removeIf(f -> f.equals("regles/" + sans + ".drl") || f.equals("regles/" + sans + ".cas.yaml")
                || sans.equals("toutes") && f.startsWith("regles/"));
        if (sans.equals("toutes")) {
            fichiers.put("regles/jamais.drl", jamais().getBytes(StandardCharsets.UTF_8));
        }
        chaine = CompilateurRegles.compiler(List.of(LecteurPack.lire(new FichiersPack(complet.origine(), fichiers))));
        dossier = DossierDeBanc.dossier();
    }

    /** One rule per stage, on a fact every dossier has, that never fires: the stages exist, nothing else happens. */
    private static String jamais() {
        StringBuilder drl = new StringBuilder("package harmonie.national;\nimport fr.harmonie.regles.faits.*;\n");
        for (String etape : List.of("qualification", "pieces", "anomalies", "maturite")) {
            drl.append("rule \"Jamais en ").append(etape).append("\" @id(\"BANC-").append(etape).append("\") @reference(\"banc\")")
                    .append(" ruleflow-group \"").append(etape).append("\"\nwhen\n    Demande(nombreLogements < 0)\nthen\nend\n");
        }
        return drl.toString();
    }

    @Benchmark
    public SortieMoteur regles() {
        return MoteurRegles.executer(chaine, dossier, List.of());
    }
}
