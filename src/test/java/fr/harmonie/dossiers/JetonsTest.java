package fr.harmonie.dossiers;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.ServiceDeTest;
import fr.harmonie.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Le système d'information d'un bailleur dépose ses dossiers avec un jeton de son organisation. */
@ServiceDeTest
class JetonsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private HttpResponse<String> envoyer(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder requete(String chemin) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + chemin));
    }

    @Test
    void unJetonDOrganisationAgitAvecLesDroitsDeSonOrganisation() throws Exception {
        HttpResponse<String> emis = envoyer(requete("/api/v1/jetons")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("bailleur:demo".getBytes()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"libelle\": \"SI du bailleur\"}")));
        assertThat(emis.statusCode()).isEqualTo(201);
        String jeton = Json.MAPPER.readTree(emis.body()).get("jeton").asString();
        assertThat(jeton).startsWith("hrm_");

        String dossier = Files.readString(Path.of("rules/cas/agrement.json")).replace("\"356000000\"", "\"732829320\"");
        HttpResponse<String> cree = envoyer(requete("/api/v1/dossiers").header("Authorization", "Bearer " + jeton)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(dossier)));
        HttpResponse<String> autreSiren = envoyer(requete("/api/v1/dossiers").header("Authorization", "Bearer " + jeton)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Files.readString(Path.of("rules/cas/agrement.json")))));
        HttpResponse<String> faux = envoyer(requete("/api/v1/dossiers").header("Authorization", "Bearer hrm_inconnu"));
        HttpResponse<String> admin = envoyer(requete("/api/v1/admin/packs/rechargement").header("Authorization", "Bearer " + jeton)
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(cree.statusCode()).isEqualTo(201);
        String id = Json.MAPPER.readTree(cree.body()).get("id").asString();
        // The scheme is case-insensitive: a library that writes "bearer" was asked for a password.
        assertThat(envoyer(requete("/api/v1/dossiers/" + id).header("Authorization", "bearer " + jeton)).statusCode()).isEqualTo(200);
        assertThat(envoyer(requete("/api/v1/dossiers/" + id).header("Authorization", "BEARER hrm_inconnu")).statusCode()).isEqualTo(401);
        assertThat(envoyer(requete("/api/v1/dossiers/" + id)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("bailleur:demo".getBytes()))).statusCode()).isEqualTo(200);
        assertThat(envoyer(requete("/api/v1/dossiers/" + id)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("bailleur2:demo".getBytes()))).statusCode()).isEqualTo(404);
        assertThat(autreSiren.statusCode()).isEqualTo(403);
        assertThat(faux.statusCode()).isEqualTo(401);
        assertThat(Json.MAPPER.readTree(faux.body()).get("title").asString()).isEqualTo("Jeton refusé");
        assertThat(admin.statusCode()).isEqualTo(403);

        HttpResponse<String> parUnJeton = envoyer(requete("/api/v1/jetons").header("Authorization", "Bearer " + jeton)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(parUnJeton.statusCode()).isEqualTo(403);
        assertThat(parUnJeton.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(Json.MAPPER.readTree(parUnJeton.body()).get("detail").asString()).contains("Un jeton ne peut pas émettre");
    }

    private HttpRequest.Builder parCompte(String chemin, String compte) {
        return requete(chemin).header("Authorization", "Basic " + Base64.getEncoder().encodeToString((compte + ":demo").getBytes()));
    }

    @Test
    void uneOrganisationVoitSesJetonsEtEnRevoqueUnQuiEstAussitotRefuse() throws Exception {
        HttpResponse<String> emis = envoyer(parCompte("/api/v1/jetons", "bailleur").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"libelle\": \"SI patrimoine, recette\"}")));
        JsonNode emission = Json.MAPPER.readTree(emis.body());
        String jeton = emission.get("jeton").asString();
        assertThat(emission.get("libelle").asString()).isEqualTo("SI patrimoine, recette");
        assertThat(envoyer(requete("/api/v1/dossiers").header("Authorization", "Bearer " + jeton)).statusCode()).isEqualTo(200);

        HttpResponse<String> liste = envoyer(parCompte("/api/v1/jetons", "bailleur"));
        assertThat(liste.statusCode()).isEqualTo(200);
        JsonNode emisListe = Json.MAPPER.readTree(liste.body()).get(0);
        assertThat(emisListe.get("libelle").asString()).isEqualTo("SI patrimoine, recette");
        assertThat(emisListe.get("creePar").asString()).isEqualTo("bailleur");
        assertThat(emisListe.get("role").asString()).isEqualTo("BAILLEUR");
        assertThat(emisListe.get("revoque").asBoolean()).isFalse();
        assertThat(liste.body()).doesNotContain(jeton.substring(4)).doesNotContain("empreinte");
        // The id given at emission is the one that revokes it, without looking for it in the list.
        String id = emission.get("id").asString();
        assertThat(emisListe.get("id").asString()).isEqualTo(id);
        assertThat(envoyer(parCompte("/api/v1/jetons", "bailleur2")).body()).doesNotContain("SI patrimoine, recette");

        // Neither another organisation nor the token itself may revoke it; the organisation's account may.
        HttpResponse<String> autreOrganisation = envoyer(parCompte("/api/v1/jetons/" + id, "bailleur2").DELETE());
        HttpResponse<String> parLeJeton = envoyer(requete("/api/v1/jetons/" + id).header("Authorization", "Bearer " + jeton).DELETE());
        assertThat(autreOrganisation.statusCode()).isEqualTo(404);
        assertThat(Json.MAPPER.readTree(autreOrganisation.body()).get("title").asString()).isEqualTo("Jeton introuvable");
        assertThat(parLeJeton.statusCode()).isEqualTo(403);
        assertThat(envoyer(requete("/api/v1/dossiers").header("Authorization", "Bearer " + jeton)).statusCode()).isEqualTo(200);

        assertThat(envoyer(parCompte("/api/v1/jetons/" + id, "bailleur").DELETE()).statusCode()).isEqualTo(204);
        HttpResponse<String> apres = envoyer(requete("/api/v1/dossiers").header("Authorization", "Bearer " + jeton));
        assertThat(apres.statusCode()).isEqualTo(401);
        assertThat(Json.MAPPER.readTree(apres.body()).get("title").asString()).isEqualTo("Jeton refusé");
        assertThat(Json.MAPPER.readTree(envoyer(parCompte("/api/v1/jetons", "bailleur")).body()).findParents("id"))
                .filteredOn(j -> j.get("id").asString().equals(id)).singleElement()
                .satisfies(j -> assertThat(j.get("revoque").asBoolean()).isTrue());
        assertThat(envoyer(parCompte("/api/v1/jetons/" + id, "bailleur").DELETE()).statusCode()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT qui FROM journal WHERE action = 'REVOCATION_JETON' AND objet = ?").param("jeton:" + id)
                .query(String.class).list()).containsExactly("bailleur");
        assertThat(envoyer(parCompte("/api/v1/jetons/abc", "bailleur").DELETE()).statusCode()).isEqualTo(404);

        // A token found in a log, revoked by its secret: by its organisation only, at once.
        String fuite = Json.MAPPER.readTree(envoyer(parCompte("/api/v1/jetons", "bailleur").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"libelle\": \"export nocturne\"}"))).body()).get("jeton").asString();
        assertThat(envoyer(parCompte("/api/v1/jetons/" + fuite, "bailleur2").DELETE()).statusCode()).isEqualTo(404);
        assertThat(envoyer(requete("/api/v1/dossiers").header("Authorization", "Bearer " + fuite)).statusCode()).isEqualTo(200);
        assertThat(envoyer(parCompte("/api/v1/jetons/" + fuite, "bailleur").DELETE()).statusCode()).isEqualTo(204);
        assertThat(envoyer(requete("/api/v1/dossiers").header("Authorization", "Bearer " + fuite)).statusCode()).isEqualTo(401);
    }

    /**
     * A token for a test system or a contractor's mission is valid up to a day, included, then refused with why, with
     * no one thinking of revoking it; its organisation sees the day in the list. A day past is refused at issue.
     */
    @Test
    void unJetonValableJusquAUnJourEstRefuseEnsuiteEnDisantPourquoi() throws Exception {
        String aujourdhui = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")).toString();
        HttpResponse<String> emis = envoyer(parCompte("/api/v1/jetons", "bailleur").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"libelle\": \"recette\", \"valableJusquAu\": \"" + aujourdhui + "\"}")));
        assertThat(emis.statusCode()).isEqualTo(201);
        JsonNode montre = Json.MAPPER.readTree(emis.body());
        assertThat(montre.get("valableJusquAu").asString()).isEqualTo(aujourdhui);
        String jeton = montre.get("jeton").asString();
        assertThat(envoyer(requete("/api/v1/dossiers").header("Authorization", "Bearer " + jeton)).statusCode())
                .as("valable le jour dit, compris").isEqualTo(200);

        // The day passed (the token's last day moved back, as the calendar would): refused, and told so.
        jdbc.sql("UPDATE jeton SET valable_jusqu_au = current_date - 2 WHERE id = ?").param(montre.get("id").asLong()).update();
        HttpResponse<String> expire = envoyer(requete("/api/v1/dossiers").header("Authorization", "Bearer " + jeton));
        assertThat(expire.statusCode()).isEqualTo(401);
        assertThat(Json.MAPPER.readTree(expire.body()).get("detail").asString()).startsWith("Ce jeton était valable jusqu'au ")
                .endsWith(" : demandez-en un autre à votre organisation (POST /api/v1/jetons).");
        JsonNode liste = Json.MAPPER.readTree(envoyer(parCompte("/api/v1/jetons", "bailleur")).body());
        JsonNode vu = liste.valueStream().filter(j -> j.get("id").asLong() == montre.get("id").asLong()).findFirst().orElseThrow();
        assertThat(vu.get("expire").asBoolean()).isTrue();
        assertThat(vu.get("revoque").asBoolean()).isFalse();

        // Said as the other dates of the API say it: the day rewritten, the day that does not exist, the year of six digits.
        for (String[] refus : new String[][] {{"2020-01-01", "est passé"}, {"30/06/2027", "l'année d'abord ; ici 2027-06-30"},
                {"2027-02-30", "février 2027 a 28 jours"}, {"+300000-01-01", "n'est pas une date : AAAA-MM-JJ attendu"}}) {
            HttpResponse<String> r = envoyer(parCompte("/api/v1/jetons", "bailleur").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"libelle\": \"x\", \"valableJusquAu\": \"" + refus[0] + "\"}")));
            assertThat(r.statusCode()).as(refus[0]).isEqualTo(400);
            assertThat(Json.MAPPER.readTree(r.body()).get("detail").asString()).as(refus[0]).contains(refus[1]);
            assertThat(r.body()).doesNotContain("hrm_");
        }
    }

    @Test
    void unLibelleDeJetonTropLongOuPasEnUtf8EstRefuseSansRienEmettre() throws Exception {
        long avant = jdbc.sql("SELECT count(*) FROM jeton").query(Long.class).single();
        HttpResponse<String> refuse = envoyer(requete("/api/v1/jetons")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("bailleur2:demo".getBytes()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"libelle\": \"" + "é".repeat(201) + "\"}")));
        assertThat(refuse.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(refuse.body()).get("title").asString()).isEqualTo("Libellé trop long");
        assertThat(refuse.body()).doesNotContain("hrm_");
        // A libellé typed on a system that writes ISO-8859-1: the "é" arrives as the byte E9.
        HttpResponse<String> latin1 = envoyer(requete("/api/v1/jetons")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("bailleur2:demo".getBytes()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray("{\"libelle\": \"Société\"}".getBytes(StandardCharsets.ISO_8859_1))));
        assertThat(latin1.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(latin1.body()).get("detail").asString()).contains("n'est pas encodé en UTF-8");
        assertThat(jdbc.sql("SELECT count(*) FROM jeton").query(Long.class).single()).isEqualTo(avant);
    }
}
