package fr.harmonie.regles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.harmonie.Socle;
import fr.harmonie.dossier.LecteurDossier;
import fr.harmonie.evaluation.Evaluateur;
import fr.harmonie.evaluation.Resultat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kie.internal.concurrent.ExecutorProviderFactory;

/** Le moteur: compilation refusée quand une règle est fautive, plafond de déclenchements, sûreté entre threads. */
class MoteurReglesTest {

    private static final Pack NATIONAL = SocleNational.charger(Path.of("rules"));

    /** Le socle national, plus un fichier de règles ajouté. */
    private static Pack avecRegle(String nomFichier, String drl) {
        TreeMap<String, byte[]> fichiers = new TreeMap<>(NATIONAL.fichiers().fichiers());
        fichiers.put("regles/" + nomFichier, drl.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return LecteurPack.lire(new FichiersPack("test", fichiers));
    }

    private static final String ENTETE = "package harmonie.national;\nimport fr.harmonie.regles.faits.*;\n";

    /**
     * After 20 evaluations of a constraint, Drools compiles it to bytecode in the background, and to type it, MVEL
     * evaluates every branch of an {@code ||}, even those the guard before it skips: NAT-MA-013's
     * {@code prixRevientTTC == null || … || Seuils.differe(totalRessources, prixRevientTTC, …)} called {@code differe}
     * with a null. MVEL then printed an {@code IllegalArgumentException} with its stack as a warning (java.util.logging:
     * on standard error for {@code evaluer} over a directory, in the service's log through Spring's bridge): an alarm
     * about nothing, since the constraint compiled anyway. A dossier without financing (Grenoble, at programming) set
     * it off.
     */
    @Test
    void laCompilationDesContraintesEnArrierePlanNAvertitDeRien() throws Exception {
        ChaineCompilee chaine = CompilateurRegles.compiler(List.of(NATIONAL));
        fr.harmonie.dossier.Dossier sansFinancement = new LecteurDossier().lire(
                Files.readAllBytes(Path.of("src/test/resources/exemples/programmation-grenoble.json")));
        assertThat(sansFinancement.operation().financement()).isNull();
        java.util.logging.Logger mvel = java.util.logging.Logger.getLogger("org.mvel2");
        List<String> avertissements = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler ecoute = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                avertissements.add(r.getLevel() + " " + r.getMessage() + " " + r.getThrown());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        mvel.addHandler(ecoute);
        // Drools compiles constraints on its shared pool: wait for that work, not for a fixed time.
        ThreadPoolExecutor compilations = (ThreadPoolExecutor) ExecutorProviderFactory.getExecutorProvider().getExecutor();
        long avant = compilations.getTaskCount();
        try {
            for (int i = 0; i < 50; i++) {
                MoteurRegles.executer(chaine, sansFinancement, List.of());
            }
            assertThat(compilations.getTaskCount()).as("contraintes compilées en arrière-plan").isGreaterThan(avant);
            attendreLaFinDe(compilations);
            assertThat(avertissements).isEmpty();
        } finally {
            mvel.removeHandler(ecoute);
        }
    }

    private static void attendreLaFinDe(ThreadPoolExecutor pool) throws InterruptedException {
        long limite = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (pool.getCompletedTaskCount() < pool.getTaskCount()) {
            assertThat(System.nanoTime()).as("compilations en arrière-plan finies dans la minute").isLessThan(limite);
            Thread.sleep(10);
        }
    }

    @Test
    void uneRegleQuiNeCompilePasEstRefuseeAvecSonFichierEtSaLigne() {
        Pack fautif = avecRegle("fautive.drl", ENTETE + "\nrule \"x\" @id(\"T-1\") @reference(\"r\") ruleflow-group \"anomalies\"\n"
                + "when\n  Demande(champInexistant == 3)\nthen\nend\n");

        assertThatThrownBy(() -> CompilateurRegles.compiler(List.of(fautif)))
                .isInstanceOf(PackInvalideException.class)
                .hasMessageContaining(Socle.REFERENCE)
                .hasMessageContaining("regles/fautive.drl")
                .hasMessageContaining("ligne 6")
                .hasMessageContaining("champInexistant");
    }

    /**
     * The rules compile against a class loader that remembers the names the application does not hold: the second
     * compilation of a rule naming a missing class meets that memory, and must fail as the first did.
     */
    @Test
    void uneRegleQuiNommeUneClasseAbsenteEstRefuseeAChaqueCompilation() {
        Pack fautif = avecRegle("absente.drl", ENTETE + "import fr.harmonie.regles.faits.Inexistante;\n"
                + "rule \"y\" @id(\"T-2\") @reference(\"r\") ruleflow-group \"anomalies\"\nwhen\n  Inexistante()\nthen\nend\n");

        for (int fois = 1; fois <= 2; fois++) {
            assertThatThrownBy(() -> CompilateurRegles.compiler(List.of(fautif)))
                    .isInstanceOf(PackInvalideException.class)
                    .hasMessageContaining("regles/absente.drl")
                    .hasMessageContaining("règle qui ne compile pas")
                    .hasMessageContaining("Inexistante");
        }
        assertThat(CompilateurRegles.compiler(List.of(NATIONAL)).regles()).isNotEmpty();
    }

    @Test
    void uneRegleSansIdSansSourceOuHorsEtapeEstRefusee() {
        Pack fautif = avecRegle("incomplete.drl", ENTETE + "rule \"Une règle sans métadonnées\"\nwhen\n  Demande()\nthen\nend\n");

        assertThatThrownBy(() -> CompilateurRegles.compiler(List.of(fautif)))
                .isInstanceOf(PackInvalideException.class)
                .hasMessageContaining("Une règle sans métadonnées")
                .hasMessageContaining("sans @id")
                .hasMessageContaining("sans @reference")
                .hasMessageContaining("hors des étapes");
    }

    @Test
    void deuxReglesAvecLeMemeIdSontRefusees() {
        Pack fautif = avecRegle("doublon.drl", ENTETE + "rule \"Doublon\" @id(\"NAT-PJ-001\") @reference(\"r\") ruleflow-group \"pieces\"\n"
                + "when\n  Demande()\nthen\nend\n");

        assertThatThrownBy(() -> CompilateurRegles.compiler(List.of(fautif)))
                .isInstanceOf(PackInvalideException.class).hasMessageContaining("NAT-PJ-001 déjà porté");
    }

    @Test
    void uneRegleQuiBoucleEstArreteeParLePlafondAvecUneErreurQuiLaNomme() throws Exception {
        Pack boucle = avecRegle("boucle.drl", ENTETE
                + "rule \"Une règle qui se relance sans fin\" @id(\"T-BOUCLE\") @reference(\"test\") ruleflow-group \"qualification\"\n"
                + "when\n  $l : LotFait(zoneLoyer != \"fin\")\nthen\n  modify($l) { setZoneLoyer(\"x\" + System.nanoTime()) }\nend\n");
        Evaluateur evaluateur = new Evaluateur(d -> new ChaineResolue(CompilateurRegles.compiler(List.of(boucle)), "test"),
                Clock.systemUTC());
        var dossier = new LecteurDossier().lire(Files.readAllBytes(Path.of("rules/cas/agrement.json")));

        assertThatThrownBy(() -> evaluateur.evaluer(dossier))
                .isInstanceOf(RegleEmballeeException.class)
                .hasMessageContaining("Une règle qui se relance sans fin")
                .hasMessageContaining("T-BOUCLE");
    }

    /**
     * The sessions are pooled: one stopped mid-stage goes back reset, and the next dossier is judged as by a chain that
     * never ran away (same receipt).
     */
    @Test
    void apresUneRegleEmballeeLaChaineJugeLeDossierSuivantCommeNeuve() throws Exception {
        Pack boucleADijon = avecRegle("boucle.drl", ENTETE
                + "rule \"Une règle qui boucle à Dijon\" @id(\"T-BOUCLE-DIJON\") @reference(\"test\") ruleflow-group \"qualification\"\n"
                + "when\n  Demande(codeInsee == \"21231\")\n  $l : LotFait(zoneLoyer != \"fin\")\n"
                + "then\n  modify($l) { setZoneLoyer(\"x\" + System.nanoTime()) }\nend\n");
        LecteurDossier lecteur = new LecteurDossier();
        var dijon = lecteur.lire(Files.readAllBytes(Path.of("src/test/resources/exemples/construction-neuve-dijon.json")));
        var grenoble = lecteur.lire(Files.readAllBytes(Path.of("src/test/resources/exemples/programmation-grenoble.json")));
        ChaineCompilee partagee = CompilateurRegles.compiler(List.of(boucleADijon));
        Evaluateur apresEmballements = new Evaluateur(d -> new ChaineResolue(partagee, "test"), Clock.systemUTC());
        Evaluateur neuf = new Evaluateur(d -> new ChaineResolue(CompilateurRegles.compiler(List.of(boucleADijon)), "test"),
                Clock.systemUTC());

        for (int i = 0; i < 2 * Runtime.getRuntime().availableProcessors() + 1; i++) {
            assertThatThrownBy(() -> apresEmballements.evaluer(dijon)).isInstanceOf(RegleEmballeeException.class);
        }
        Resultat suivant = apresEmballements.evaluer(grenoble);

        assertThat(suivant.empreinte()).isEqualTo(neuf.evaluer(grenoble).empreinte());
        assertThat(suivant.anomalies()).isEqualTo(neuf.evaluer(grenoble).anomalies());
    }

    @Test
    void uneChaineCompileeEvalueEnParalleleSansSeMelanger() throws Exception {
        Evaluateur evaluateur = new Evaluateur(new SocleNational(NATIONAL), Clock.systemUTC());
        LecteurDossier lecteur = new LecteurDossier();
        List<String> noms = List.of("construction-neuve-dijon", "programmation-grenoble", "vefa-limoges-permis-non-depose");
        List<String> attendus = new ArrayList<>();
        for (String nom : noms) {
            attendus.add(evaluateur.evaluer(lecteur.lire(Files.readAllBytes(Path.of("src/test/resources/exemples/" + nom + ".json")))).empreinte());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Resultat>> futurs = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                byte[] dossier = Files.readAllBytes(Path.of("src/test/resources/exemples/" + noms.get(i % 3) + ".json"));
                futurs.add(pool.submit(() -> evaluateur.evaluer(lecteur.lire(dossier))));
            }
            for (int i = 0; i < futurs.size(); i++) {
                assertThat(futurs.get(i).get().empreinte()).isEqualTo(attendus.get(i % 3));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
