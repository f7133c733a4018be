package fr.harmonie.territoires;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.ClientHttp;
import fr.harmonie.HorlogeReglable;
import fr.harmonie.ServiceDeTest;
import fr.harmonie.Socle;
import fr.harmonie.json.Json;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Les règles en vigueur d'un territoire, sans compte: la chaîne qu'applique son instructeur, ses surcharges, ses
 * règles avec leur source et ses paramètres avec la valeur qui s'applique et le pack qui la fixe.
 */
@ServiceDeTest
class ReglesEnVigueurApiTest {

    @LocalServerPort
    int port;

    @Autowired
    HorlogeReglable horloge;

    private JsonNode lire(String chemin, int statut) throws Exception {
        HttpResponse<String> r = ClientHttp.appeler(port, "GET", chemin, null, null, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(statut);
        return Json.MAPPER.readTree(r.body());
    }

    private static List<String> valeurs(JsonNode liste, String champ) {
        List<String> v = new ArrayList<>();
        liste.forEach(n -> v.add(n.path(champ).asString()));
        return v;
    }

    private static JsonNode parId(JsonNode liste, String champ, String valeur) {
        for (JsonNode n : liste) {
            if (n.path(champ).asString().equals(valeur)) {
                return n;
            }
        }
        throw new AssertionError(champ + " " + valeur + " absent de " + liste);
    }

    @Test
    void chaquePackEstListeAvecSesVersions() throws Exception {
        JsonNode packs = lire("/api/v1/territoires", 200);

        assertThat(packs.get(0).get("id").asString()).isEqualTo("national");
        assertThat(valeurs(packs, "id")).contains("region-84", "region-28", "metropole-rouen-normandie");
        assertThat(valeurs(parId(packs, "id", "region-84").get("versions"), "version")).containsExactly("2025.1", "2026.1");
        assertThat(parId(packs, "id", "metropole-rouen-normandie").get("parent").asString()).isEqualTo("region-28");
        // The perimeter as declared, and how many communes it covers in the geographic dataset.
        JsonNode rouen = parId(packs, "id", "metropole-rouen-normandie").get("versions").get(0).get("perimetre");
        assertThat(rouen.get("epci").toString()).isEqualTo("[\"200023414\"]");
        assertThat(rouen.get("nombreCommunes").asInt()).isEqualTo(71);
        assertThat(parId(packs, "id", "region-28").get("versions").get(0).get("perimetre").get("departements").toString())
                .isEqualTo("[\"14\",\"27\",\"50\",\"61\",\"76\"]");
        assertThat(packs.get(0).get("versions").get(0).has("perimetre")).isFalse();
    }

    @Test
    void rouenMontreSaChaineSesReglesLocalesEtLeParametreQuIlResserre() throws Exception {
        JsonNode r = lire("/api/v1/territoires/metropole-rouen-normandie/regles?date=2026-06-01", 200);

        assertThat(valeurs(r.get("chaine"), "id")).containsExactly("national", "region-28", "metropole-rouen-normandie");
        JsonNode locale = parId(r.get("regles"), "id", "MRN-AN-001");
        assertThat(locale.get("pack").asString()).isEqualTo("metropole-rouen-normandie@2026.1");
        assertThat(locale.get("anomalie").asString()).isEqualTo("PERMIS_NON_OBTENU");
        assertThat(parId(r.get("regles"), "id", "NAT-AN-003").get("pack").asString()).isEqualTo(Socle.REFERENCE);
        JsonNode margePlai = parId(r.get("parametres"), "cle", "marge-locale.plafond.PLAI");
        assertThat(margePlai.get("valeur").asDouble()).isZero();
        assertThat(margePlai.get("pack").asString()).isEqualTo("metropole-rouen-normandie@2026.1");
        assertThat(margePlai.get("motif").asString()).isNotBlank();
        assertThat(parId(r.get("parametres"), "cle", "marge-locale.plafond.PLUS").get("pack").asString()).startsWith("national@");
        JsonNode ajout = r.get("chaine").get(2).get("surcharges").get("pieces").get(0);
        assertThat(ajout.get("code").asString()).isEqualTo("PERMIS_CONSTRUIRE");
        assertThat(ajout.get("source").asString()).isNotBlank();
    }

    /** The LMzone table holds sourced values only: a year without one shows the key without a value (non vérifiable). */
    @Test
    void unParametreSansValeurALaDateApparaitSansValeur() throws Exception {
        JsonNode r = lire("/api/v1/territoires/national/regles?date=2026-06-01", 200);

        JsonNode lmzone = parId(r.get("parametres"), "cle", "lmzone.PLUS.2");
        assertThat(lmzone.has("valeur")).isFalse();
        assertThat(lmzone.get("nonVerifiable").asString()).startsWith("Aucune valeur sourcée n'est en vigueur le 2026-06-01");
        // Years read as years, fractions as fractions.
        assertThat(parId(r.get("parametres"), "cle", "acquisition.anciennete-max-annees").get("valeur").toString()).isEqualTo("10");
        assertThat(parId(r.get("parametres"), "cle", "marge-locale.plafond.PLUS").get("valeur").toString()).isEqualTo("0.15");
        assertThat(parId(r.get("parametres"), "cle", "marge-locale.plafond.PLUS").has("nonVerifiable")).isFalse();
        assertThat(lmzone.get("libelle").asString()).isNotBlank();
        assertThat(valeurs(r.get("chaine"), "id")).containsExactly("national");
    }

    @Test
    void laDateChoisitLaVersionEtUnNiveauSansVersionEstSauteAvecUneNote() throws Exception {
        assertThat(lire("/api/v1/territoires/region-84/regles?date=2025-06-01", 200).get("chaine").get(1).get("version").asString())
                .isEqualTo("2025.1");
        assertThat(lire("/api/v1/territoires/region-84/regles?date=2026-06-01", 200).get("chaine").get(1).get("version").asString())
                .isEqualTo("2026.1");

        JsonNode avant = lire("/api/v1/territoires/metropole-rouen-normandie/regles?date=2025-06-01", 200);
        assertThat(valeurs(avant.get("chaine"), "id")).containsExactly("national");
        assertThat(avant.get("notes").toString()).contains("metropole-rouen-normandie", "niveau ignoré");
    }

    /** Without a date, the rules in force today in Paris: at half past midnight on New Year's Day, the new year's. */
    @Test
    void sansDateCeSontLesReglesDuJourAParis() throws Exception {
        horloge.regler(Instant.parse("2025-12-31T23:30:00Z"));

        JsonNode r = lire("/api/v1/territoires/region-84/regles", 200);

        assertThat(r.get("date").asString()).isEqualTo("2026-01-01");
        assertThat(r.get("chaine").get(1).get("version").asString()).isEqualTo("2026.1");
    }

    @Test
    void uneDemandeFautiveRecoitUneErreurEnFrancais() throws Exception {
        JsonNode inconnu = lire("/api/v1/territoires/ddt-99/regles", 404);
        assertThat(inconnu.get("title").asString()).isEqualTo("Territoire inconnu");
        assertThat(inconnu.get("detail").asString()).isEqualTo("Aucun pack ne porte l'identifiant « ddt-99 » ; les identifiants des"
                + " packs : GET /api/v1/territoires.");
        assertThat(lire("/api/v1/territoires/metropole-rouen/regles", 404).get("detail").asString()).isEqualTo("Aucun pack ne porte"
                + " l'identifiant « metropole-rouen » ; le pack voulu est sans doute « metropole-rouen-normandie ».");
        assertThat(lire("/api/v1/territoires/national/regles?date=2026-02-30", 400).get("detail").asString())
                .isEqualTo("Paramètre date : « 2026-02-30 » : février 2026 a 28 jours, le 30 février n'existe pas.");
        // A date as an instructeur writes it is said back as the API reads it, as the dossier contract does.
        assertThat(lire("/api/v1/territoires/national/regles?date=05/12/2026", 400).get("detail").asString())
                .isEqualTo("Paramètre date : « 05/12/2026 » : une date s'écrit AAAA-MM-JJ, l'année d'abord ; ici 2026-12-05.");
        // A year Java reads and no one writes: refused, rather than the rules of the year 300000 answered as asked.
        for (String ecrite : new String[] {"%2B300000-01-01", "%2B2026-01-01", "20266-01-01"}) {
            assertThat(lire("/api/v1/territoires/national/regles?date=" + ecrite, 400).get("title").asString()).isEqualTo("Date invalide");
            assertThat(lire("/api/v1/communes/76540?date=" + ecrite, 400).get("title").asString()).isEqualTo("Date invalide");
        }
        JsonNode avantLeSocle = lire("/api/v1/territoires/national/regles?date=1999-12-31", 400);
        assertThat(avantLeSocle.get("title").asString()).isEqualTo("Date hors des règles");
        assertThat(avantLeSocle.get("detail").asString())
                .isEqualTo("Harmonie n'a pas de règles au 1999-12-31 : le socle national s'applique à partir du 2000-01-01.");
    }
}
