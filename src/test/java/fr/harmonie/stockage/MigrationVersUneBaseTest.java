package fr.harmonie.stockage;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.ServiceEnProcessus;
import fr.harmonie.cli.Commandes;
import fr.harmonie.comptes.MotDePasseDemo;
import fr.harmonie.json.Json;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Qui a commencé avec la base embarquée (la commande du README) passe à son propre PostgreSQL sans rien perdre: dossiers
 * déposés, évaluations scellées dont le reçu se vérifie encore, jetons, journal, mots de passe choisis; les comptes qui
 * gardent le mot de passe « demo » n'y arrivent pas ouverts. Une copie qui échoue en route ne laisse rien dans la base
 * cible; une base cible qui tient déjà des données, un service en marche sur le répertoire, une base qui refuse: refusés.
 */
class MigrationVersUneBaseTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String MOT_DE_PASSE_CHOISI = "un mot de passe gardé";
    private static final AtomicInteger BASES = new AtomicInteger();

    @TempDir
    static Path racine;

    /** The data directory of a service that ran with its embedded base and has stopped. */
    private static Path donnees;
    private static String dossier;
    private static String evaluation;
    private static String jeton;
    /** Stands for the user's own server: a role that owns its base and nothing more. */
    private static EmbeddedPostgres serveur;

    @BeforeAll
    static void unServiceAvecSaBaseEmbarqueeAServi() throws Exception {
        Path fichiersDuServeur = racine.resolve("serveur");
        serveur = EmbeddedPostgres.builder().setDataDirectory(fichiersDuServeur).start();
        // The test's own connections stay trusted; Harmonie's role gives its password, as on a real server.
        Files.writeString(fichiersDuServeur.resolve("pg_hba.conf"), """
                host all postgres 127.0.0.1/32 trust
                host all postgres ::1/128 trust
                host all all 127.0.0.1/32 scram-sha-256
                host all all ::1/128 scram-sha-256
                """);
        try (Connection c = serveur.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE harmonie LOGIN PASSWORD 'secret'");
            s.execute("SELECT pg_reload_conf()");
        }
        donnees = racine.resolve("donnees");
        int port = ServiceEnProcessus.portLibre();
        Process service = ServiceEnProcessus.lancer(List.of(), Map.of("HARMONIE_DATA_DIR", donnees.toString()),
                racine.resolve("embarque.log"), "--server.port=" + port, "--harmonie.donnees.ephemeres=false");
        try {
            ServiceEnProcessus.attendre(service, port);
            envoyer(port, "PUT", "/api/v1/moi/mot-de-passe", basic("bailleur", "demo"),
                    "{\"motDePasseActuel\":\"demo\",\"nouveauMotDePasse\":\"" + MOT_DE_PASSE_CHOISI + "\"}", 204);
            String bailleur = basic("bailleur", MOT_DE_PASSE_CHOISI);
            String dijon = Files.readString(Path.of("src/test/resources/exemples/construction-neuve-dijon.json"))
                    .replace("\"552100554\"", "\"732829320\"");
            dossier = id(envoyer(port, "POST", "/api/v1/dossiers", bailleur, dijon, 201));
            evaluation = id(envoyer(port, "POST", "/api/v1/dossiers/" + dossier + "/evaluations", bailleur, "", 201));
            envoyer(port, "POST", "/api/v1/dossiers/" + dossier + "/depot", bailleur, "", 200);
            jeton = Json.MAPPER.readTree(envoyer(port, "POST", "/api/v1/jetons", bailleur, "{\"libelle\":\"erp\"}", 201))
                    .get("jeton").asString();
        } finally {
            service.destroy();
            service.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void arreter() throws Exception {
        serveur.close();
    }

    @Test
    void leServiceRetrouveSurLaBaseASoiChaqueDossierEvaluationJetonEtCompteEtLesComptesDeDemonstrationFermes()
            throws Exception {
        // In a schema of its own, as a DBA often gives an application (the embedded base uses public).
        Map<String, String> cible = new HashMap<>(baseVide());
        cible.put("SPRING_DATASOURCE_URL", cible.get("SPRING_DATASOURCE_URL") + "?currentSchema=harmonie");
        Sortie migration = migrer(cible, "--donnees", donnees.toString());
        assertThat(migration.code()).as(migration.erreurs()).isZero();
        assertThat(migration.sortie()).contains("dossier : 1 ligne", "evaluation : 2 lignes", "jeton : 1 ligne");
        List<String> fermes = new ArrayList<>(MotDePasseDemo.IDENTIFIANTS);
        fermes.remove("bailleur"); // its password was changed: it stays open
        assertThat(migration.sortie()).contains("Comptes désactivés, qui gardaient le mot de passe « demo »"
                + " (le service écoutera sur le réseau) : " + String.join(", ", fermes) + ".");
        assertThat(migration.sortie()).contains("Aucun administrateur actif");
        // Every account the embedded mode creates is in the list: none is left open with « demo ».
        assertThat(lire(cible, "SELECT string_agg(identifiant, ',' ORDER BY identifiant) FROM compte WHERE actif"))
                .isEqualTo("bailleur");

        // The old directory is marked: a service started on it without the new base (a unit file left as it was)
        // refuses, instead of serving a base that nobody reads any more.
        assertThat(migration.sortie()).contains("Le service refusera d'y démarrer sans base à vous");
        String refus = ServiceEnProcessus.refuse(List.of(), Map.of("HARMONIE_DATA_DIR", donnees.toString()),
                racine.resolve("apres-migration.log"), "--server.port=" + ServiceEnProcessus.portLibre(),
                "--harmonie.donnees.ephemeres=false");
        assertThat(refus).contains("Les données de " + donnees + " ne servent plus : Base copiée le ",
                "dans jdbc:postgresql://localhost:" + serveur.getPort() + "/harmonie_", "supprimer " + donnees.resolve("harmonie-migree"));

        // A second run finds the data there and refuses to mix.
        Sortie encore = migrer(cible, "--donnees", donnees.toString());
        assertThat(encore.code()).isEqualTo(2);
        assertThat(encore.erreurs()).contains("tient déjà des données d'Harmonie", "dossier=1");
        assertThat(lire(cible, "SELECT count(*) FROM dossier")).isEqualTo("1");
        assertThat(lire(cible, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).isEqualTo("0");

        Map<String, String> environnement = new HashMap<>(cible);
        environnement.put("HARMONIE_ADMINISTRATEUR_IDENTIFIANT", "chef");
        environnement.put("HARMONIE_ADMINISTRATEUR_MOT_DE_PASSE", "le chef après la migration");
        int port = ServiceEnProcessus.portLibre();
        Process service = ServiceEnProcessus.lancer(List.of(), environnement, racine.resolve("base-a-soi.log"),
                "--server.port=" + port);
        try {
            ServiceEnProcessus.attendre(service, port);
            String bailleur = basic("bailleur", MOT_DE_PASSE_CHOISI);
            assertThat(Json.MAPPER.readTree(envoyer(port, "GET", "/api/v1/dossiers/" + dossier, bailleur, null, 200))
                    .get("statut").asString()).isEqualTo("DEPOSE");
            String verification = envoyer(port, "GET", "/api/v1/evaluations/" + evaluation + "/verification", bailleur, null, 200);
            assertThat(Json.MAPPER.readTree(verification).get("concorde").asBoolean()).isTrue();
            assertThat(envoyer(port, "GET", "/api/v1/dossiers", "Bearer " + jeton, null, 200)).contains(dossier);
            envoyer(port, "GET", "/api/v1/moi", basic("bailleur2", "demo"), null, 401);
            envoyer(port, "GET", "/api/v1/moi", basic("admin", "demo"), null, 401);
            // New rows take new ids: the sequences followed (the journal's would collide with the copied lines).
            String dijon = Files.readString(Path.of("src/test/resources/exemples/construction-neuve-dijon.json"))
                    .replace("\"552100554\"", "\"732829320\"");
            envoyer(port, "POST", "/api/v1/dossiers", bailleur, dijon, 201);
            String journal = envoyer(port, "GET", "/api/v1/journal?limite=500", basic("chef", "le chef après la migration"), null, 200);
            assertThat(journal).contains("\"MIGRATION_DEPUIS_EMBARQUE\"", "\"compte:bailleur2\"", "\"DEPOT\"",
                    "\"dossier:" + dossier + "\"");
        } finally {
            service.destroy();
            service.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void uneCopieQuiEchoueEnRouteNeLaisseAucuneDonneeDansLaBaseCible() throws Exception {
        Map<String, String> cible = baseVide();
        // The schema made beforehand, as a first start would, and a table that refuses its rows: the copy fails after
        // the tables that come before it have been filled.
        org.flywaydb.core.Flyway.configure().dataSource(cible.get("SPRING_DATASOURCE_URL"), "harmonie", "secret").load().migrate();
        executer(cible, "CREATE FUNCTION refuser() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION"
                + " 'disque de la base cible plein'; END $$");
        executer(cible, "CREATE TRIGGER refus BEFORE INSERT ON evaluation FOR EACH ROW EXECUTE FUNCTION refuser()");

        Sortie migration = migrer(cible, "--donnees", donnees.toString());
        assertThat(migration.code()).isEqualTo(4);
        assertThat(migration.erreurs()).contains("a échoué, et la base cible n'en a rien gardé", "disque de la base cible plein");
        assertThat(lire(cible, "SELECT (SELECT count(*) FROM organisation) + (SELECT count(*) FROM compte)"
                + " + (SELECT count(*) FROM pack_version) + (SELECT count(*) FROM dossier) + (SELECT count(*) FROM journal)"))
                .isEqualTo("0");

        executer(cible, "DROP TRIGGER refus ON evaluation");
        Sortie reprise = migrer(cible, "--donnees", donnees.toString());
        assertThat(reprise.code()).as(reprise.erreurs()).isZero();
        assertThat(lire(cible, "SELECT count(*) FROM evaluation")).isEqualTo("2"); // the deposit seals one too
    }

    @Test
    void refuseeSansRienEcrireQuandLeServiceTourneOuQueLaBaseCibleRefuse() throws Exception {
        Map<String, String> cible = baseVide();
        try (RepertoireDonnees tenu = RepertoireDonnees.ouvrir(donnees, false)) {
            Sortie enMarche = migrer(cible, "--donnees", donnees.toString());
            assertThat(enMarche.code()).isEqualTo(2);
            assertThat(enMarche.erreurs()).contains("est tenu par un service Harmonie en marche", "arrêtez-le d'abord");
        }
        Map<String, String> mauvaisMotDePasse = new HashMap<>(cible);
        mauvaisMotDePasse.put("SPRING_DATASOURCE_PASSWORD", "faux");
        Sortie refusee = migrer(mauvaisMotDePasse, "--donnees", donnees.toString());
        assertThat(refusee.code()).isEqualTo(2);
        assertThat(refusee.erreurs()).contains("refuse l'utilisateur « harmonie » ou son mot de passe");

        Map<String, String> muette = new HashMap<>(cible);
        muette.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:" + ServiceEnProcessus.portLibre() + "/harmonie");
        assertThat(migrer(muette, "--donnees", donnees.toString()).erreurs()).contains("ne répond pas");

        Sortie sansBase = migrer(cible, "--donnees", racine.resolve("rien").toString());
        assertThat(sansBase.code()).isEqualTo(2);
        assertThat(sansBase.erreurs()).contains("aucune donnée d'Harmonie");

        Sortie sansCible = migrer(Map.of(), "--donnees", donnees.toString());
        assertThat(sansCible.code()).isEqualTo(2);
        assertThat(sansCible.erreurs()).contains("Usage : SPRING_DATASOURCE_URL=");

        // Nothing above wrote to the target, not even the schema.
        assertThat(lire(cible, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).isEqualTo("0");

        // A base last run by a newer Harmonie: Flyway would ignore its unknown migration, and the copy would leave the
        // newer tables' and columns' data behind.
        ajouterAHistorique("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                + " checksum, installed_by, execution_time, success) VALUES (999, '999', 'venue du futur', 'SQL',"
                + " 'V999__venue_du_futur.sql', 0, 'postgres', 0, true)");
        try {
            Map<String, String> pourLeFutur = baseVide();
            Sortie plusRecente = migrer(pourLeFutur, "--donnees", donnees.toString());
            assertThat(plusRecente.code()).isEqualTo(2);
            assertThat(plusRecente.erreurs()).contains("vient d'un Harmonie plus récent", "999");
            assertThat(lire(pourLeFutur, "SELECT count(*) FROM dossier")).isEqualTo("0");
        } finally {
            ajouterAHistorique("DELETE FROM flyway_schema_history WHERE version = '999'");
        }

        String latin1 = "latin1_" + BASES.incrementAndGet();
        try (Connection c = serveur.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + latin1 + " OWNER harmonie ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
        }
        Map<String, String> enLatin1 = new HashMap<>(cible);
        enLatin1.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:" + serveur.getPort() + "/" + latin1);
        Sortie encodage = migrer(enLatin1, "--donnees", donnees.toString());
        assertThat(encodage.code()).isEqualTo(2);
        assertThat(encodage.erreurs()).contains("est encodée en LATIN1", "puis relancer la migration");
    }

    /** {@code requete} run on the stopped service's embedded base, started for it. */
    private static void ajouterAHistorique(String requete) throws Exception {
        try (PostgresEmbarque pg = PostgresEmbarque.demarrer(donnees.resolve("postgres"), false);
             Connection c = MotDePasseDuPostgres.connecter(pg.port(), pg.motDePasse()); Statement s = c.createStatement()) {
            s.execute(requete);
        }
    }

    /** A new empty base on the user's server, owned by its role, as the README tells to create one. */
    private static Map<String, String> baseVide() throws Exception {
        String nom = "harmonie_" + BASES.incrementAndGet();
        try (Connection c = serveur.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + nom + " OWNER harmonie");
        }
        return Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:" + serveur.getPort() + "/" + nom,
                "SPRING_DATASOURCE_USERNAME", "harmonie", "SPRING_DATASOURCE_PASSWORD", "secret");
    }

    private static String lire(Map<String, String> cible, String requete) throws Exception {
        try (Connection c = DriverManager.getConnection(cible.get("SPRING_DATASOURCE_URL"), "harmonie", "secret");
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(requete)) {
            r.next();
            return r.getString(1);
        }
    }

    private static void executer(Map<String, String> cible, String requete) throws Exception {
        try (Connection c = DriverManager.getConnection(cible.get("SPRING_DATASOURCE_URL"), "harmonie", "secret");
             Statement s = c.createStatement()) {
            s.execute(requete);
        }
    }

    private static Sortie migrer(Map<String, String> environnement, String... options) {
        String[] args = new String[options.length + 1];
        args[0] = "migrer";
        System.arraycopy(options, 0, args, 1, options.length);
        ByteArrayOutputStream sortie = new ByteArrayOutputStream();
        ByteArrayOutputStream erreurs = new ByteArrayOutputStream();
        int code = Commandes.executer(args, environnement, new ByteArrayInputStream(new byte[0]),
                new PrintStream(sortie, true, StandardCharsets.UTF_8), new PrintStream(erreurs, true, StandardCharsets.UTF_8));
        return new Sortie(code, sortie.toString(StandardCharsets.UTF_8), erreurs.toString(StandardCharsets.UTF_8));
    }

    private record Sortie(int code, String sortie, String erreurs) {
    }

    private static String envoyer(int port, String methode, String chemin, String autorisation, String corps, int attendu) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + chemin))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", autorisation)
                    .header("Content-Type", "application/json")
                    .method(methode, corps == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(corps))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(methode + " " + chemin + " : " + r.body()).isEqualTo(attendu);
            return r.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String identifiant, String motDePasse) {
        return "Basic " + Base64.getEncoder().encodeToString((identifiant + ":" + motDePasse).getBytes(StandardCharsets.UTF_8));
    }

    private static String id(String corps) {
        return Json.MAPPER.readTree(corps).get("id").asString();
    }
}
