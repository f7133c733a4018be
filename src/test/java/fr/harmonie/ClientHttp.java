package fr.harmonie;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

/** Un client de l'API comme en ont les tests: un compte de démonstration (mot de passe demo) ou personne. */
public final class ClientHttp {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ClientHttp() {
    }

    /** {@code compte}: un identifiant (mot de passe demo), ou null pour un appel anonyme. */
    public static HttpResponse<String> appeler(int port, String methode, String chemin, String compte, String corps,
                                               String ifMatch) throws Exception {
        return appeler(port, methode, chemin, compte, "demo", corps, ifMatch);
    }

    /** As a given account with its own password (one the administration gave, or changed since). */
    public static HttpResponse<String> appeler(int port, String methode, String chemin, String compte, String motDePasse,
                                               String corps, String ifMatch) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + chemin))
                .method(methode, corps == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(corps));
        if (compte != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((compte + ":" + motDePasse).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        if (corps != null) {
            b.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * As an operator does on a base of its own (no demo accounts there): the administrator creates a bailleur's
     * organisation with its SIREN, then one account in it with the same password as the administrator's.
     */
    public static void creerBailleur(int port, String administrateur, String motDePasse, String siren, String identifiant) throws Exception {
        HttpResponse<String> organisation = appeler(port, "POST", "/api/v1/admin/organisations", administrateur, motDePasse,
                "{\"type\": \"BAILLEUR\", \"nom\": \"Bailleur " + siren + "\", \"siren\": \"" + siren + "\"}", null);
        assertThat(organisation.statusCode()).as(organisation.body()).isEqualTo(201);
        HttpResponse<String> compte = appeler(port, "POST", "/api/v1/admin/comptes", administrateur, motDePasse, "{\"identifiant\": \""
                + identifiant + "\", \"motDePasse\": \"" + motDePasse + "\", \"organisation\": "
                + Json.MAPPER.readTree(organisation.body()).get("id").asLong() + "}", null);
        assertThat(compte.statusCode()).as(compte.body()).isEqualTo(201);
    }
}
