package fr.harmonie.rapport;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.ClientHttp;
import fr.harmonie.ServiceDeTest;
import fr.harmonie.json.Json;
import fr.harmonie.regles.faits.Fr;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * La DREAL Auvergne-Rhône-Alpes diffuse à ses services et aux bailleurs la fiche des règles en vigueur, tirée des packs
 * publiés : ce qu'elle imprime est ce que le service applique, règle par règle, paramètre par paramètre.
 */
@ServiceDeTest
class FicheDesReglesApiTest {

    @LocalServerPort
    int port;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void laFicheImprimeLesReglesEnVigueurDuTerritoire() throws Exception {
        for (String[] cas : new String[][] {{"metropole-rouen-normandie", "2026-11-16"}, {"region-84", "2026-11-16"}, {"region-84", "2025-06-01"}}) {
            String chemin = "/api/v1/territoires/" + cas[0] + "/regles?date=" + cas[1];
            JsonNode regles = Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", chemin, null, null, null).body());
            HttpResponse<byte[]> fiche = get("/api/v1/territoires/" + cas[0] + "/fiche?date=" + cas[1]);
            assertThat(fiche.statusCode()).isEqualTo(200);
            assertThat(fiche.headers().firstValue("Content-Type")).hasValue("application/pdf");
            assertThat(fiche.headers().firstValue("Content-Disposition"))
                    .hasValue("inline; filename=\"regles-" + cas[0] + "-" + cas[1] + ".pdf\"");
            String texte = TexteDuPdf.lire(fiche.body());

            assertThat(texte).as(cas[0]).startsWith("Règles en vigueur le " + Libelles.jour(cas[1]));
            for (JsonNode pack : regles.get("chaine")) {
                assertThat(texte).contains(pack.get("libelle").asString() + " (" + pack.get("id").asString() + "@" + pack.get("version").asString() + ")");
                for (String sorte : new String[] {"pieces", "ecarts", "anomalies", "gravites", "calendrier"}) {
                    for (JsonNode surcharge : pack.get("surcharges").get(sorte)) {
                        assertThat(texte).contains(surcharge.get("code").asString(), "Motif : " + surcharge.get("motif").asString(),
                                "Source : " + surcharge.get("source").asString());
                    }
                }
            }
            for (JsonNode regle : regles.get("regles")) {
                assertThat(texte).contains(regle.get("id").asString() + " " + regle.get("nom").asString() + " (" + regle.get("pack").asString() + ")");
            }
            for (JsonNode parametre : regles.get("parametres")) {
                assertThat(texte).contains(parametre.has("valeur")
                        ? Fr.nombre(parametre.get("valeur").asDouble(), 6) + " " + parametre.get("libelle").asString()
                        : "non vérifiable " + parametre.get("libelle").asString());
            }
        }
        // The deposits of November in the region: the lissage notice, with its months, is on the 2026 sheet only.
        assertThat(TexteDuPdf.lire(get("/api/v1/territoires/region-84/fiche?date=2026-11-16").body()))
                .contains("DEPOT_TARDIF, INFO, pour un dossier daté en novembre, décembre");
        assertThat(TexteDuPdf.lire(get("/api/v1/territoires/region-84/fiche?date=2025-06-01").body())).doesNotContain("DEPOT_TARDIF");
        // Before the region's first version, its sheet is the national one, and says why.
        assertThat(TexteDuPdf.lire(get("/api/v1/territoires/region-84/fiche?date=2024-06-01").body()))
                .startsWith("Règles en vigueur le 1er juin 2024 region-84 : aucune version de ce pack n'est en vigueur à cette date")
                .doesNotContain("region-84@");
        assertThat(TexteDuPdf.lire(get("/api/v1/territoires/metropole-rouen-normandie/fiche?date=2026-11-16").body()))
                .contains("Pièce exigée Permis de construire ou récépissé de dépôt (PERMIS_CONSTRUIRE), bloquante, en programmation, "
                        + "pour une construction neuve ou une transformation de locaux en logements.");
    }

    @Test
    void uneFicheQuiNePeutSImprimerLeDitEnFrancais() throws Exception {
        for (String[] cas : new String[][] {{"/api/v1/territoires/region84/fiche", "404"}, {"/api/v1/territoires/region-84/fiche?date=2026-02-30", "400"}}) {
            HttpResponse<byte[]> refus = get(cas[0]);
            assertThat(refus.statusCode()).as(cas[0]).isEqualTo(Integer.parseInt(cas[1]));
            assertThat(refus.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(new String(refus.body(), StandardCharsets.UTF_8)).contains("\"title\"");
        }
    }

    private HttpResponse<byte[]> get(String chemin) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + chemin)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
