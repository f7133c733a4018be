package fr.harmonie.dossiers;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Chaque point d'accès × chaque rôle × chaque portée: un brouillon du bailleur (Rouen), un dossier déposé à Rouen
 * et un dossier déposé à Grenoble. Attendu: 2xx seulement pour qui a le droit, 404 (jamais les données) pour qui ne
 * voit pas, 403 pour qui voit sans avoir le rôle, 401 sans compte.
 */
@ServiceDeTest
class MatriceAutorisationsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> COMPTES = List.of("anonyme", "bailleur", "bailleur2", "instructeur", "instructeur38", "dreal", "dreal28", "admin");

    @LocalServerPort
    int port;

    private int appeler(String methode, String chemin, String compte, String corps) throws Exception {
        return ClientHttp.appeler(port, methode, chemin, compte.equals("anonyme") ? null : compte, corps, null).statusCode();
    }

    private String creer(String commune, boolean deposer) throws Exception {
        return DossiersDeTest.creer(port, commune, deposer);
    }

    /** L'identifiant d'un jeton que {@code compte} vient d'émettre. */
    private String jetonEmisPar(String compte) throws Exception {
        return Json.MAPPER.readTree(ClientHttp.appeler(port, "POST", "/api/v1/jetons", compte, "{\"libelle\": \"à révoquer\"}", null).body())
                .get("id").asString();
    }

    /** The path of the OpenAPI description that {@code chemin} is an instance of ({id} standing for one segment). */
    private static String modele(JsonNode chemins, String chemin) {
        return chemins.propertyNames().stream().filter(m -> chemin.replaceFirst("\\?.*", "").matches(m.replaceAll("\\{[^}]+}", "[^/]+"))).findFirst()
                .orElseThrow(() -> new AssertionError(chemin + " n'est pas décrit"));
    }

    /** Statut attendu pour chaque compte, dans l'ordre de COMPTES. */
    private record Ligne(String methode, String chemin, String corps, int... attendus) { }

    @Test
    void chaquePointDAccesRespecteLesRolesEtLesPortees() throws Exception {
        String brouillon = creer("76540", false);
        String aSupprimer = creer("76540", false);
        String rouen = creer("76540", true);
        String grenoble = creer("38185", true);
        String aRetirer = creer("76540", true);
        String dossier = DossiersDeTest.uneOperation(Files.readString(Path.of("rules/cas/agrement.json"))).replace("\"356000000\"", "\"732829320\"");
        String instruction = "{\"action\": \"PRENDRE_EN_INSTRUCTION\"}";
        String evaluationRouen = Json.MAPPER.readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/dossiers/" + rouen + "/evaluations"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("bailleur:demo".getBytes())).build(),
                HttpResponse.BodyHandlers.ofString()).body()).get(0).get("id").asString();
        String jetonDuBailleur = jetonEmisPar("bailleur");
        //                                                            anon bail bail2 instr in38 dreal dr28 admin
        List<Ligne> matrice = List.of(
                new Ligne("POST", "/api/v1/evaluations", dossier, 200, 200, 200, 200, 200, 200, 200, 200),
                new Ligne("GET", "/api/v1/territoires", null, 200, 200, 200, 200, 200, 200, 200, 200),
                new Ligne("GET", "/api/v1/territoires/region-84/regles", null, 200, 200, 200, 200, 200, 200, 200, 200),
                new Ligne("GET", "/api/v1/territoires/region-84/fiche", null, 200, 200, 200, 200, 200, 200, 200, 200),
                new Ligne("GET", "/api/v1/communes/76540", null, 200, 200, 200, 200, 200, 200, 200, 200),
                new Ligne("GET", "/api/v1/communes?nom=Rouen", null, 200, 200, 200, 200, 200, 200, 200, 200),
                new Ligne("GET", "/api/v1/dossiers", null, 401, 200, 200, 200, 200, 200, 200, 200),
                new Ligne("POST", "/api/v1/dossiers", dossier, 401, 201, 403, 403, 403, 403, 403, 403),
                new Ligne("GET", "/api/v1/dossiers/" + brouillon, null, 401, 200, 404, 404, 404, 404, 404, 404),
                new Ligne("GET", "/api/v1/dossiers/" + rouen, null, 401, 200, 404, 200, 404, 404, 200, 404),
                new Ligne("GET", "/api/v1/dossiers/" + grenoble, null, 401, 200, 404, 404, 200, 200, 404, 404),
                new Ligne("PUT", "/api/v1/dossiers/" + rouen, dossier, 401, 428, 404, 403, 404, 404, 403, 404),
                new Ligne("DELETE", "/api/v1/dossiers/" + rouen, null, 401, 409, 404, 403, 404, 404, 403, 404),
                new Ligne("DELETE", "/api/v1/dossiers/" + aSupprimer, null, 401, 204, 404, 404, 404, 404, 404, 404),
                // A draft deleted by mistake is copied back by its organisation only; the list of deletions is each one's own.
                new Ligne("POST", "/api/v1/dossiers/" + aSupprimer + "/copie", null, 401, 201, 404, 404, 404, 404, 404, 404),
                new Ligne("GET", "/api/v1/dossiers/supprimes", null, 401, 200, 200, 200, 200, 200, 200, 200),
                new Ligne("POST", "/api/v1/dossiers/" + brouillon + "/evaluations", null, 401, 201, 404, 404, 404, 404, 404, 404),
                new Ligne("GET", "/api/v1/dossiers/" + rouen + "/historique", null, 401, 200, 404, 200, 404, 404, 200, 404),
                new Ligne("GET", "/api/v1/dossiers/" + rouen + "/evaluations", null, 401, 200, 404, 200, 404, 404, 200, 404),
                new Ligne("POST", "/api/v1/dossiers/" + rouen + "/depot", null, 401, 409, 404, 403, 404, 404, 403, 404),
                new Ligne("POST", "/api/v1/dossiers/" + rouen + "/copie", null, 401, 201, 404, 403, 404, 404, 403, 404),
                new Ligne("POST", "/api/v1/dossiers/" + rouen + "/notes", "{\"texte\": \"Appelé le bailleur.\"}", 401, 403, 404, 201, 404, 404, 403, 404),
                new Ligne("GET", "/api/v1/dossiers/" + rouen + "/notes", null, 401, 403, 404, 200, 404, 404, 200, 404),
                new Ligne("GET", "/api/v1/dossiers/" + rouen + "/controle", null, 401, 403, 404, 200, 404, 404, 200, 404),
                new Ligne("PUT", "/api/v1/dossiers/" + rouen + "/controle/PLAN_MASSE", "{\"etat\": \"CONFORME\"}", 401, 403, 404, 200, 404, 404, 403, 404),
                new Ligne("POST", "/api/v1/dossiers/" + grenoble + "/instruction", instruction, 401, 403, 404, 404, 200, 403, 404, 404),
                new Ligne("POST", "/api/v1/dossiers/" + aRetirer + "/retrait", null, 401, 200, 404, 403, 404, 404, 403, 404),
                new Ligne("GET", "/api/v1/evaluations/" + evaluationRouen, null, 401, 200, 404, 200, 404, 404, 200, 404),
                new Ligne("GET", "/api/v1/evaluations/" + evaluationRouen + "/verification", null, 401, 200, 404, 200, 404, 404, 200, 404),
                new Ligne("GET", "/api/v1/evaluations/" + evaluationRouen + "/rapport", null, 401, 200, 404, 200, 404, 404, 200, 404),
                new Ligne("POST", "/api/v1/jetons", "{\"libelle\": \"matrice\"}", 401, 201, 201, 201, 201, 201, 201, 201),
                new Ligne("GET", "/api/v1/jetons", null, 401, 200, 200, 200, 200, 200, 200, 200),
                // The bailleur's account revokes its organisation's token; after it, nobody else even finds it.
                new Ligne("DELETE", "/api/v1/jetons/" + jetonDuBailleur, null, 401, 204, 404, 404, 404, 404, 404, 404),
                new Ligne("GET", "/api/v1/journal", null, 401, 403, 403, 403, 403, 200, 200, 200),
                // Every account reads its own scope's figures (an administrator's scope holds no dossier, as in the list).
                new Ligne("GET", "/api/v1/statistiques", null, 401, 200, 200, 200, 200, 200, 200, 200),
                new Ligne("GET", "/api/v1/dossiers/repartition", null, 401, 403, 403, 200, 200, 200, 200, 403),
                new Ligne("POST", "/api/v1/admin/packs/rechargement", null, 401, 403, 403, 403, 403, 403, 403, 200),
                new Ligne("GET", "/api/v1/admin/organisations", null, 401, 403, 403, 403, 403, 403, 403, 200),
                new Ligne("PUT", "/api/v1/admin/organisations/1/territoires", "[]", 401, 403, 403, 403, 403, 403, 403, 400),
                new Ligne("POST", "/api/v1/admin/comptes", "{}", 401, 403, 403, 403, 403, 403, 403, 400),
                new Ligne("PUT", "/api/v1/admin/comptes/personne/actif", "{\"actif\": false}", 401, 403, 403, 403, 403, 403, 403, 404),
                new Ligne("PUT", "/api/v1/admin/comptes/personne/mot-de-passe", "{}", 401, 403, 403, 403, 403, 403, 403, 400),
                new Ligne("GET", "/api/v1/admin/organisations/1", null, 401, 403, 403, 403, 403, 403, 403, 200),
                new Ligne("GET", "/api/v1/admin/couverture", null, 401, 403, 403, 403, 403, 403, 403, 200),
                new Ligne("GET", "/api/v1/moi", null, 401, 200, 200, 200, 200, 200, 200, 200),
                new Ligne("PUT", "/api/v1/moi/mot-de-passe", "{}", 401, 400, 400, 400, 400, 400, 400, 400));
        List<String> ecarts = new ArrayList<>();
        for (Ligne l : matrice) {
            for (int i = 0; i < COMPTES.size(); i++) {
                int obtenu = appeler(l.methode(), l.chemin(), COMPTES.get(i), l.corps());
                if (obtenu != l.attendus()[i]) {
                    ecarts.add(l.methode() + " " + l.chemin() + " par " + COMPTES.get(i) + " : " + obtenu + " au lieu de " + l.attendus()[i]);
                }
            }
        }
        assertThat(ecarts).isEmpty();
        // A client generated from the OpenAPI description knows each of these answers: every status seen here is described
        // for its operation, an error with its problem+json body.
        JsonNode chemins = Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", "/v3/api-docs", null, null, null).body()).get("paths");
        List<String> nonDecrits = new ArrayList<>();
        for (Ligne l : matrice) {
            JsonNode reponses = chemins.get(modele(chemins, l.chemin())).get(l.methode().toLowerCase()).get("responses");
            for (int statut : l.attendus()) {
                JsonNode decrite = reponses.get(Integer.toString(statut));
                if (decrite == null || (statut >= 400 && !decrite.get("content").has("application/problem+json"))) {
                    nonDecrits.add(l.methode() + " " + l.chemin() + " : " + statut);
                }
            }
        }
        assertThat(nonDecrits).isEmpty();
        String journalDreal84 = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/journal"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("dreal:demo".getBytes())).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(journalDreal84).contains(grenoble).doesNotContain(rouen).doesNotContain(brouillon);
    }
}
