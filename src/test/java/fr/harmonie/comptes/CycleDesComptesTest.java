package fr.harmonie.comptes;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.ClientHttp;
import fr.harmonie.HorlogeReglable;
import fr.harmonie.ServiceDeTest;
import fr.harmonie.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * La vie d'un compte après sa création: la personne change son mot de passe, l'administration en donne un nouveau à
 * qui l'a oublié, désactive le compte de qui est parti et peut le réactiver. Chaque effet vaut dès la requête
 * suivante, et chaque changement est journalisé.
 */
@ServiceDeTest
class CycleDesComptesTest {

    private static final String INITIAL = "mot de passe initial";
    private static final String CHOISI = "celui que j'ai choisi, été 2026";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HorlogeReglable horloge;

    /** A new account in the demo bailleur's organisation, so that the demo accounts other tests use stay as they are. */
    private void creerCompte(String identifiant) throws Exception {
        long organisation = jdbc.sql("SELECT organisation_id FROM compte WHERE identifiant = 'bailleur'").query(Long.class).single();
        assertThat(ClientHttp.appeler(port, "POST", "/api/v1/admin/comptes", "admin", "{\"identifiant\": \"" + identifiant
                + "\", \"motDePasse\": \"" + INITIAL + "\", \"organisation\": " + organisation + "}", null).statusCode()).isEqualTo(201);
    }

    private int statut(String identifiant, String motDePasse) throws Exception {
        return ClientHttp.appeler(port, "GET", "/api/v1/dossiers", identifiant, motDePasse, null, null).statusCode();
    }

    private HttpResponse<String> changer(String identifiant, String motDePasse, String actuel, String nouveau) throws Exception {
        return ClientHttp.appeler(port, "PUT", "/api/v1/moi/mot-de-passe", identifiant, motDePasse,
                Json.MAPPER.writeValueAsString(new MonCompte.ChangementMotDePasse(actuel, nouveau)), null);
    }

    private static String detail(HttpResponse<String> r) {
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        return Json.MAPPER.readTree(r.body()).get("detail").asString();
    }

    private java.util.List<String> journal(String identifiant) {
        return jdbc.sql("SELECT qui || ' ' || action FROM journal WHERE objet = ? ORDER BY id").param("compte:" + identifiant)
                .query(String.class).list();
    }

    @Test
    void unePersonneChangeSonMotDePasseEtLAncienEstAussitotRefuse() throws Exception {
        creerCompte("gestion.patrimoine");
        JsonNode moi = Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", "/api/v1/moi", "gestion.patrimoine", INITIAL, null, null).body());
        assertThat(moi.get("role").asString()).isEqualTo("BAILLEUR");
        assertThat(moi.get("siren").asString()).isEqualTo("732829320");
        assertThat(moi.get("nomOrganisation").asString()).isEqualTo("Bailleur de démonstration");
        assertThat(moi.get("jeton").asBoolean()).isFalse();

        HttpResponse<String> mauvais = changer("gestion.patrimoine", INITIAL, "pas le bon mot de passe", CHOISI);
        assertThat(mauvais.statusCode()).isEqualTo(400);
        assertThat(detail(mauvais)).contains("ne correspond pas").contains("rien n'a changé");
        HttpResponse<String> court = changer("gestion.patrimoine", INITIAL, INITIAL, "court");
        assertThat(court.statusCode()).isEqualTo(400);
        assertThat(detail(court)).contains("« nouveauMotDePasse » : 12 caractères au moins et 72 octets au plus");
        HttpResponse<String> long_ = changer("gestion.patrimoine", INITIAL, INITIAL, "é".repeat(40));
        assertThat(long_.statusCode()).isEqualTo(400);
        assertThat(detail(long_)).contains("celui-ci en fait 80.");
        // As long as a password may be: 48 letters, half of them accented, 72 bytes.
        String accentue = "Lé".repeat(24);
        assertThat(changer("gestion.patrimoine", INITIAL, INITIAL, accentue).statusCode()).isEqualTo(204);
        assertThat(statut("gestion.patrimoine", accentue)).isEqualTo(200);
        assertThat(changer("gestion.patrimoine", accentue, accentue, INITIAL).statusCode()).isEqualTo(204);
        assertThat(changer("gestion.patrimoine", INITIAL, INITIAL, INITIAL).statusCode()).isEqualTo(400);
        assertThat(statut("gestion.patrimoine", INITIAL)).as("refused changes leave the password as it was").isEqualTo(200);

        assertThat(changer("gestion.patrimoine", INITIAL, INITIAL, CHOISI).statusCode()).isEqualTo(204);
        assertThat(statut("gestion.patrimoine", INITIAL)).isEqualTo(401);
        assertThat(statut("gestion.patrimoine", CHOISI)).isEqualTo(200);
        assertThat(journal("gestion.patrimoine")).containsExactly("admin CREATION_COMPTE", "gestion.patrimoine CHANGEMENT_MOT_DE_PASSE",
                "gestion.patrimoine CHANGEMENT_MOT_DE_PASSE", "gestion.patrimoine CHANGEMENT_MOT_DE_PASSE");

        // A machine client says who it acts for, but has no password to change.
        String jeton = Json.MAPPER.readTree(ClientHttp.appeler(port, "POST", "/api/v1/jetons", "gestion.patrimoine", CHOISI,
                "{\"libelle\": \"SI patrimoine\"}", null).body()).get("jeton").asString();
        HttpClient http = HttpClient.newHttpClient();
        JsonNode parJeton = Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/moi"))
                .header("Authorization", "Bearer " + jeton).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(parJeton.get("jeton").asBoolean()).isTrue();
        assertThat(parJeton.get("siren").asString()).isEqualTo("732829320");
        HttpResponse<String> changementParJeton = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/moi/mot-de-passe")).header("Authorization", "Bearer " + jeton).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"motDePasseActuel\": \"x\", \"nouveauMotDePasse\": \"" + INITIAL + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(changementParJeton.statusCode()).isEqualTo(403);
    }

    @Test
    void lAdministrationDesactiveReactiveEtReinitialiseUnCompte() throws Exception {
        creerCompte("depart.en.retraite");
        assertThat(statut("depart.en.retraite", INITIAL)).isEqualTo(200);

        String desactiver = "{\"actif\": false}";
        assertThat(ClientHttp.appeler(port, "PUT", "/api/v1/admin/comptes/depart.en.retraite/actif", "admin", desactiver, null)
                .statusCode()).isEqualTo(204);
        assertThat(statut("depart.en.retraite", INITIAL)).as("refused at once, with the right password").isEqualTo(401);
        assertThat(statut("depart.en.retraite", "mauvais mot de passe")).isEqualTo(401);
        JsonNode organisations = Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", "/api/v1/admin/organisations", "admin", null, null).body());
        assertThat(organisations.findParents("identifiant")).filteredOn(c -> c.get("identifiant").asString().equals("depart.en.retraite"))
                .singleElement().satisfies(c -> assertThat(c.get("actif").asBoolean()).isFalse());
        assertThat(ClientHttp.appeler(port, "PUT", "/api/v1/admin/comptes/depart.en.retraite/actif", "admin", desactiver, null)
                .statusCode()).as("idempotent").isEqualTo(204);

        HttpResponse<String> soiMeme = ClientHttp.appeler(port, "PUT", "/api/v1/admin/comptes/admin/actif", "admin", desactiver, null);
        assertThat(soiMeme.statusCode()).isEqualTo(409);
        assertThat(detail(soiMeme)).contains("votre propre compte");
        assertThat(ClientHttp.appeler(port, "PUT", "/api/v1/admin/comptes/personne/actif", "admin", desactiver, null).statusCode())
                .isEqualTo(404);
        HttpResponse<String> sansValeur = ClientHttp.appeler(port, "PUT", "/api/v1/admin/comptes/depart.en.retraite/actif", "admin", "{}", null);
        assertThat(sansValeur.statusCode()).isEqualTo(400);
        assertThat(detail(sansValeur)).contains("« actif »");
        HttpResponse<String> pasUnBooleen = ClientHttp.appeler(port, "PUT", "/api/v1/admin/comptes/depart.en.retraite/actif", "admin",
                "{\"actif\": \"peut-être\"}", null);
        assertThat(pasUnBooleen.statusCode()).isEqualTo(400);
        assertThat(detail(pasUnBooleen)).isEqualTo("« actif » n'a pas le type attendu : true ou false.");
        // A value of another JSON type is not read as a boolean: « "false" » and 0 leave the account as it is, and say so.
        for (String autreType : new String[] {"\"true\"", "1"}) {
            HttpResponse<String> converti = ClientHttp.appeler(port, "PUT", "/api/v1/admin/comptes/depart.en.retraite/actif", "admin",
                    "{\"actif\": " + autreType + "}", null);
            assertThat(converti.statusCode()).as(autreType).isEqualTo(400);
            assertThat(detail(converti)).as(autreType).contains("true ou false");
        }
        HttpResponse<String> sirenEnNombre = ClientHttp.appeler(port, "POST", "/api/v1/admin/organisations", "admin",
                "{\"type\": \"BAILLEUR\", \"nom\": \"OPH sans zéro\", \"siren\": 12345678}", null);
        assertThat(detail(sirenEnNombre)).isEqualTo("« siren » : « 12345678 » ne convient pas (attendu : un texte).");
        HttpResponse<String> pasDuJson = ClientHttp.appeler(port, "PUT", "/api/v1/admin/comptes/depart.en.retraite/actif", "admin",
                "{\"actif\": fals", null);
        assertThat(detail(pasDuJson)).isEqualTo("Le corps de la requête n'est pas un JSON bien formé.");
        assertThat(statut("depart.en.retraite", INITIAL)).as("still deactivated").isEqualTo(401);

        assertThat(ClientHttp.appeler(port, "PUT", "/api/v1/admin/comptes/depart.en.retraite/actif", "admin", "{\"actif\": true}", null)
                .statusCode()).isEqualTo(204);
        assertThat(statut("depart.en.retraite", INITIAL)).isEqualTo(200);

        // Forgotten password: the administration gives a new one, the old one stops working.
        HttpResponse<String> tropCourt = ClientHttp.appeler(port, "PUT", "/api/v1/admin/comptes/depart.en.retraite/mot-de-passe", "admin",
                "{\"motDePasse\": \"demo\"}", null);
        assertThat(tropCourt.statusCode()).isEqualTo(400);
        assertThat(statut("depart.en.retraite", INITIAL)).isEqualTo(200);
        assertThat(ClientHttp.appeler(port, "PUT", "/api/v1/admin/comptes/depart.en.retraite/mot-de-passe", "admin",
                "{\"motDePasse\": \"" + CHOISI + "\"}", null).statusCode()).isEqualTo(204);
        assertThat(statut("depart.en.retraite", INITIAL)).isEqualTo(401);
        assertThat(statut("depart.en.retraite", CHOISI)).isEqualTo(200);
        assertThat(ClientHttp.appeler(port, "PUT", "/api/v1/admin/comptes/personne/mot-de-passe", "admin",
                "{\"motDePasse\": \"" + CHOISI + "\"}", null).statusCode()).isEqualTo(404);

        assertThat(journal("depart.en.retraite")).containsExactly("admin CREATION_COMPTE", "admin DESACTIVATION_COMPTE",
                "admin REACTIVATION_COMPTE", "admin REINITIALISATION_MOT_DE_PASSE");
        assertThat(statut("admin", "demo")).isEqualTo(200);
    }

    /**
     * Guessing a password gets slow: after ten failures in a row the identifier waits fifteen minutes, even with the
     * right password, and an unknown identifier is answered the same way. Other accounts are untouched.
     */
    @Test
    void dixMauvaisMotsDePasseDeSuiteMettentLIdentifiantEnPause() throws Exception {
        creerCompte("essais.repetes");
        creerCompte("voisin.tranquille");
        for (int i = 0; i < TentativesDeConnexion.ECHECS_MAX; i++) {
            assertThat(statut("essais.repetes", "devine-" + i)).isEqualTo(401);
            assertThat(statut("personne.de.connu", "devine-" + i)).isEqualTo(401);
        }
        HttpResponse<String> enPause = ClientHttp.appeler(port, "GET", "/api/v1/dossiers", "essais.repetes", INITIAL, null, null);
        assertThat(enPause.statusCode()).isEqualTo(429);
        assertThat(detail(enPause)).isEqualTo("Trop de mots de passe erronés pour ce compte : réessayez dans 15 minutes.");
        assertThat(enPause.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isBetween(890L, 901L));
        assertThat(statut("personne.de.connu", "n'importe")).as("an unknown identifier is not told apart").isEqualTo(429);
        assertThat(statut("voisin.tranquille", INITIAL)).isEqualTo(200);

        horloge.regler(Instant.now().plus(TentativesDeConnexion.PAUSE).plusSeconds(60));
        assertThat(statut("essais.repetes", INITIAL)).isEqualTo(200);
        assertThat(statut("essais.repetes", "encore faux")).as("a success starts the count again").isEqualTo(401);
        assertThat(statut("essais.repetes", INITIAL)).isEqualTo(200);
    }

    /**
     * Identifiers are kept in lower case: « Elodie.Martin », typed by a person or capitalised by a phone's keyboard, was
     * refused (401) with the right password. It logs in as elodie.martin, its failures count with that account's (or each
     * way of writing it would get ten tries), and the administration reaches the account written either way.
     */
    @Test
    void unIdentifiantTapeAvecDesMajusculesEstLeCompteEnMinuscules() throws Exception {
        creerCompte("elodie.martin");
        assertThat(statut("Elodie.Martin", INITIAL)).isEqualTo(200);
        HttpResponse<String> moi = ClientHttp.appeler(port, "GET", "/api/v1/moi", "ELODIE.MARTIN", INITIAL, null, null);
        assertThat(Json.MAPPER.readTree(moi.body()).get("identifiant").asString()).isEqualTo("elodie.martin");

        for (int i = 0; i < TentativesDeConnexion.ECHECS_MAX; i++) {
            assertThat(statut(i % 2 == 0 ? "Elodie.Martin" : "elodie.MARTIN", "devine-" + i)).isEqualTo(401);
        }
        assertThat(statut("elodie.martin", INITIAL)).as("ten failures, however written, pause the account").isEqualTo(429);
        horloge.regler(Instant.now().plus(TentativesDeConnexion.PAUSE).plusSeconds(60));
        assertThat(statut("elodie.martin", INITIAL)).isEqualTo(200);

        assertThat(ClientHttp.appeler(port, "PUT", "/api/v1/admin/comptes/Elodie.Martin/actif", "admin", "{\"actif\": false}", null)
                .statusCode()).isEqualTo(204);
        assertThat(statut("elodie.martin", INITIAL)).isEqualTo(401);
        assertThat(journal("elodie.martin")).containsExactly("admin CREATION_COMPTE", "admin DESACTIVATION_COMPTE");
    }
}
