package fr.harmonie.bench;

import fr.harmonie.dossier.Dossier;
import fr.harmonie.evaluation.Evaluateur;
import fr.harmonie.evaluation.Resultat;
import fr.harmonie.territoires.ChargeurPacks;
import fr.harmonie.territoires.Geographie;
import fr.harmonie.territoires.RegistrePacks;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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
 * Un jeu de packs à l'échelle de la France, généré: une région par région métropolitaine, une DDT par département,
 * un délégataire par grand EPCI, soit environ 220 packs de 10 règles chacun (avec leurs cas). Mesure au démarrage le
 * chargement complet (lecture, vérification, compilation) et la mémoire retenue, puis le débit d'évaluation d'un
 * dossier à travers une chaîne de trois packs (socle, région, DDT).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class PacksFranceBenchmark {

    static final int REGLES_PAR_PACK = 10;
    static final int DELEGATAIRES = 106;

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
        return generer(geo, Files.createTempDirectory("harmonie-france"));
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
        System.out.println("Packs France écrits dans " + generer(Geographie.chargerEmbarquee(), Files.createDirectories(racine)));
    }

    static Path generer(Geographie geo, Path racine) throws IOException {
        copierSocle(racine.resolve("rules"));
        Map<String, List<Geographie.Commune>> parRegion = geo.toutesLesCommunes().stream()
                .filter(c -> c.departement().length() == 2)
                .collect(Collectors.groupingBy(Geographie.Commune::region, TreeMap::new, Collectors.toList()));
        for (var region : parRegion.entrySet()) {
            List<String> departements = region.getValue().stream().map(Geographie.Commune::departement).distinct().sorted().toList();
            ecrirePack(racine, "region-" + region.getKey(), "REGION", "national", "departements: " + liste(departements));
            for (String d : departements) {
                ecrirePack(racine, "ddt-" + d.toLowerCase(), "DEPARTEMENT", "region-" + region.getKey(), "departements: " + liste(List.of(d)));
            }
        }
        Map<String, Long> tailles = geo.toutesLesCommunes().stream().filter(c -> !c.epci().isEmpty() && !c.departement().equals("21"))
                .collect(Collectors.groupingBy(Geographie.Commune::epci, LinkedHashMap::new, Collectors.counting()));
        List<String> epcis = tailles.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).limit(DELEGATAIRES).map(Map.Entry::getKey).toList();
        for (String epci : epcis) {
            String d = geo.membresEpci(epci).stream().map(geo::commune).map(Geographie.Commune::departement)
                    .collect(Collectors.groupingBy(x -> x, Collectors.counting())).entrySet().stream()
                    .max(Map.Entry.<String, Long>comparingByValue().thenComparing(e -> e.getKey(), Comparator.reverseOrder()))
                    .get().getKey();
            ecrirePack(racine, "epci-" + epci, "DELEGATAIRE", "ddt-" + d.toLowerCase(), "epci: [\"" + epci + "\"]");
        }
        return racine;
    }

    private static String liste(List<String> codes) {
        return codes.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", ", "[", "]"));
    }

    private static void ecrirePack(Path racine, String id, String niveau, String parent, String perimetre) throws IOException {
        Path dir = racine.resolve("territories").resolve(id).resolve("2026.1");
        Files.createDirectories(dir.resolve("regles"));
        Files.writeString(dir.resolve("pack.yaml"), "id: " + id + "\nlibelle: Pack généré " + id + "\nniveau: " + niveau
                + "\nparent: " + parent + "\nversion: \"2026.1\"\nvalidFrom: 2026-01-01\nperimetre:\n  " + perimetre
                + "\nsources:\n  - \"banc de charge\"\n");
        Files.writeString(dir.resolve("README.md"), "# " + id + "\n\nPack généré pour le banc de charge.\n");
        String prefixe = id.toUpperCase().replaceAll("[^A-Z0-9]", "");
        StringBuilder drl = new StringBuilder("package harmonie." + id.replaceAll("[^A-Za-z0-9]", "_")
                + ";\nimport fr.harmonie.regles.faits.*;\n");
        StringBuilder declarations = new StringBuilder("anomalies:\n");
        StringBuilder cas = new StringBuilder("dossier: agrement\ncas:\n");
        for (int k = 1; k <= REGLES_PAR_PACK; k++) {
            String rid = prefixe + "-AN-" + k;
            drl.append("rule \"Règle générée ").append(rid).append(": plus de ").append(k).append(" logements\"\n")
                    .append("    @id(\"").append(rid).append("\")\n    @reference(\"banc de charge\")\n")
                    .append("    ruleflow-group \"anomalies\"\nwhen\n    $d : Demande(nombreLogements > ").append(k * 2)
                    .append(")\nthen\n    insert(new Anomalie(\"LOCAL_").append(k).append("\", Gravite.INFO, null, \"Avis local ")
                    .append(k).append("\", drools.getRule()));\nend\n");
            declarations.append("  - { id: ").append(rid).append(", code: LOCAL_").append(k)
                    .append(", gravite: INFO, motif: banc, source: banc }\n");
            cas.append("  - { regle: ").append(rid).append(", nom: déclenche, declenche: true }\n")
                    .append("  - { regle: ").append(rid).append(", nom: ne déclenche pas, modifier: { /operation/lots/1: null, /operation/lots/0/logements: [{ designation: A, typologie: T2, surfaceHabitable: 50 }] }, declenche: false }\n");
        }
        Files.writeString(dir.resolve("regles/generees.drl"), drl.toString());
        Files.writeString(dir.resolve("surcharges.yaml"), declarations.toString());
        Files.writeString(dir.resolve("regles/generees.cas.yaml"), cas.toString());
    }

    private static void copierSocle(Path cible) throws IOException {
        var resolveur = new org.springframework.core.io.support.PathMatchingResourcePatternResolver();
        String base = resolveur.getResource("classpath:harmonie/rules/pack.yaml").getURL().toString().replace("pack.yaml", "");
        for (var r : resolveur.getResources("classpath*:harmonie/rules/**/*")) {
            String url = r.getURL().toString();
            if (r.isReadable() && url.startsWith(base) && !url.endsWith("/")) {
                Path p = cible.resolve(url.substring(base.length()));
                Files.createDirectories(p.getParent());
                try (InputStream in = r.getInputStream()) {
                    Files.write(p, in.readAllBytes());
                }
            }
        }
    }

}
