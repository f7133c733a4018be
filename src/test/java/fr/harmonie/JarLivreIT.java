package fr.harmonie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.harmonie.evaluation.SchemaResultat;
import fr.harmonie.json.Json;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Le jar que le build livre ({@code target/harmonie.jar}), lancé comme le lance un utilisateur: {@code java -jar}, depuis
 * un répertoire qui n'est pas le dépôt, si bien que les packs, la géographie et {@code versions.lock} ne peuvent venir
 * que du jar. Les autres tests tournent sur {@code target/classes}: ils ne verraient ni un pack oublié à l'emballage, ni
 * une ressource que le chargeur de jars imbriqués de Spring Boot ne sait pas lister, ni des règles que Drools ne compile
 * pas quand leurs classes sont dans le jar.
 */
class JarLivreIT {

    private static final Path JAR = Path.of(System.getProperty("harmonie.jar", "target/harmonie.jar")).toAbsolutePath();
    private static final Path EXEMPLES = Path.of("src/test/resources/exemples").toAbsolutePath();
    private static final Path GOLDEN = Path.of("src/test/resources/golden").toAbsolutePath();

    @TempDir
    Path ailleurs;

    /** The locale {@link #lancer} runs under ({@code LC_ALL}, no {@code LANG}), or null for the build's own. */
    private String locale;

    /** The {@code java} that runs the jar: the build's unless a test says otherwise. */
    private String java = ServiceEnProcessus.java();

    /**
     * The build's JDK, and one JDK of each other version (17 or later) installed beside it (/usr/lib/jvm, SDKMAN's
     * candidates): users run the jar on the JDK they have. From Java 18 on the platform's encoding is UTF-8 while the
     * console keeps the locale's, so a check that held on Java 17 printed « ? » on Java 25.
     */
    static List<Jdk> jdks() throws IOException {
        Path maison = Path.of(System.getProperty("java.home"));
        Map<Integer, Jdk> parVersion = new TreeMap<>();
        Jdk construction = new Jdk(Runtime.version().feature(), Path.of(ServiceEnProcessus.java()));
        parVersion.put(construction.version(), construction);
        try (Stream<Path> voisins = Files.list(maison.toRealPath().getParent())) {
            for (Path jdk : voisins.sorted().toList()) {
                Path java = jdk.resolve("bin/java");
                Integer version = versionMajeure(jdk.resolve("release"));
                if (version != null && version >= 17 && Files.isExecutable(java)) {
                    parVersion.putIfAbsent(version, new Jdk(version, java));
                }
            }
        }
        return List.copyOf(parVersion.values());
    }

    /** The major version a JDK's {@code release} file gives ({@code JAVA_VERSION="25.0.3"}), or null. */
    private static Integer versionMajeure(Path release) throws IOException {
        if (!Files.isRegularFile(release)) {
            return null;
        }
        Matcher m = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE).matcher(Files.readString(release));
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    record Jdk(int version, Path java) {
        @Override
        public String toString() {
            return "Java " + version;
        }
    }

    record Sortie(int code, String sortie, String erreurs) {
    }

    @Test
    void evaluerHorsLigneRendLeResultatDuContratEtLeCodeDeSortieQuiDitSiLeDossierEstDeposable() throws Exception {
        String grenobleJson = EXEMPLES.resolve("programmation-grenoble.json").toString();
        Sortie grenoble = lancer(null, "-jar", JAR.toString(), "evaluer", grenobleJson);
        assertThat(grenoble.code()).as(grenoble.erreurs()).isZero();
        assertThat(SchemaResultat.ecarts(grenoble.sortie())).isEmpty();
        JsonNode resultat = Json.MAPPER.readTree(grenoble.sortie());
        assertThat(resultat.get("deposable").asBoolean()).isTrue();
        assertThat(chaine(resultat)).containsExactly("national", "region-84");

        // Un répertoire: une ligne par fichier, et la pire des sorties (Limoges n'est pas déposable).
        Sortie exemples = lancer(null, "-jar", JAR.toString(), "evaluer", EXEMPLES.toString());
        assertThat(exemples.code()).as(exemples.erreurs()).isEqualTo(1);
        List<String> lignes = exemples.sortie().lines().toList();
        assertThat(lignes).hasSize(3);
        JsonNode limoges = Json.MAPPER.readTree(lignes.get(2)).get("resultat");
        assertThat(limoges.get("deposable").asBoolean()).isFalse();
        assertThat(limoges.get("anomalies").findValuesAsString("code")).contains("VEFA_PERMIS_NON_DEPOSE");

        // The README's advice for a system that calls once per dossier: the jar extracted, without the JVM's second
        // compiler. It must give the very same output.
        Sortie extraction = lancer(null, "-Djarmode=tools", "-jar", JAR.toString(), "extract", "--destination", "extrait");
        assertThat(extraction.code()).as(extraction.sortie() + extraction.erreurs()).isZero();
        Sortie extrait = lancer(null, "-XX:TieredStopAtLevel=1", "-jar", "extrait/harmonie.jar", "evaluer", grenobleJson);
        assertThat(extrait.code()).as(extrait.erreurs()).isZero();
        assertThat(extrait.sortie()).isEqualTo(grenoble.sortie());

        Sortie invalide = lancer("{\"phase\": \"PLUS_TARD\"}", "-jar", JAR.toString(), "evaluer", "-");
        assertThat(invalide.code()).isEqualTo(2);
        assertThat(invalide.sortie()).isEmpty();
        assertThat(invalide.erreurs()).contains("Erreur : Dossier non conforme au format 1", "/phase");

        // To a full disk the result is lost: « evaluer d.json > r.json && … » must not go on with an empty r.json.
        File plein = new File("/dev/full");
        if (plein.exists()) {
            Sortie perdue = lancerVers(plein, null, "-jar", JAR.toString(), "evaluer", grenobleJson);
            assertThat(perdue.code()).isEqualTo(4);
            assertThat(perdue.erreurs()).contains("le résultat n'a pas pu être écrit en entier sur la sortie standard");
        }
    }

    /**
     * Under cron, a systemd unit or a bare container, the locale is often C. Java 17 then writes « ? » for each accented
     * letter, and Drools read the rules in ASCII: messages, sources and receipts changed with the machine's locale. The
     * result must be the same, in UTF-8, and the French errors readable, on each JDK.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void sousLaLocaleCLeResultatResteEnUtf8EtLesErreursLisibles(Jdk jdk) throws Exception {
        String limoges = EXEMPLES.resolve("vefa-limoges-permis-non-depose.json").toString();
        // Expected: the build's JDK under the build's locale. One dossier, one receipt, whatever the JDK and locale.
        Sortie attendue = lancer(null, "-jar", JAR.toString(), "evaluer", limoges);
        java = jdk.java().toString();
        locale = "C";
        Sortie enC = lancer(null, "-jar", JAR.toString(), "evaluer", limoges);
        assertThat(enC.code()).isEqualTo(1);
        assertThat(enC.sortie()).contains("n'est pas déposé").isEqualTo(attendue.sortie());
        Sortie invalide = lancer("{\"phase\": \"PLUS_TARD\"}", "-jar", JAR.toString(), "evaluer", "-");
        assertThat(invalide.erreurs()).contains("écarts au contrat du dossier").doesNotContain("?");
    }

    /**
     * Under the C locale Java decodes a command's arguments in ASCII: « Dépôts 2026 » loses its accented letters before
     * the command sees it. The command cannot read it, and must say why and what to do, not print a stack trace.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void sousLaLocaleCUnCheminAccentueEstRefuseEnDisantQuoiFaire(Jdk jdk) throws Exception {
        assumeTrue(StandardCharsets.UTF_8.name().equals(System.getProperty("sun.jnu.encoding")),
                "ce JVM de test doit pouvoir nommer un répertoire accentué");
        Path depots = Files.createDirectories(ailleurs.resolve("Dépôts 2026"));
        Path dijon = Files.copy(EXEMPLES.resolve("construction-neuve-dijon.json"), depots.resolve("dijon.json"));
        java = jdk.java().toString();
        locale = "C";
        for (Sortie refus : List.of(lancer(null, "-jar", JAR.toString(), "evaluer", dijon.toString()),
                lancer(null, "-jar", JAR.toString(), "evaluer", depots.toString()),
                lancer(null, "-jar", JAR.toString(), "verifier", "--packs", depots.toString()))) {
            assertThat(refus.code()).as(refus.erreurs()).isEqualTo(2);
            assertThat(refus.erreurs()).contains("Erreur : nom de fichier invalide", "locale du système, LC_ALL=C,",
                    "LC_ALL=C.UTF-8").doesNotContain("Exception");
        }
        // The advice works.
        locale = "C.UTF-8";
        Sortie lue = lancer(null, "-jar", JAR.toString(), "evaluer", dijon.toString());
        assertThat(lue.code()).as(lue.erreurs()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void verifierJoueLesCasDesPacksDuJarEtReconnaitLeursVersionsPublieesMemeSousLaLocaleC(Jdk jdk) throws Exception {
        java = jdk.java().toString();
        // The cases expect French messages: under the C locale, rules read in the platform's encoding failed them.
        locale = "C";
        Sortie verifier = lancer(null, "-jar", JAR.toString(), "verifier");
        assertThat(verifier.code()).as(verifier.sortie() + verifier.erreurs()).isZero();
        assertThat(verifier.sortie()).contains("metropole-rouen-normandie@2026.1", "aucun problème")
                .doesNotContain("pas encore publiée");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void leServiceDuJarEvalueUnDossierDeRouenRechargeSesPacksEtNeLaissePasSonPostgresEnPartant(Jdk jdk) throws Exception {
        java = jdk.java().toString();
        Path rouen = GOLDEN.resolve("05-transformation-bureaux-plai-adapte-rouen/dossier.json");
        Sortie horsLigne = lancer(null, "-jar", JAR.toString(), "evaluer", rouen.toString());
        // A server often runs under the C locale (a systemd unit): it must give the same result, and the same receipt.
        locale = "C";
        int port = ServiceEnProcessus.portLibre();
        Path temporaires = Files.createDirectories(ailleurs.resolve("tmp"));
        ProcessBuilder lancement = new ProcessBuilder(java, "-Djava.io.tmpdir=" + temporaires, "-jar",
                JAR.toString(), "--server.port=" + port);
        Process service = preparer(lancement).directory(ailleurs.toFile()).redirectErrorStream(true)
                .redirectOutput(ailleurs.resolve("service.log").toFile()).start();
        try {
            ServiceEnProcessus.attendre(service, port);
            HttpClient http = HttpClient.newHttpClient();
            String adresse = "http://localhost:" + port;
            HttpResponse<String> evaluation = http.send(HttpRequest.newBuilder(URI.create(adresse + "/api/v1/evaluations"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofFile(rouen)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(evaluation.statusCode()).as(evaluation.body()).isEqualTo(200);
            assertThat(SchemaResultat.ecarts(evaluation.body())).isEmpty();
            JsonNode resultat = Json.MAPPER.readTree(evaluation.body());
            assertThat(chaine(resultat)).containsExactly("national", "region-28", "metropole-rouen-normandie");
            assertThat(resultat.get("territoire").get("resolution").asString())
                    .isEqualTo("commune 76540 (Rouen) → Métropole Rouen Normandie");
            assertThat(resultat).isEqualTo(Json.MAPPER.readTree(horsLigne.sortie()));

            // The reload reads the jar's packs again, through Spring Boot's nested jar loader, as the start did.
            String admin = "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));
            URI recharger = URI.create(adresse + "/api/v1/admin/packs/rechargement");
            HttpResponse<String> rechargement = http.send(HttpRequest.newBuilder(recharger).header("Authorization", admin)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(rechargement.statusCode()).as(rechargement.body()).isEqualTo(200);
            assertThat(rechargement.body()).contains("metropole-rouen-normandie");

            // A backup of the running service's base, by the jar, from the service's directory (./data), reaches the
            // embedded server through the JDBC driver nested in the jar.
            Sortie sauvegarde = lancer(null, "-jar", JAR.toString(), "sauvegarder", "sauvegarde-" + jdk.version() + ".zip");
            assertThat(sauvegarde.code()).as(sauvegarde.erreurs()).isZero();
            assertThat(sauvegarde.sortie()).contains("service en marche");
        } catch (AssertionError | RuntimeException e) {
            System.err.println(Files.readString(ailleurs.resolve("service.log")));
            throw e;
        } finally {
            service.destroy();
            assertThat(service.waitFor(60, TimeUnit.SECONDS)).as("le service s'arrête sur SIGTERM").isTrue();
        }
        String journal = Files.readString(ailleurs.resolve("service.log"));
        assertThat(journal).contains("Started HarmonieApplication", "PostgreSQL embarqué sur le port").doesNotContain(" ERROR ");
        // The data stays where the README says, beside the command; its PostgreSQL stops with the service.
        assertThat(ailleurs.resolve("data")).isDirectory();
        assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains(ailleurs.toString()))).isEmpty();
        Sortie restauration = lancer(null, "-jar", JAR.toString(), "restaurer", "--donnees", "restauree",
                "sauvegarde-" + jdk.version() + ".zip");
        assertThat(restauration.code()).as(restauration.erreurs()).isZero();
        assertThat(ailleurs.resolve("restauree/postgres/PG_VERSION")).hasContent("17");

        // Then to a base of one's own: the jar finds its migrations (Flyway, outside Spring) through the nested jar.
        try (EmbeddedPostgres base = EmbeddedPostgres.builder().start()) {
            Sortie migration = lancerAvec(Map.of("SPRING_DATASOURCE_URL", base.getJdbcUrl("postgres", "postgres"),
                    "SPRING_DATASOURCE_USERNAME", "postgres", "SPRING_DATASOURCE_PASSWORD", "postgres"), "-jar", JAR.toString(),
                    "migrer", "--donnees", "data");
            assertThat(migration.code()).as(migration.erreurs()).isZero();
            assertThat(migration.sortie()).contains("compte : 9 lignes", "Comptes désactivés");
            try (Connection c = base.getPostgresDatabase().getConnection(); Statement st = c.createStatement();
                 ResultSet r = st.executeQuery("SELECT count(*) FROM pack_version")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getLong(1)).isPositive();
            }
        }
    }

    private static List<String> chaine(JsonNode resultat) {
        List<String> ids = new ArrayList<>();
        resultat.get("territoire").get("packs").forEach(p -> ids.add(p.get("id").asString()));
        return ids;
    }

    /**
     * The embedded default, as on a fresh machine: a developer's own base (SPRING_DATASOURCE_URL) or first administrator
     * in the environment would otherwise reach the service. Under {@link #locale} if one is set.
     */
    private ProcessBuilder preparer(ProcessBuilder pb) {
        pb.environment().keySet().removeIf(v -> v.startsWith("SPRING_") || v.startsWith("HARMONIE_") || v.equals("PORT"));
        if (locale != null) {
            pb.environment().keySet().removeIf(v -> v.equals("LANG") || v.startsWith("LC_"));
            pb.environment().put("LC_ALL", locale);
        }
        return pb;
    }

    /** {@code java args…} from a directory that holds no repository, with {@code entree} on stdin. */
    private Sortie lancer(String entree, String... args) throws IOException, InterruptedException {
        return lancerVers(ailleurs.resolve("sortie.txt").toFile(), entree, Map.of(), args);
    }

    /** The same with no input, and these variables in its environment. */
    private Sortie lancerAvec(Map<String, String> environnement, String... args) throws IOException, InterruptedException {
        return lancerVers(ailleurs.resolve("sortie.txt").toFile(), null, environnement, args);
    }

    /** The same, standard output written to {@code fichier}. */
    private Sortie lancerVers(File fichier, String entree, String... args) throws IOException, InterruptedException {
        return lancerVers(fichier, entree, Map.of(), args);
    }

    private Sortie lancerVers(File fichier, String entree, Map<String, String> environnement, String... args)
            throws IOException, InterruptedException {
        List<String> commande = new ArrayList<>(List.of(java));
        commande.addAll(List.of(args));
        Path erreurs = ailleurs.resolve("erreurs.txt");
        ProcessBuilder pb = preparer(new ProcessBuilder(commande));
        pb.environment().putAll(environnement);
        Process p = pb.directory(ailleurs.toFile()).redirectOutput(fichier).redirectError(erreurs.toFile()).start();
        try (var in = p.getOutputStream()) {
            if (entree != null) {
                in.write(entree.getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("la commande rend la main").isTrue();
        return new Sortie(p.exitValue(), fichier.isFile() ? Files.readString(fichier.toPath()) : "", Files.readString(erreurs));
    }
}
