package fr.harmonie.comptes;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.ClientHttp;
import fr.harmonie.DossiersDeTest;
import fr.harmonie.ServiceDeTest;
import fr.harmonie.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Sur une base à soi, l'administration crée les organisations et les comptes: un service instructeur créé ainsi voit
 * les dossiers déposés de ses packs, et les perd quand ses packs changent. Une demande invalide ne crée rien.
 */
@ServiceDeTest
class AdministrationComptesTest {

    private static final String MOT_DE_PASSE = "un mot de passe assez long";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    private HttpResponse<String> appeler(String methode, String chemin, String compte, String corps) throws Exception {
        return ClientHttp.appeler(port, methode, chemin, compte, corps, null);
    }

    /** HTTP Basic with the password the administration gave, not the demo one. */
    private HttpResponse<String> lireEnTantQue(String chemin, String identifiant) throws Exception {
        return ClientHttp.appeler(port, "GET", chemin, identifiant, MOT_DE_PASSE, null, null);
    }

    /**
     * Two administrators replace a service's packs at the same moment: each replacement is whole, one after the other,
     * never a mix of both nor a 500 (both inserting the same pack once the other's deletion had passed).
     */
    @Test
    void deuxRemplacementsSimultanesDesPacksDUnServicePassentLUnApresLAutre() throws Exception {
        HttpResponse<String> organisation = appeler("POST", "/api/v1/admin/organisations", "admin",
                "{\"type\": \"SERVICE_INSTRUCTEUR\", \"nom\": \"DDT de la Drôme\", \"territoires\": [\"region-84\"]}");
        long id = Json.MAPPER.readTree(organisation.body()).get("id").asLong();
        String chemin = "/api/v1/admin/organisations/" + id + "/territoires";
        ExecutorService deux = Executors.newFixedThreadPool(2);
        try (Connection tiers = dataSource.getConnection()) {
            // Another transaction holds the service's rows, so that both replacements reach them before either has passed.
            tiers.setAutoCommit(false);
            try (var s = tiers.createStatement()) {
                s.execute("SELECT * FROM organisation_territoire WHERE organisation_id = " + id + " FOR UPDATE");
            }
            Future<HttpResponse<String>> a = deux.submit(() -> appeler("PUT", chemin, "admin", "[\"national\", \"region-28\"]"));
            Future<HttpResponse<String>> b = deux.submit(() -> appeler("PUT", chemin, "admin", "[\"national\"]"));
            long limite = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'").query(Long.class).single() < 2) {
                assertThat(System.nanoTime()).as("les deux remplacements attendent").isLessThan(limite);
                Thread.sleep(20);
            }
            tiers.commit();

            assertThat(a.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(204);
            assertThat(b.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(204);
        } finally {
            deux.shutdownNow();
        }
        List<String> packs = jdbc.sql("SELECT pack_id FROM organisation_territoire WHERE organisation_id = ? ORDER BY pack_id")
                .param(id).query(String.class).list();
        assertThat(packs).isIn(List.of("national", "region-28"), List.of("national"));
    }

    @Test
    void unServiceInstructeurCreeParLAdministrationInstruitSesPacks() throws Exception {
        String grenoble = DossiersDeTest.creer(port, "38185", true);
        HttpResponse<String> organisation = appeler("POST", "/api/v1/admin/organisations", "admin",
                "{\"type\": \"SERVICE_INSTRUCTEUR\", \"nom\": \"DDT de l'Isère\", \"territoires\": [\"region-84\"]}");
        assertThat(organisation.statusCode()).isEqualTo(201);
        long id = Json.MAPPER.readTree(organisation.body()).get("id").asLong();
        HttpResponse<String> relue = appeler("GET", organisation.headers().firstValue("Location").orElseThrow(), "admin", null);
        assertThat(relue.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(relue.body()).get("nom").asString()).isEqualTo("DDT de l'Isère");
        assertThat(appeler("GET", "/api/v1/admin/organisations/999999", "admin", null).statusCode()).isEqualTo(404);
        HttpResponse<String> compte = appeler("POST", "/api/v1/admin/comptes", "admin",
                "{\"identifiant\": \"instruction.isere\", \"motDePasse\": \"" + MOT_DE_PASSE + "\", \"organisation\": " + id + "}");
        assertThat(compte.statusCode()).isEqualTo(201);

        assertThat(lireEnTantQue("/api/v1/dossiers/" + grenoble, "instruction.isere").statusCode()).isEqualTo(200);
        assertThat(appeler("PUT", "/api/v1/admin/organisations/" + id + "/territoires", "admin", "[\"metropole-rouen-normandie\"]")
                .statusCode()).isEqualTo(204);
        assertThat(lireEnTantQue("/api/v1/dossiers/" + grenoble, "instruction.isere").statusCode()).isEqualTo(404);

        JsonNode organisations = Json.MAPPER.readTree(appeler("GET", "/api/v1/admin/organisations", "admin", null).body());
        assertThat(organisations.findParents("nom")).filteredOn(o -> o.get("id").asLong() == id).singleElement().satisfies(o -> {
            assertThat(o.get("territoires").toString()).isEqualTo("[\"metropole-rouen-normandie\"]");
            assertThat(o.get("comptes").toString()).isEqualTo("[{\"identifiant\":\"instruction.isere\",\"role\":\"INSTRUCTEUR\",\"actif\":true}]");
        });
        assertThat(organisations.toString()).doesNotContain("bcrypt").doesNotContain("motDePasse").doesNotContain(MOT_DE_PASSE);
        assertThat(jdbc.sql("SELECT qui || ' ' || action || ' ' || objet FROM journal WHERE objet IN (?, ?) ORDER BY id")
                .params("organisation:" + id, "compte:instruction.isere").query(String.class).list())
                .containsExactly("admin CREATION_ORGANISATION organisation:" + id, "admin CREATION_COMPTE compte:instruction.isere",
                        "admin TERRITOIRES_ORGANISATION organisation:" + id);
    }

    private record Cas(String chemin, String corps, int statut, String detail) { }

    @Test
    void uneDemandeInvalideEstRefuseeEnFrancaisSansRienCreer() throws Exception {
        long organisations = jdbc.sql("SELECT count(*) FROM organisation").query(Long.class).single();
        long comptes = jdbc.sql("SELECT count(*) FROM compte").query(Long.class).single();
        long admin = jdbc.sql("SELECT organisation_id FROM compte WHERE identifiant = 'admin'").query(Long.class).single();
        String motDePasse = "\"motDePasse\": \"" + MOT_DE_PASSE + "\"";
        Cas[] refus = {
            new Cas("/api/v1/admin/organisations", "{\"type\": \"BAILLEUR\", \"nom\": \"X\", \"siren\": \"123456789\"}", 400, "n'est pas valide"),
            new Cas("/api/v1/admin/organisations", "{\"type\": \"BAILLEUR\", \"nom\": \"Doublon\", \"siren\": \"732829320\"}", 409,
                    "a déjà son organisation"),
            new Cas("/api/v1/admin/organisations", "{\"type\": \"SERVICE_INSTRUCTEUR\", \"nom\": \"X\", \"territoires\": [\"ddt-99\"]}", 400,
                    "Le pack « ddt-99 » n'existe pas ; les identifiants des packs : GET /api/v1/territoires."),
            new Cas("/api/v1/admin/organisations", "{\"type\": \"SERVICE_INSTRUCTEUR\", \"nom\": \"X\", \"territoires\": [\"region84\"]}", 400,
                    "Le pack « region84 » n'existe pas ; le pack voulu est sans doute « region-84 »."),
            new Cas("/api/v1/admin/organisations", "{\"type\": \"SERVICE_INSTRUCTEUR\", \"nom\": \"X\", \"territoires\": [\"metropole-rouen\"]}",
                    400, "Le pack « metropole-rouen » n'existe pas ; le pack voulu est sans doute « metropole-rouen-normandie »."),
            new Cas("/api/v1/admin/organisations", "{\"type\": \"BAILLEUR\", \"nom\": \"X\", \"siren\": \"552 100 554\"}", 400,
                    "Le SIREN « 552 100 554 » n'est pas valide (9 chiffres, clé de Luhn) : écrire « 552100554 », sans espaces."),
            new Cas("/api/v1/admin/organisations", "{\"type\": \"SERVICE_INSTRUCTEUR\", \"nom\": \"X\"}", 400, "les packs qu'il instruit"),
            new Cas("/api/v1/admin/organisations", "{\"type\": \"DREAL\", \"nom\": \"X\", \"region\": \"99\"}", 400, "« 99 » n'existe pas"),
            new Cas("/api/v1/admin/comptes", "{\"identifiant\": \"Élodie Martin\", " + motDePasse + ", \"organisation\": 1}", 400,
                    "commençant par une lettre ou un chiffre ; par exemple « elodie.martin »."),
            new Cas("/api/v1/admin/organisations", "{\"type\": \"DREAL\", \"nom\": \"X\", \"region\": \"35\"}", 400,
                    "La région « 35 » n'existe pas : 35 est un département, de la région 53."),
            new Cas("/api/v1/admin/organisations", "{\"type\": \"DREAL\", \"nom\": \"X\", \"region\": \"Bretagne\"}", 400,
                    "que donne chacune de ses communes : GET /api/v1/communes?nom=<une commune de la région>, champ « region »."),
            new Cas("/api/v1/admin/organisations", "{\"type\": \"MAIRIE\", \"nom\": \"X\"}", 400, "« type » vaut"),
            new Cas("/api/v1/admin/organisations", "{\"type\": \"ADMINISTRATION\", \"nom\": \" \"}", 400, "« nom » est requis"),
            new Cas("/api/v1/admin/organisations", "{\"type\": \"BAILLEUR\", \"nom\": \"X\"}", 400, "Un bailleur a un « siren »."),
            new Cas("/api/v1/admin/organisations", "{\"type\": \"DREAL\", \"nom\": \"X\", \"siren\": \"356000000\", \"region\": \"84\"}", 400,
                    "Seul un bailleur a un « siren »."),
            new Cas("/api/v1/admin/organisations", "{\"type\": \"DREAL\", \"nom\": \"X\"}", 400, "Une DREAL a une « region » (code INSEE)."),
            new Cas("/api/v1/admin/organisations", "{\"type\": \"ADMINISTRATION\", \"nom\": \"X\", \"region\": \"84\"}", 400,
                    "Seule une DREAL a une « region »."),
            new Cas("/api/v1/admin/organisations", "{\"type\": \"DREAL\", \"nom\": \"X\", \"region\": \"84\", \"territoires\": [\"region-84\"]}", 400,
                    "Seul un service instructeur a des « territoires »."),
            new Cas("/api/v1/admin/organisations", "{\"type\": ", 400, null),
            // A misspelt optional field was dropped unsaid: the service was created without the packs it was given.
            new Cas("/api/v1/admin/organisations", "{\"type\": \"DREAL\", \"nom\": \"X\", \"region\": \"84\", \"territoire\": [\"region-84\"]}",
                    400, "Corps de la requête : propriété « territoire » inconnue (attendues : nom, region, siren, territoires, type)."),
            new Cas("/api/v1/admin/organisations", "{\"type\": \"ADMINISTRATION\", \"nom\": \"nul\\u0000\"}", 400,
                    "« nom » contient le caractère NUL (U+0000)"),
            // The driver would keep a lone surrogate as "?": the organisation would not bear the name it was given.
            new Cas("/api/v1/admin/organisations", "{\"type\": \"ADMINISTRATION\", \"nom\": \"demi \\ud800\"}", 400,
                    "« nom » contient le caractère NUL (U+0000) ou une demi-paire de substitution isolée"),
            new Cas("/api/v1/admin/organisations", "{\"type\": \"SERVICE_INSTRUCTEUR\", \"nom\": \"X\", \"territoires\": [\"\\udc00\"]}",
                    400, "« territoires[0] » contient"),
            new Cas("/api/v1/admin/comptes", "{\"identifiant\": \"court\", \"motDePasse\": \"demo\", \"organisation\": " + admin + "}", 400,
                    "12 caractères au moins et 72 octets au plus en UTF-8"),
            // bcrypt reads 72 bytes: 40 accented letters are 80 (a 500 before, Spring Security refusing to hash them).
            new Cas("/api/v1/admin/comptes", "{\"identifiant\": \"long\", \"motDePasse\": \"" + "é".repeat(40) + "\", \"organisation\": "
                    + admin + "}", 400, "72 octets au plus en UTF-8 (72 caractères sans accent ; une lettre accentuée compte pour deux) : celui-ci en fait 80."),
            new Cas("/api/v1/admin/comptes", "{\"identifiant\": \"jeton:x\", " + motDePasse + ", \"organisation\": " + admin + "}", 400,
                    "« identifiant »"),
            new Cas("/api/v1/admin/comptes", "{\"identifiant\": \"bailleur\", " + motDePasse + ", \"organisation\": " + admin + "}", 409,
                    "existe déjà"),
            new Cas("/api/v1/admin/comptes", "{\"identifiant\": \"orphelin\", " + motDePasse + ", \"organisation\": 999999}", 400,
                    "n'existe pas"),
            new Cas("/api/v1/admin/comptes", "{\"identifiant\": \"sans.organisation\", " + motDePasse + "}", 400,
                    "« organisation » : l'identifiant de l'organisation du compte."),
            // Hashed as UTF-8, a lone surrogate and "?" would be one and the same password.
            new Cas("/api/v1/admin/comptes", "{\"identifiant\": \"demi.paire\", \"motDePasse\": \"douze-caracteres\\ud800\", \"organisation\": "
                    + admin + "}", 400, "« motDePasse » contient"),
        };
        for (Cas c : refus) {
            HttpResponse<String> r = appeler("POST", c.chemin(), "admin", c.corps());
            assertThat(r.statusCode()).as(c.corps()).isEqualTo(c.statut());
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            if (c.detail() != null) {
                assertThat(Json.MAPPER.readTree(r.body()).get("detail").asString()).as(c.corps()).contains(c.detail());
            }
        }
        assertThat(appeler("PUT", "/api/v1/admin/organisations/" + admin + "/territoires", "admin", "[\"region-84\"]").statusCode())
                .isEqualTo(400);
        assertThat(appeler("PUT", "/api/v1/admin/organisations/999999/territoires", "admin", "[\"region-84\"]").statusCode())
                .isEqualTo(404);
        long instructeur = jdbc.sql("SELECT organisation_id FROM compte WHERE identifiant = 'instructeur'").query(Long.class).single();
        HttpResponse<String> sansTerritoire = appeler("PUT", "/api/v1/admin/organisations/" + instructeur + "/territoires", "admin", "[]");
        assertThat(sansTerritoire.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(sansTerritoire.body()).get("detail").asString()).contains("les packs qu'il instruit");
        HttpResponse<String> pasUneListe = appeler("PUT", "/api/v1/admin/organisations/" + instructeur + "/territoires", "admin",
                "\"metropole-rouen-normandie\"");
        assertThat(Json.MAPPER.readTree(pasUneListe.body()).get("detail").asString())
                .isEqualTo("Le corps de la requête doit être une liste JSON, entre crochets : [\"…\", \"…\"] (voir /swagger-ui.html).");
        // An administrator's token acts for the administration, but does not create accounts.
        String jeton = Json.MAPPER.readTree(appeler("POST", "/api/v1/jetons", "admin", "{\"libelle\": \"automate\"}").body())
                .get("jeton").asString();
        HttpResponse<String> parJeton = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/admin/comptes")).header("Authorization", "Bearer " + jeton).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"identifiant\": \"par.jeton\", " + motDePasse + ", \"organisation\": "
                        + admin + "}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(parJeton.statusCode()).isEqualTo(403);
        assertThat(Json.MAPPER.readTree(parJeton.body()).get("detail").asString()).startsWith("Un jeton ne gère pas");
        assertThat(jdbc.sql("SELECT count(*) FROM organisation").query(Long.class).single()).isEqualTo(organisations);
        assertThat(jdbc.sql("SELECT count(*) FROM compte").query(Long.class).single()).isEqualTo(comptes);
    }
}
