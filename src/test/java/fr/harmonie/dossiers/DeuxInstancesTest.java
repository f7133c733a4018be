package fr.harmonie.dossiers;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fr.harmonie.ClientHttp;
import fr.harmonie.CopieDuDepot;
import fr.harmonie.HarmonieApplication;
import fr.harmonie.json.Json;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Deux instances d'Harmonie sur une même base (deux ports): ce que l'une écrit, l'autre le lit, et deux écritures
 * concurrentes du même dossier à partir du même ETag ne se perdent pas: une seule passe, l'autre reçoit 412. Un
 * rechargement des packs fait sur l'une, l'autre le suit; les mots de passe erronés se comptent sur les deux.
 */
class DeuxInstancesTest {

    private static final String MOT_DE_PASSE_ADMIN = "administrateur-du-test";
    /** Both instances read their packs there, as two instances of one deployment read the same image. */
    private static final Path DEPOT = CopieDuDepot.temporaire();

    /** A third instance's own copy, as an instance whose image was not redeployed reads other packs. */
    private static final Path DEPOT_C = CopieDuDepot.temporaire();

    private static EmbeddedPostgres base;
    private static ConfigurableApplicationContext c;
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;

    @BeforeAll
    static void demarrerLesDeuxInstances() throws Exception {
        base = EmbeddedPostgres.builder().start();
        a = demarrer("--harmonie.administrateur.identifiant=admin", "--harmonie.administrateur.mot-de-passe=" + MOT_DE_PASSE_ADMIN);
        b = demarrer(new String[0]);
        c = demarrer("--harmonie.packs.racine=" + DEPOT_C);
        // A configured database gets no demo account: create the bailleur the way an operator would.
        try (var c = base.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            String hache = a.getBean(org.springframework.security.crypto.password.PasswordEncoder.class).encode("demo");
            s.execute("INSERT INTO organisation (type, nom, siren) VALUES ('BAILLEUR', 'Bailleur', '732829320')");
            s.execute("INSERT INTO compte (identifiant, mot_de_passe, organisation_id, role) "
                    + "SELECT 'bailleur', '" + hache + "', id, 'BAILLEUR' FROM organisation WHERE siren = '732829320'");
        }
    }

    @AfterAll
    static void arreterLesDeuxInstances() throws Exception {
        for (AutoCloseable instance : new AutoCloseable[] {c, b, a, base}) {
            if (instance != null) {
                instance.close();
            }
        }
    }

    private static ConfigurableApplicationContext demarrer(String... autres) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=" + base.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--harmonie.packs.suivi=PT0.2S"));
        args.addAll(List.of(autres));
        if (args.stream().noneMatch(x -> x.startsWith("--harmonie.packs.racine="))) {
            args.add("--harmonie.packs.racine=" + DEPOT);
        }
        return SpringApplication.run(HarmonieApplication.class, args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext c) {
        return ((WebServerApplicationContext) c).getWebServer().getPort();
    }

    private static HttpResponse<String> appeler(int port, String methode, String chemin, String corps, String ifMatch) throws Exception {
        return ClientHttp.appeler(port, methode, chemin, "bailleur", corps, ifMatch);
    }

    @Test
    void deuxInstancesPartagentLaBaseSansPerdreDeModification() throws Exception {
        String dossier = Files.readString(Path.of("rules/cas/agrement.json")).replace("\"356000000\"", "\"732829320\"");
        String id = Json.MAPPER.readTree(appeler(port(a), "POST", "/api/v1/dossiers", dossier, null).body()).get("id").asString();
        assertThat(appeler(port(b), "GET", "/api/v1/dossiers/" + id, null, null).statusCode()).isEqualTo(200);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<HttpResponse<String>>> ecritures = List.of(
                    () -> appeler(port(a), "PUT", "/api/v1/dossiers/" + id, dossier.replace("CAS-AGREMENT", "PAR-A"), "\"1\""),
                    () -> appeler(port(b), "PUT", "/api/v1/dossiers/" + id, dossier.replace("CAS-AGREMENT", "PAR-B"), "\"1\""));
            List<Integer> statuts = new ArrayList<>();
            for (Future<HttpResponse<String>> f : pool.invokeAll(ecritures)) {
                statuts.add(f.get().statusCode());
            }
            assertThat(statuts).containsExactlyInAnyOrder(200, 412);
        } finally {
            pool.shutdownNow();
        }
        var relu = Json.MAPPER.readTree(appeler(port(b), "GET", "/api/v1/dossiers/" + id, null, null).body());
        assertThat(relu.get("version").asInt()).isEqualTo(2);
        assertThat(relu.get("dossier").get("reference").asString()).isIn("PAR-A", "PAR-B");
    }

    /**
     * The administrator reloads on one instance; the other, which nobody asked, serves the new version too at its next
     * look, so a dossier is not judged by one version on one port and another on the next.
     */
    @Test
    void unRechargementFaitSurUneInstanceEstSuiviParLAutre() throws Exception {
        String avant = territoires(b);
        CopieDuDepot.publierCommeNouvelleVersion(DEPOT.resolve("territories/region-28/2026.1"));
        HttpResponse<String> rechargement = ClientHttp.appeler(port(a), "POST", "/api/v1/admin/packs/rechargement", "admin",
                MOT_DE_PASSE_ADMIN, null, null);
        assertThat(rechargement.statusCode()).isEqualTo(200);
        assertThat(rechargement.body()).contains("region-28@2026.2");
        assertThat(territoires(a)).isNotEqualTo(avant).contains("\"2026.2\"");

        long limite = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!territoires(b).equals(territoires(a)) && System.nanoTime() < limite) {
            Thread.sleep(100);
        }
        assertThat(territoires(b)).isEqualTo(territoires(a));
    }

    /**
     * An instance whose own packs fail their checks does not follow a reload made elsewhere: it says so, and keeps
     * serving, and judging dossiers, with the packs it had.
     */
    @Test
    void uneInstanceDontLesPacksSontRefusesNeSuitPasEtContinueDeServir() throws Exception {
        String avant = territoires(c);
        Path casse = Files.createDirectories(DEPOT_C.resolve("territories/region-28/2027.1"));
        Files.copy(DEPOT_C.resolve("territories/region-28/2026.1/README.md"), casse.resolve("README.md"));
        Files.writeString(casse.resolve("pack.yaml"), Files.readString(DEPOT_C.resolve("territories/region-28/2026.1/pack.yaml"))
                .replace("version: \"2026.1\"", "version: \"2027.1\"").replace("validFrom: 2026-01-01", "validFrom: 2027-01-01")
                .replace("parent: national", "parent: region-inconnue"));
        Logger journal = (Logger) LoggerFactory.getLogger("fr.harmonie.stockage.SuiviDesRechargements");
        ListAppender<ILoggingEvent> lignes = new ListAppender<>();
        lignes.start();
        journal.addAppender(lignes);
        try {
            CopieDuDepot.publierCommeNouvelleVersion(DEPOT.resolve("territories/metropole-rouen-normandie/2026.1"));
            assertThat(ClientHttp.appeler(port(a), "POST", "/api/v1/admin/packs/rechargement", "admin", MOT_DE_PASSE_ADMIN, null, null)
                    .statusCode()).isEqualTo(200);

            long limite = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (lignes.list.stream().noneMatch(e -> e.getFormattedMessage().contains("non suivi ici")) && System.nanoTime() < limite) {
                Thread.sleep(100);
            }
        } finally {
            journal.detachAppender(lignes);
        }
        assertThat(lignes.list).anySatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getFormattedMessage()).contains("les packs en service continuent de servir", "parent « region-inconnue » inconnu");
        });
        assertThat(territoires(c)).isEqualTo(avant).doesNotContain("2027.1");
        HttpResponse<String> evaluation = ClientHttp.appeler(port(c), "POST", "/api/v1/evaluations", null, null,
                Files.readString(Path.of("rules/cas/agrement.json")), null);
        assertThat(evaluation.statusCode()).isEqualTo(200);
    }

    /** Guessing a password on two ports gives no more tries than on one: the count is the database's. */
    @Test
    void lesEchecsDeConnexionSeComptentSurLesDeuxInstances() throws Exception {
        for (int i = 0; i < 10; i++) {
            ConfigurableApplicationContext instance = i % 2 == 0 ? a : b;
            assertThat(ClientHttp.appeler(port(instance), "GET", "/api/v1/moi", "intrus", "essai-" + i, null, null).statusCode())
                    .isEqualTo(401);
        }
        assertThat(ClientHttp.appeler(port(a), "GET", "/api/v1/moi", "intrus", "encore", null, null).statusCode()).isEqualTo(429);
        assertThat(ClientHttp.appeler(port(b), "GET", "/api/v1/moi", "intrus", "encore", null, null).statusCode()).isEqualTo(429);
        assertThat(appeler(port(b), "GET", "/api/v1/dossiers", null, null).statusCode()).isEqualTo(200);
    }

    /**
     * A password checked on one instance is remembered there for a few minutes (bcrypt is slow): changed on the other
     * instance, the old one is refused at the next request all the same, and a deactivated account too.
     */
    @Test
    void unMotDePasseChangeOuUnCompteDesactiveSurUneInstanceEstRefuseDesLaRequeteSuivanteSurLAutre() throws Exception {
        String ancien = "ancien mot de passe";
        String nouveau = "nouveau mot de passe";
        try (var c = base.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            String hache = a.getBean(org.springframework.security.crypto.password.PasswordEncoder.class).encode(ancien);
            s.execute("INSERT INTO compte (identifiant, mot_de_passe, organisation_id, role) "
                    + "SELECT 'comptable', '" + hache + "', id, 'BAILLEUR' FROM organisation WHERE siren = '732829320'");
        }
        for (int i = 0; i < 2; i++) {
            assertThat(ClientHttp.appeler(port(b), "GET", "/api/v1/moi", "comptable", ancien, null, null).statusCode()).isEqualTo(200);
        }

        assertThat(ClientHttp.appeler(port(a), "PUT", "/api/v1/moi/mot-de-passe", "comptable", ancien,
                "{\"motDePasseActuel\": \"" + ancien + "\", \"nouveauMotDePasse\": \"" + nouveau + "\"}", null).statusCode())
                .isEqualTo(204);
        assertThat(ClientHttp.appeler(port(b), "GET", "/api/v1/moi", "comptable", ancien, null, null).statusCode()).isEqualTo(401);
        assertThat(ClientHttp.appeler(port(b), "GET", "/api/v1/moi", "comptable", nouveau, null, null).statusCode()).isEqualTo(200);

        assertThat(ClientHttp.appeler(port(a), "PUT", "/api/v1/admin/comptes/comptable/actif", "admin", MOT_DE_PASSE_ADMIN,
                "{\"actif\": false}", null).statusCode()).isEqualTo(204);
        assertThat(ClientHttp.appeler(port(b), "GET", "/api/v1/moi", "comptable", nouveau, null, null).statusCode()).isEqualTo(401);
    }

    /**
     * Instances started together on a new base each find no administrator yet: one creates it, and the other starts
     * all the same instead of failing on the account the first has just created.
     */
    @Test
    void deuxInstancesQuiDemarrentEnsembleCreentUnSeulAdministrateurEtDemarrentToutesDeux() throws Exception {
        long administrations = administrations();
        ExecutorService demarrage = Executors.newSingleThreadExecutor();
        try (var premiere = base.getPostgresDatabase().getConnection()) {
            // The first instance's creation, not yet committed when the second one looks for the account.
            premiere.setAutoCommit(false);
            String hache = a.getBean(org.springframework.security.crypto.password.PasswordEncoder.class).encode(MOT_DE_PASSE_ADMIN);
            try (var s = premiere.createStatement()) {
                s.execute("INSERT INTO organisation (type, nom) VALUES ('ADMINISTRATION', 'Administration Harmonie')");
                s.execute("INSERT INTO compte (identifiant, mot_de_passe, organisation_id, role) SELECT 'premier.admin', '" + hache
                        + "', max(id), 'ADMIN' FROM organisation");
            }
            Future<ConfigurableApplicationContext> seconde = demarrage.submit(() -> demarrer(
                    "--harmonie.administrateur.identifiant=premier.admin", "--harmonie.administrateur.mot-de-passe=" + MOT_DE_PASSE_ADMIN));
            long limite = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            try (var c = base.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
                while (true) {
                    try (var r = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")) {
                        r.next();
                        if (r.getLong(1) > 0) {
                            break;
                        }
                    }
                    assertThat(System.nanoTime()).as("la seconde instance crée le même compte").isLessThan(limite);
                    Thread.sleep(50);
                }
            }
            premiere.commit();

            try (ConfigurableApplicationContext d = seconde.get(60, java.util.concurrent.TimeUnit.SECONDS)) {
                assertThat(ClientHttp.appeler(port(d), "GET", "/api/v1/moi", "premier.admin", MOT_DE_PASSE_ADMIN, null, null).statusCode())
                        .isEqualTo(200);
            }
        } finally {
            demarrage.shutdownNow();
        }
        assertThat(administrations()).as("l'organisation de la seconde instance est annulée avec son compte").isEqualTo(administrations + 1);
    }

    private static long administrations() throws Exception {
        try (var c = base.getPostgresDatabase().getConnection(); var s = c.createStatement();
             var r = s.executeQuery("SELECT count(*) FROM organisation WHERE type = 'ADMINISTRATION'")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String territoires(ConfigurableApplicationContext instance) throws Exception {
        HttpResponse<String> r = ClientHttp.appeler(port(instance), "GET", "/api/v1/territoires", null, null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }
}
