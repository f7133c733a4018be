package fr.harmonie.territoires;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.ClientHttp;
import fr.harmonie.ServiceDeTest;
import fr.harmonie.json.Json;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Un bailleur qui prépare un dossier, sans compte, trouve le code INSEE de sa commune par son nom ou son code postal,
 * et voit quel territoire l'instruira à une date: la même chaîne qu'une évaluation y appliquerait.
 */
@ServiceDeTest
class CommunesApiTest {

    @LocalServerPort
    int port;

    private JsonNode lire(String chemin, int statut) throws Exception {
        HttpResponse<String> r = ClientHttp.appeler(port, "GET", chemin, null, null, null);
        assertThat(r.statusCode()).as(chemin + " " + r.body()).isEqualTo(statut);
        assertThat(r.headers().firstValue("Content-Type").orElse(""))
                .startsWith(statut == 200 ? "application/json" : "application/problem+json");
        return Json.MAPPER.readTree(r.body());
    }

    private static List<String> codes(JsonNode communes) {
        List<String> v = new ArrayList<>();
        communes.forEach(c -> v.add(c.get("codeInsee").asString()));
        return v;
    }

    /** Ce que l'évaluation d'un dossier de cette commune, à cette date, donne comme territoire. */
    private JsonNode territoireEvalue(String codeInsee, String date) throws Exception {
        ObjectNode dossier = (ObjectNode) Json.MAPPER.readTree(Files.readString(Path.of("rules/cas/agrement.json")));
        dossier.put("dateReference", date);
        ((ObjectNode) dossier.get("operation").get("commune")).put("codeInsee", codeInsee);
        HttpResponse<String> r = ClientHttp.appeler(port, "POST", "/api/v1/evaluations", null, dossier.toString(), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.MAPPER.readTree(r.body()).get("territoire");
    }

    @Test
    void rouenMeneALaMetropoleCommeUneEvaluationEtDonneLAdresseDeSesRegles() throws Exception {
        JsonNode rouen = lire("/api/v1/communes/76540?date=2026-06-01", 200);

        assertThat(rouen.get("nom").asString()).isEqualTo("Rouen");
        assertThat(rouen.get("departement").asString()).isEqualTo("76");
        assertThat(rouen.get("region").asString()).isEqualTo("28");
        assertThat(rouen.get("epci").get("nom").asString()).isEqualTo("Métropole Rouen Normandie");
        assertThat(rouen.get("codesPostaux").toString()).contains("76000", "76100");
        assertThat(rouen.get("territoire").get("code").asString()).isEqualTo("metropole-rouen-normandie");
        assertThat(rouen.get("territoire").get("resolution").asString()).isEqualTo("commune 76540 (Rouen) → Métropole Rouen Normandie");
        assertThat(rouen.get("territoire")).isEqualTo(territoireEvalue("76540", "2026-06-01"));
        JsonNode regles = lire(rouen.get("regles").asString(), 200);
        assertThat(regles.get("territoire").asString()).isEqualTo("metropole-rouen-normandie");
        assertThat(regles.get("date").asString()).isEqualTo("2026-06-01");
        // Read without an account, so also asked by HEAD (a link checker, a probe): that was a 401.
        for (String chemin : List.of("/api/v1/communes/76540", rouen.get("regles").asString(), "/api/v1/territoires")) {
            assertThat(ClientHttp.appeler(port, "HEAD", chemin, null, null, null).statusCode()).as(chemin).isEqualTo(200);
        }
        assertThat(ClientHttp.appeler(port, "HEAD", "/api/v1/dossiers", null, null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void laDateChoisitLesVersionsEtUneCommuneSansPackNaQueLeSocle() throws Exception {
        JsonNode grenoble2025 = lire("/api/v1/communes/38185?date=2025-06-01", 200);
        assertThat(grenoble2025.get("territoire").get("packs").get(1).get("version").asString()).isEqualTo("2025.1");
        assertThat(grenoble2025.get("territoire")).isEqualTo(territoireEvalue("38185", "2025-06-01"));

        JsonNode rouenAvantLaMetropole = lire("/api/v1/communes/76540?date=2025-06-01", 200);
        assertThat(rouenAvantLaMetropole.get("territoire").get("code").asString()).isEqualTo("national");
        assertThat(rouenAvantLaMetropole.get("notes").toString()).contains("metropole-rouen-normandie", "niveau ignoré");

        JsonNode brest = lire("/api/v1/communes/29019", 200);
        assertThat(brest.get("territoire").get("packs")).hasSize(1);
        assertThat(brest.get("territoire").get("resolution").asString()).contains("socle national seul");
        assertThat(brest.get("regles").asString()).startsWith("/api/v1/territoires/national/regles?date=");
    }

    @Test
    void unCodePostalOuUnNomMenentAuCodeInsee() throws Exception {
        JsonNode postal = lire("/api/v1/communes/76000", 404);
        assertThat(postal.get("title").asString()).isEqualTo("Commune inconnue");
        assertThat(postal.get("detail").asString()).contains("76000 est un code postal", "76540 Rouen");
        assertThat(codes(lire("/api/v1/communes?codePostal=76000", 200))).containsExactly("76540");
        assertThat(lire("/api/v1/communes/76003", 404).get("detail").asString())
                .contains("commune associée Ambourville", "76020 Anneville-Ambourville");
        assertThat(lire("/api/v1/communes/97127", 404).get("detail").asString())
                .contains("97127 était le code INSEE de Saint-Martin", "son code est 97801");
        assertThat(lire("/api/v1/communes/20004", 404).get("detail").asString())
                .contains("en Corse, le code INSEE d'une commune commence par 2A (Corse-du-Sud) ou 2B (Haute-Corse), non par 20 :"
                        + " 2A004 Ajaccio");

        assertThat(codes(lire("/api/v1/communes?nom=rouen", 200)).get(0)).isEqualTo("76540");
        assertThat(codes(lire("/api/v1/communes?nom=SAINT-ETIENNE", 200)).get(0)).isEqualTo("42218");
        // A word inside the name, an apostrophe, a ligature: typed as one types them.
        assertThat(codes(lire("/api/v1/communes?nom=etienne", 200))).contains("42218");
        assertThat(codes(lire("/api/v1/communes?nom=St-%C3%89tienne", 200)).get(0)).isEqualTo("42218");
        assertThat(codes(lire("/api/v1/communes?nom=ste%20foy%20les%20lyon", 200))).containsExactly("69202");
        // "st" alone is the start of a name (Stains, Strasbourg), not Saint: only "St" followed by a word is read so.
        assertThat(lire("/api/v1/communes?nom=st", 200)).isNotEmpty()
                .allSatisfy(c -> assertThat(c.get("nom").asString()).startsWith("St").doesNotStartWith("Saint"));
        assertThat(codes(lire("/api/v1/communes?nom=abergement%20clemenciat", 200))).containsExactly("01001");
        assertThat(codes(lire("/api/v1/communes?nom=coeuvres", 200))).contains("02201");
        // Typed without its apostrophe or hyphens: the words run together.
        assertThat(codes(lire("/api/v1/communes?nom=lhay", 200))).containsExactly("94038");
        assertThat(codes(lire("/api/v1/communes?nom=montsaintaignan", 200))).containsExactly("76451");
        assertThat(codes(lire("/api/v1/communes?nom=lile%20saint%20denis", 200))).containsExactly("93039");
        // A name may match thousands: the first 20 and how many in all; a postal code shows all of its communes.
        HttpResponse<String> saint = ClientHttp.appeler(port, "GET", "/api/v1/communes?nom=saint", null, null, null);
        assertThat(Json.MAPPER.readTree(saint.body())).hasSize(20);
        assertThat(Integer.parseInt(saint.headers().firstValue("X-Total-Count").orElseThrow())).isGreaterThan(1000);
        assertThat(lire("/api/v1/communes?codePostal=51300", 200)).hasSize(46);
        assertThat(lire("/api/v1/communes?nom=zzzz", 200)).isEmpty();
        // Homonyms told apart by a postal code, given apart or within the name as in an address.
        assertThat(lire("/api/v1/communes?nom=saint%20martin", 200).size()).isGreaterThan(1);
        List<String> saintMartinDuVar = codes(lire("/api/v1/communes?nom=saint%20martin&codePostal=83560", 200));
        // A form's blank field is no parameter: an empty name leaves the postal code's search, an empty postal code the
        // name's, an empty date is today (each answered 400 on an empty text).
        assertThat(codes(lire("/api/v1/communes?nom=&codePostal=83560", 200))).isEqualTo(codes(lire("/api/v1/communes?codePostal=83560", 200)));
        assertThat(codes(lire("/api/v1/communes?nom=saint%20martin&codePostal=%20", 200)))
                .isEqualTo(codes(lire("/api/v1/communes?nom=saint%20martin", 200)));
        assertThat(lire("/api/v1/communes/76540?date=", 200)).isEqualTo(lire("/api/v1/communes/76540", 200));
        assertThat(lire("/api/v1/territoires/region-84/regles?date=", 200)).isEqualTo(lire("/api/v1/territoires/region-84/regles", 200));
        assertThat(saintMartinDuVar).isNotEmpty().allSatisfy(c -> assertThat(c).startsWith("83"));
        assertThat(codes(lire("/api/v1/communes?nom=saint%20martin%2083560", 200))).isEqualTo(saintMartinDuVar);
        assertThat(codes(lire("/api/v1/communes?nom=76000%20Rouen", 200))).containsExactly("76540");
        assertThat(lire("/api/v1/communes?nom=Rouen&codePostal=69001", 200)).isEmpty();
        // The name of a former commune finds the one it joined, and says why; after the current commune of that name
        // (Assigny, in the Cher).
        JsonNode assignys = lire("/api/v1/communes?nom=assigny", 200);
        assertThat(codes(assignys)).containsExactly("18014", "76618");
        assertThat(assignys.get(0).has("ancienneCommune")).isFalse();
        JsonNode assigny = assignys.get(1);
        assertThat(assigny.get("nom").asString()).isEqualTo("Petit-Caux");
        assertThat(assigny.get("ancienneCommune").toString())
                .isEqualTo("{\"codeInsee\":\"76027\",\"nom\":\"Assigny\",\"rattachement\":\"DELEGUEE\"}");
        assertThat(lire("/api/v1/communes?nom=rouen", 200).get(0).has("ancienneCommune")).isFalse();
    }

    @Test
    void uneDemandeFautiveRecoitUneErreurEnFrancais() throws Exception {
        assertThat(lire("/api/v1/communes/7654", 400).get("title").asString()).isEqualTo("Code INSEE invalide");
        assertThat(lire("/api/v1/communes/2C001", 400).get("detail").asString()).contains("2A, 2B");
        assertThat(lire("/api/v1/communes/99999?date=2026-12-14", 404).get("detail").asString())
                .doesNotContain("code postal").doesNotContain("commune nouvelle");
        // In January, the geography of the year before may not know a commune created on the 1st.
        assertThat(lire("/api/v1/communes/99999?date=2027-01-11", 404).get("detail").asString()).endsWith("ce découpage est "
                + "celui du 1er janvier 2026 : une commune créée depuis (commune nouvelle du 1er janvier 2027, par exemple) "
                + "n'y figure pas encore.");
        assertThat(lire("/api/v1/communes/76540?date=2026-02-30", 400).get("title").asString()).isEqualTo("Date invalide");
        assertThat(lire("/api/v1/communes", 400).get("detail").asString()).contains("nom", "codePostal");
        assertThat(lire("/api/v1/communes?nom=76000", 400).get("detail").asString()).isEqualTo("« 76000 » est un code, pas un nom :"
                + " codePostal=76000 cherche les communes qui portent ce code postal.");
        assertThat(lire("/api/v1/communes?nom=76540", 400).get("detail").asString())
                .endsWith(" ; /api/v1/communes/76540 lit la commune de ce code INSEE, Rouen.");
        assertThat(lire("/api/v1/communes?codePostal=760", 400).get("title").asString()).isEqualTo("Code postal invalide");
        assertThat(lire("/api/v1/communes?nom=-", 400).get("title").asString()).isEqualTo("Nom de commune trop court");
    }
}
