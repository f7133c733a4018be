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
import java.util.Map;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Un bailleur garde et modifie ses dossiers; personne d'autre ne les voit avant le dépôt. */
@ServiceDeTest
class DossiersApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private HttpRequest.Builder requete(String chemin, String compte) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + chemin));
        if (compte != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((compte + ":demo").getBytes()));
        }
        return b;
    }

    private HttpResponse<String> envoyer(HttpRequest r) throws Exception {
        return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private static String dossierDuBailleur() throws Exception {
        return DossiersDeTest.uneOperation(Files.readString(Path.of("rules/cas/agrement.json"))).replace("\"356000000\"", "\"732829320\"");
    }

    private HttpResponse<String> creer(String compte, String dossier) throws Exception {
        return envoyer(requete("/api/v1/dossiers", compte).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(dossier)).build());
    }

    @Test
    void unBailleurCreeSonDossierEnBrouillonQueLuiSeulVoit() throws Exception {
        HttpResponse<String> cree = creer("bailleur", dossierDuBailleur());

        assertThat(cree.statusCode()).isEqualTo(201);
        JsonNode corps = Json.MAPPER.readTree(cree.body());
        String id = corps.get("id").asString();
        assertThat(corps.get("statut").asString()).isEqualTo("BROUILLON");
        assertThat(cree.headers().firstValue("Location")).hasValue("/api/v1/dossiers/" + id);
        assertThat(cree.headers().firstValue("ETag")).hasValue("\"1\"");

        HttpResponse<String> parLui = envoyer(requete("/api/v1/dossiers/" + id, "bailleur").GET().build());
        assertThat(parLui.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(parLui.body()).get("dossier").get("maitreOuvrage").get("siren").asString()).isEqualTo("732829320");
        for (String autre : new String[] {"bailleur2", "instructeur", "instructeur38", "dreal", "dreal28", "admin"}) {
            HttpResponse<String> r = envoyer(requete("/api/v1/dossiers/" + id, autre).GET().build());
            assertThat(r.statusCode()).as(autre).isEqualTo(404);
            assertThat(r.body()).doesNotContain("732829320");
            assertThat(envoyer(requete("/api/v1/dossiers", autre).GET().build()).body()).as(autre).doesNotContain(id);
        }
        assertThat(envoyer(requete("/api/v1/dossiers", "bailleur").GET().build()).body()).contains(id);
        assertThat(envoyer(requete("/api/v1/dossiers/" + id, null).GET().build()).statusCode()).isEqualTo(401);
    }

    @Test
    void unBailleurNeCreePasPourUnAutreSirenEtLesAutresRolesNeCreentPas() throws Exception {
        HttpResponse<String> autreSiren = creer("bailleur", Files.readString(Path.of("rules/cas/agrement.json")));
        HttpResponse<String> instructeur = creer("instructeur", dossierDuBailleur());
        HttpResponse<String> invalide = creer("bailleur", "{\"formatVersion\": \"1\"}");

        assertThat(autreSiren.statusCode()).isEqualTo(403);
        assertThat(Json.MAPPER.readTree(autreSiren.body()).get("detail").asString()).contains("356000000");
        assertThat(instructeur.statusCode()).isEqualTo(403);
        assertThat(invalide.statusCode()).isEqualTo(400);
    }

    @Test
    void uneModificationPortLETagLuEtUneEcriturePerimeeEstRefusee() throws Exception {
        String id = Json.MAPPER.readTree(creer("bailleur", dossierDuBailleur()).body()).get("id").asString();
        String modifie = dossierDuBailleur().replaceFirst("CAS-AGREMENT-\\d+", "CAS-MODIFIE");

        HttpResponse<String> sansIfMatch = envoyer(requete("/api/v1/dossiers/" + id, "bailleur").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(modifie)).build());
        // A colleague of the same bailleur edits it first: the stale write is told who and when, not only « changed ».
        String motDePasse = "un mot de passe assez long";
        long organisation = Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", "/api/v1/moi", "bailleur", null, null).body())
                .get("organisation").asLong();
        assertThat(ClientHttp.appeler(port, "POST", "/api/v1/admin/comptes", "admin", "{\"identifiant\": \"collegue.du.bailleur\","
                + " \"motDePasse\": \"" + motDePasse + "\", \"organisation\": " + organisation + "}", null).statusCode()).isEqualTo(201);
        HttpResponse<String> ok = ClientHttp.appeler(port, "PUT", "/api/v1/dossiers/" + id, "collegue.du.bailleur", motDePasse, modifie, "\"1\"");
        HttpResponse<String> perimee = envoyer(requete("/api/v1/dossiers/" + id, "bailleur").header("Content-Type", "application/json")
                .header("If-Match", "\"1\"").PUT(HttpRequest.BodyPublishers.ofString(dossierDuBailleur())).build());
        HttpResponse<String> parUnAutre = envoyer(requete("/api/v1/dossiers/" + id, "bailleur2").header("Content-Type", "application/json")
                .header("If-Match", "\"2\"").PUT(HttpRequest.BodyPublishers.ofString(modifie)).build());

        assertThat(sansIfMatch.statusCode()).isEqualTo(428);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(perimee.statusCode()).isEqualTo(412);
        assertThat(parUnAutre.statusCode()).isEqualTo(404);
        JsonNode relu = Json.MAPPER.readTree(envoyer(requete("/api/v1/dossiers/" + id, "bailleur").GET().build()).body());
        assertThat(relu.get("dossier").get("reference").asString()).isEqualTo("CAS-MODIFIE");
        assertThat(relu.get("version").asInt()).isEqualTo(2);
        assertThat(relu.get("modifiePar").asString()).isEqualTo("collegue.du.bailleur");
        String a = java.time.OffsetDateTime.parse(relu.get("modifieLe").asString()).atZoneSameInstant(java.time.ZoneId.of("Europe/Paris"))
                .format(java.time.format.DateTimeFormatter.ofPattern("H 'h' mm"));
        assertThat(Json.MAPPER.readTree(perimee.body()).get("detail").asString()).startsWith("Le dossier a changé depuis votre lecture"
                + " (version actuelle \"2\", statut BROUILLON ; dernier changement le ").endsWith(" à " + a
                + " (heure de Paris), par collegue.du.bailleur) : relisez-le.");
    }

    /**
     * The ETag is the dossier's version, for If-Match; but a read also shows the latest evaluation, which changes
     * without the version changing. A system polling with If-None-Match was told 304 « nothing changed » and never saw
     * the evaluation: a read is always answered whole.
     */
    @Test
    void uneLectureConditionnelleVoitLaDerniereEvaluation() throws Exception {
        String id = Json.MAPPER.readTree(creer("bailleur", dossierDuBailleur()).body()).get("id").asString();
        String etag = envoyer(requete("/api/v1/dossiers/" + id, "bailleur").GET().build()).headers().firstValue("ETag").orElseThrow();
        assertThat(ClientHttp.appeler(port, "POST", "/api/v1/dossiers/" + id + "/evaluations", "bailleur", null, null).statusCode())
                .isEqualTo(201);

        for (String condition : new String[] {etag, "*"}) {
            HttpResponse<String> relu = envoyer(requete("/api/v1/dossiers/" + id, "bailleur").header("If-None-Match", condition).GET().build());
            assertThat(relu.statusCode()).as(condition).isEqualTo(200);
            assertThat(Json.MAPPER.readTree(relu.body()).get("derniereEvaluation").get("niveau").isString()).as(condition).isTrue();
            assertThat(relu.headers().firstValue("ETag")).hasValue(etag);
        }
    }

    /**
     * A REST client reads the dossier, edits it and sends back what it read, whole: the dossier is its « dossier »
     * field, and the refusal says so instead of leaving a dozen unknown properties to decipher. So for a sealed
     * evaluation sent to be evaluated again.
     */
    @Test
    void unDossierRenvoyeTelQuLuDitOuEstLeDossier() throws Exception {
        String id = Json.MAPPER.readTree(creer("bailleur", dossierDuBailleur()).body()).get("id").asString();
        String lu = envoyer(requete("/api/v1/dossiers/" + id, "bailleur").GET().build()).body();

        HttpResponse<String> renvoye = envoyer(requete("/api/v1/dossiers/" + id, "bailleur").header("Content-Type", "application/json")
                .header("If-Match", "\"1\"").PUT(HttpRequest.BodyPublishers.ofString(lu)).build());
        assertThat(renvoye.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(renvoye.body()).get("detail").asString()).endsWith(" écarts au contrat du dossier (format 1)."
                + " Ce document est un dossier gardé tel que l'API le rend (GET /api/v1/dossiers/{id}) : le dossier au format 1 en est"
                + " le champ « dossier », à envoyer seul.");
        String evaluation = ClientHttp.appeler(port, "POST", "/api/v1/dossiers/" + id + "/evaluations", "bailleur", null, null)
                .headers().firstValue("Location").orElseThrow();
        String scellee = ClientHttp.appeler(port, "GET", evaluation, "bailleur", null, null).body();
        assertThat(Json.MAPPER.readTree(ClientHttp.appeler(port, "POST", "/api/v1/evaluations", null, scellee, null).body())
                .get("detail").asString()).contains("Ce document est une évaluation scellée (GET /api/v1/evaluations/{id}) : le dossier"
                + " évalué en est le champ « entree », à envoyer seul.");
        String resultat = Json.MAPPER.readTree(scellee).get("resultat").toString();
        assertThat(Json.MAPPER.readTree(ClientHttp.appeler(port, "POST", "/api/v1/evaluations", null, resultat, null).body())
                .get("detail").asString()).contains("Ce document est le résultat d'une évaluation, pas un dossier");
    }

    /**
     * If-Match comme le lit RFC 9110: une liste d'ETag, ou *, comparés au sens fort (un ETag faible ne vaut pas). Un
     * ETag sans guillemets ou affaibli en chemin n'est pas « une version périmée » : relire n'y ferait rien, la réponse
     * dit quoi envoyer.
     */
    @Test
    void ifMatchAccepteUneListeEtEtoileMaisPasUnETagFaible() throws Exception {
        String id = Json.MAPPER.readTree(creer("bailleur", dossierDuBailleur()).body()).get("id").asString();
        Function<String, HttpResponse<String>> modifier = ifMatch -> {
            try {
                return envoyer(requete("/api/v1/dossiers/" + id, "bailleur").header("Content-Type", "application/json")
                        .header("If-Match", ifMatch).PUT(HttpRequest.BodyPublishers.ofString(dossierDuBailleur())).build());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        Function<String, Integer> modifierAvec = ifMatch -> modifier.apply(ifMatch).statusCode();

        HttpResponse<String> faible = modifier.apply("W/\"1\"");
        assertThat(faible.statusCode()).isEqualTo(412);
        assertThat(Json.MAPPER.readTree(faible.body()).get("detail").asString())
                .startsWith("If-Match porte l'ETag faible W/\"1\", qui ne correspond jamais").contains("Renvoyez \"1\" tel que");
        HttpResponse<String> sansGuillemets = modifier.apply("1");
        assertThat(sansGuillemets.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(sansGuillemets.body()).get("detail").asString())
                .isEqualTo("If-Match « 1 » n'est pas un ETag : il s'écrit entre guillemets droits, tel que l'en-tête ETag le donne"
                        + " (If-Match: \"1\"), ou * pour toute version.");
        HttpResponse<String> supprimerSansGuillemets = envoyer(requete("/api/v1/dossiers/" + id, "bailleur").header("If-Match", "1")
                .DELETE().build());
        assertThat(supprimerSansGuillemets.statusCode()).as("rien supprimé sur un en-tête mal écrit").isEqualTo(400);
        assertThat(modifierAvec.apply("\"7\", \"1\"")).isEqualTo(200);
        assertThat(modifierAvec.apply("*")).isEqualTo(200);
        assertThat(modifierAvec.apply("\"2\"")).isEqualTo(412);
        assertThat(modifierAvec.apply("\"3\"")).isEqualTo(200);
    }

    /**
     * A bailleur with more dossiers than a page holds reads them all by following {@code Link: rel="next"}: each once, in
     * creation order, the same as one big page, and {@code X-Total-Count} says how many there are before the last page.
     * A dossier created between two pages comes at the end.
     */
    @Test
    void laListeSeLitParPagesJusquAuDernierDossier() throws Exception {
        for (int i = 0; i < 3; i++) {
            DossiersDeTest.creer(port, "76540", false);
        }
        HttpResponse<String> tout = ClientHttp.appeler(port, "GET", "/api/v1/dossiers?limite=500", "bailleur", null, null);
        List<String> attendus = Json.MAPPER.readTree(tout.body()).valueStream().map(d -> d.get("id").asString()).toList();
        assertThat(tout.headers().firstValue("X-Total-Count")).hasValue(Integer.toString(attendus.size()));
        assertThat(tout.headers().firstValue("Link")).isEmpty();

        List<String> lus = new ArrayList<>();
        String page = "/api/v1/dossiers?limite=2";
        String nouveau = null;
        while (page != null) {
            HttpResponse<String> r = ClientHttp.appeler(port, "GET", page, "bailleur", null, null);
            assertThat(r.statusCode()).isEqualTo(200);
            Json.MAPPER.readTree(r.body()).valueStream().forEach(d -> lus.add(d.get("id").asString()));
            assertThat(r.headers().firstValue("X-Total-Count")).hasValue(Integer.toString(attendus.size() + (nouveau == null ? 0 : 1)));
            page = r.headers().firstValue("Link").map(l -> l.substring(1, l.indexOf('>'))).orElse(null);
            if (nouveau == null) {
                nouveau = DossiersDeTest.creer(port, "76540", false);
            }
        }
        List<String> attendusPuisNouveau = new ArrayList<>(attendus);
        attendusPuisNouveau.add(nouveau);
        assertThat(lus).isEqualTo(attendusPuisNouveau);

        // The next page of a status filter keeps the filter, and no filter adds none.
        HttpResponse<String> premiere = ClientHttp.appeler(port, "GET", "/api/v1/dossiers?statut=BROUILLON&statut=DEPOSE&limite=1",
                "bailleur", null, null);
        assertThat(premiere.headers().firstValue("Link").orElseThrow()).contains("statut=BROUILLON&statut=DEPOSE").contains("limite=1");
        assertThat(ClientHttp.appeler(port, "GET", "/api/v1/dossiers?limite=1", "bailleur", null, null).headers().firstValue("Link")
                .orElseThrow()).doesNotContain("statut");

        String autreOrganisation = nouveau;
        for (String invalide : List.of("?limite=0", "?limite=501", "?apres=x", "?apres=" + java.util.UUID.randomUUID())) {
            HttpResponse<String> r = ClientHttp.appeler(port, "GET", "/api/v1/dossiers" + invalide, "bailleur", null, null);
            assertThat(r.statusCode()).as(invalide).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(ClientHttp.appeler(port, "GET", "/api/v1/dossiers?apres=" + autreOrganisation, "bailleur2", null, null).statusCode())
                .isEqualTo(400);
        // A client's script told which parameter it got wrong, and what it takes.
        HttpResponse<String> malTape = ClientHttp.appeler(port, "GET", "/api/v1/dossiers?limite=dix", "bailleur", null, null);
        assertThat(malTape.statusCode()).isEqualTo(400);
        assertThat(malTape.body()).contains("Paramètre « limite » : « dix » ne convient pas (attendu : un nombre entier).");
        assertThat(ClientHttp.appeler(port, "GET", "/api/v1/journal?avant=hier", "admin", null, null).body())
                .contains("Paramètre « avant » : « hier » ne convient pas (attendu : un nombre entier).");
    }

    /**
     * A bailleur finds its dossier by its own reference, whatever characters it holds, across pages; an instructeur
     * narrows its queue to one commune or one of its packs.
     */
    @Test
    void laListeSeFiltreParReferenceCommuneEtTerritoire() throws Exception {
        String reference = "SIAP+2026 & Co {1}/é";
        List<String> crees = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = ClientHttp.appeler(port, "POST", "/api/v1/dossiers", "bailleur",
                    DossiersDeTest.agrement("76540").replaceFirst("CAS-AGREMENT-\\d+",
                            java.util.regex.Matcher.quoteReplacement(reference)), null);
            assertThat(r.statusCode()).isEqualTo(201);
            crees.add(Json.MAPPER.readTree(r.body()).get("id").asString());
        }
        List<String> lus = new ArrayList<>();
        String page = "/api/v1/dossiers?limite=1&reference=" + java.net.URLEncoder.encode(reference, java.nio.charset.StandardCharsets.UTF_8);
        while (page != null) {
            HttpResponse<String> r = ClientHttp.appeler(port, "GET", page, "bailleur", null, null);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("X-Total-Count")).hasValue("2");
            Json.MAPPER.readTree(r.body()).valueStream().forEach(d -> lus.add(d.get("id").asString()));
            page = r.headers().firstValue("Link").map(l -> l.substring(1, l.indexOf('>'))).orElse(null);
        }
        assertThat(lus).isEqualTo(crees);
        // Retyped in lower case, with a space after: the same dossiers.
        assertThat(lister("bailleur", "?reference=" + java.net.URLEncoder.encode("siap+2026 & co {1}/é ", java.nio.charset.StandardCharsets.UTF_8))
                .valueStream().map(d -> d.get("id").asString()).toList()).isEqualTo(crees);
        assertThat(lister("bailleur", "?reference=SIAP%2B2026")).isEmpty();

        String grenoble = DossiersDeTest.creer(port, "38185", true);
        String rouen = DossiersDeTest.creer(port, "76540", true);
        JsonNode aGrenoble = lister("instructeur38", "?commune=38185");
        assertThat(trouver(aGrenoble, grenoble)).isNotNull();
        assertThat(aGrenoble.valueStream().allMatch(d -> d.get("apercu").get("codeInsee").asString().equals("38185"))).isTrue();
        assertThat(trouver(lister("instructeur", "?territoire=metropole-rouen-normandie"), rouen)).isNotNull();
        assertThat(lister("instructeur", "?territoire=region-84")).isEmpty();

        // A filter misspelt ("statuts") listed every dossier, unfiltered, as if it were the filter's answer.
        for (String faute : List.of("/api/v1/dossiers?statuts=DEPOSE", "/api/v1/dossiers?statut=DEPOSE&ordre=depot")) {
            HttpResponse<String> r = ClientHttp.appeler(port, "GET", faute, "instructeur", null, null);
            assertThat(r.statusCode()).as(faute).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(Json.MAPPER.readTree(r.body()).get("detail").asString()).as(faute).matches("Paramètre « (statuts|ordre) » inconnu"
                    + " de cette adresse \\(attendus : apres, attribue, commune, decision, deposeAu, deposeDu, format, instructeur, limite, modifieDepuis, niveau, phase, recherche, reference, rejetImpliciteAvant, siren, statut, statutDepuisAvant, territoire, tri\\)\\.");
        }
        HttpResponse<String> sansParametre = ClientHttp.appeler(port, "GET", "/api/v1/dossiers/" + rouen + "?vue=complete", "instructeur", null, null);
        assertThat(Json.MAPPER.readTree(sansParametre.body()).get("detail").asString())
                .isEqualTo("Paramètre « vue » inconnu de cette adresse, qui n'en prend aucun.");
        // An evaluation at another date is asked in the dossier, which the evaluation reads whole.
        HttpResponse<String> dateEnParametre = ClientHttp.appeler(port, "POST", "/api/v1/evaluations?date=2026-01-15", null,
                dossierDuBailleur(), null);
        assertThat(Json.MAPPER.readTree(dateEnParametre.body()).get("detail").asString())
                .isEqualTo("Paramètre « date » inconnu de cette adresse (attendus : format) ; « dateReference » s'écrit dans le"
                        + " dossier envoyé (le corps, au format 1).");
    }

    /**
     * In December an instructeur works its queue in the order the dossiers arrived, not in the order their bailleurs
     * began them: a draft begun in March and deposited today comes after one begun last week and deposited yesterday,
     * and an answer to compléments joins the queue when it arrives. Page by page, like the default order.
     */
    @Test
    void lInstructeurLitSaFileDansLOrdreDesDepots() throws Exception {
        String commenceEnPremier = DossiersDeTest.creer(port, "76540", false);
        String deposeEnPremier = DossiersDeTest.creer(port, "76540", true);
        assertThat(ClientHttp.appeler(port, "POST", "/api/v1/dossiers/" + commenceEnPremier + "/depot", "bailleur", null, null).statusCode())
                .isEqualTo(200);
        String jamaisDepose = DossiersDeTest.creer(port, "76540", false);

        assertThat(ordre(lister("instructeur", "?commune=76540&limite=500"), commenceEnPremier, deposeEnPremier))
                .containsExactly(commenceEnPremier, deposeEnPremier);
        assertThat(ordre(parPages("instructeur", "?commune=76540&tri=depot&limite=1"), commenceEnPremier, deposeEnPremier))
                .containsExactly(deposeEnPremier, commenceEnPremier);
        assertThat(ordre(parPages("bailleur", "?tri=depot&limite=2"), jamaisDepose)).as("jamais déposé, pas dans l'ordre des dépôts").isEmpty();
        assertThat(trouver(lister("instructeur", "?commune=76540&tri=depot"), deposeEnPremier).has("deposeLe")).isTrue();

        // Compléments asked of the first one deposited: its answer arrives after the other's deposit.
        for (String action : List.of("PRENDRE_EN_INSTRUCTION", "DEMANDER_COMPLEMENTS")) {
            assertThat(ClientHttp.appeler(port, "POST", "/api/v1/dossiers/" + deposeEnPremier + "/instruction", "instructeur",
                    "{\"action\": \"" + action + "\", \"message\": \"Avis de la commune ?\"}", null).statusCode()).isEqualTo(200);
        }
        assertThat(ClientHttp.appeler(port, "POST", "/api/v1/dossiers/" + deposeEnPremier + "/depot", "bailleur",
                "{\"message\": \"L'avis de la commune est au dossier depuis le premier dépôt.\"}", null).statusCode()).isEqualTo(200);
        assertThat(ordre(parPages("instructeur", "?commune=76540&tri=depot&limite=1"), commenceEnPremier, deposeEnPremier))
                .containsExactly(commenceEnPremier, deposeEnPremier);

        HttpResponse<String> inconnu = ClientHttp.appeler(port, "GET", "/api/v1/dossiers?tri=date", "instructeur", null, null);
        assertThat(inconnu.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(inconnu.body()).get("detail").asString()).startsWith("« tri » vaut creation");
        HttpResponse<String> apresUnBrouillon = ClientHttp.appeler(port, "GET", "/api/v1/dossiers?tri=depot&apres=" + jamaisDepose,
                "bailleur", null, null);
        assertThat(apresUnBrouillon.statusCode()).isEqualTo(400);
    }

    /**
     * The queue in a spreadsheet: the same dossiers as the JSON list, with the same filter and order, one row each, in
     * the French spreadsheet's form (BOM, semicolons, oui/non), the caller's scope alike; an operation's name that
     * starts like a formula stays text.
     */
    @Test
    void laListeSeLitAussiDansUnTableur() throws Exception {
        String corps = DossiersDeTest.agrement("76540").replace("\"Dossier de base des cas : construction neuve sans anomalie\"",
                "\"=HYPERLINK(\\\"http://exemple.invalid\\\";\\\"ouvrir\\\")\"");
        HttpResponse<String> cree = ClientHttp.appeler(port, "POST", "/api/v1/dossiers", "bailleur", corps, null);
        assertThat(cree.statusCode()).as(cree.body()).isEqualTo(201);
        String formule = Json.MAPPER.readTree(cree.body()).get("id").asString();
        assertThat(ClientHttp.appeler(port, "POST", "/api/v1/dossiers/" + formule + "/depot", "bailleur",
                "{\"message\": \"=SOMME(A1:A2)\\nLe plan de masse suit ; \\\"urgent\\\".\"}", null).statusCode()).isEqualTo(200);
        String filtre = "?statut=DEPOSE&commune=76540&limite=500";

        HttpResponse<String> enCsv = ClientHttp.appeler(port, "GET", "/api/v1/dossiers" + filtre + "&format=csv", "instructeur", null, null);
        HttpResponse<String> enJson = ClientHttp.appeler(port, "GET", "/api/v1/dossiers" + filtre, "instructeur", null, null);

        assertThat(enCsv.statusCode()).isEqualTo(200);
        assertThat(enCsv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(enCsv.headers().firstValue("X-Total-Count")).isEqualTo(enJson.headers().firstValue("X-Total-Count"));
        assertThat(enCsv.body()).startsWith("\uFEFFidentifiant;référence;statut;phase;opération;");
        List<org.apache.commons.csv.CSVRecord> lignes = TableurLu.lignes(enCsv.body());
        JsonNode liste = Json.MAPPER.readTree(enJson.body());
        assertThat(lignes).extracting(l -> l.get("identifiant"))
                .containsExactlyElementsOf(liste.valueStream().map(d -> d.get("id").asString()).toList());
        org.apache.commons.csv.CSVRecord ligne = lignes.stream().filter(l -> l.get("identifiant").equals(formule)).findFirst().orElseThrow();
        JsonNode evaluation = trouver(liste, formule).get("derniereEvaluation");
        assertThat(ligne.get("opération")).isEqualTo("'=HYPERLINK(\"http://exemple.invalid\";\"ouvrir\")");
        assertThat(ligne.get("statut")).isEqualTo("DEPOSE");
        assertThat(ligne.get("code INSEE")).isEqualTo("76540");
        assertThat(ligne.get("territoire")).isEqualTo("metropole-rouen-normandie");
        assertThat(ligne.get("déposable")).isEqualTo("oui");
        assertThat(ligne.get("score")).isEqualTo(Integer.toString(evaluation.get("score").asInt()));
        assertThat(ligne.get("niveau")).isEqualTo(evaluation.get("niveau").asString());
        assertThat(ligne.get("déposé le")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        // A message of two lines, quoted, that starts like a formula: one cell, kept text, the rows still one per dossier.
        assertThat(ligne.get("message du dépôt")).isEqualTo("'=SOMME(A1:A2)\nLe plan de masse suit ; \"urgent\".");

        HttpResponse<String> premiere = ClientHttp.appeler(port, "GET", "/api/v1/dossiers?statut=DEPOSE&format=csv&limite=1",
                "instructeur", null, null);
        assertThat(premiere.headers().firstValue("Link")).hasValueSatisfying(l -> assertThat(l).contains("format=csv"));
        // Asked by the Accept header too; JSON stays the default, and first when the client names both.
        assertThat(envoyer(requete("/api/v1/dossiers" + filtre, "instructeur").header("Accept", "text/csv").GET().build()).body())
                .isEqualTo(enCsv.body());
        // What can be read of an Accept header counts: an unreadable range beside text/csv does not lose the CSV.
        assertThat(envoyer(requete("/api/v1/dossiers" + filtre, "instructeur").header("Accept", "text/csv, ;;;").GET().build()).body())
                .isEqualTo(enCsv.body());
        assertThat(envoyer(requete("/api/v1/dossiers" + filtre, "instructeur").header("Accept", "application/json, text/csv")
                .GET().build()).headers().firstValue("Content-Type")).hasValue("application/json");
        HttpResponse<String> xml = envoyer(requete("/api/v1/dossiers", "instructeur").header("Accept", "application/xml").GET().build());
        assertThat(xml.statusCode()).isEqualTo(406);
        assertThat(Json.MAPPER.readTree(xml.body()).get("detail").asString()).contains("text/csv : format=csv");
        // A draft never evaluated: its evaluation's cells empty, and every other column in its place.
        String jamaisEvalue = DossiersDeTest.creer(port, "76540", false);
        org.apache.commons.csv.CSVRecord brouillon = TableurLu.lignes(ClientHttp.appeler(port, "GET", "/api/v1/dossiers?format=csv",
                "bailleur", null, null).body()).stream().filter(l -> l.get("identifiant").equals(jamaisEvalue)).findFirst().orElseThrow();
        assertThat(brouillon.isConsistent()).as("autant de cellules que de colonnes").isTrue();
        assertThat(brouillon.get("statut")).isEqualTo("BROUILLON");
        assertThat(List.of(brouillon.get("évalué le"), brouillon.get("déposable"), brouillon.get("score"), brouillon.get("avis (INFO)"),
                brouillon.get("instructeur"), brouillon.get("décision"), brouillon.get("message du retrait"))).allMatch(String::isEmpty);
        // The caller's scope, as in JSON: another bailleur's spreadsheet does not hold it.
        assertThat(ClientHttp.appeler(port, "GET", "/api/v1/dossiers?format=csv", "bailleur2", null, null).body()).doesNotContain(formule);
        HttpResponse<String> inconnu = ClientHttp.appeler(port, "GET", "/api/v1/dossiers?format=xlsx", "instructeur", null, null);
        assertThat(inconnu.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(inconnu.body()).get("detail").asString()).startsWith("« format » vaut json (par défaut), csv");
    }

    /**
     * An instructeur calls one bailleur about its dossiers in the queue: filtered by the maître d'ouvrage's SIREN, typed
     * as a Kbis prints it; and the programming's light dossiers apart from the requests for agrément, a dossier that
     * names no phase being one (the contract's default).
     */
    @Test
    void lInstructeurFiltreParMaitreDOuvrageEtParPhase() throws Exception {
        String duBailleur = DossiersDeTest.creer(port, "76540", true);
        HttpResponse<String> cree = ClientHttp.appeler(port, "POST", "/api/v1/dossiers", "bailleur2",
                DossiersDeTest.agrement("76540").replace("\"732829320\"", "\"552100554\""), null);
        String duBailleur2 = Json.MAPPER.readTree(cree.body()).get("id").asString();
        assertThat(ClientHttp.appeler(port, "POST", "/api/v1/dossiers/" + duBailleur2 + "/depot", "bailleur2", null, null).statusCode())
                .isEqualTo(200);

        JsonNode deBailleur2 = lister("instructeur", "?statut=DEPOSE&siren=552%20100%20554");
        assertThat(deBailleur2.valueStream().map(d -> d.get("id").asString()).toList()).contains(duBailleur2).doesNotContain(duBailleur);
        assertThat(deBailleur2.valueStream().allMatch(d -> d.get("apercu").get("siren").asString().equals("552100554"))).isTrue();
        assertThat(trouver(lister("instructeur", "?siren=732829320"), duBailleur)).isNotNull();
        HttpResponse<String> siret = ClientHttp.appeler(port, "GET", "/api/v1/dossiers?siren=55210055400012", "instructeur", null, null);
        assertThat(siret.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(siret.body()).get("detail").asString()).contains("c'est un SIRET").endsWith("552100554.");
        assertThat(ClientHttp.appeler(port, "GET", "/api/v1/dossiers?siren=732829320&phase=agrement&limite=1", "instructeur", null, null)
                .headers().firstValue("Link")).hasValueSatisfying(l -> assertThat(l).contains("siren=732829320").contains("phase=AGREMENT"));

        String agrement = DossiersDeTest.agrement("76540");
        String programmation = creer("bailleur", agrement.replace("\"phase\": \"AGREMENT\"", "\"phase\": \"PROGRAMMATION\"")).body();
        String sansPhase = creer("bailleur", agrement.replace("\"phase\": \"AGREMENT\",", "")).body();
        String idProgrammation = Json.MAPPER.readTree(programmation).get("id").asString();
        String idSansPhase = Json.MAPPER.readTree(sansPhase).get("id").asString();
        List<String> enProgrammation = lister("bailleur", "?phase=PROGRAMMATION").valueStream().map(d -> d.get("id").asString()).toList();
        List<String> enAgrement = lister("bailleur", "?phase=agrement").valueStream().map(d -> d.get("id").asString()).toList();
        assertThat(enProgrammation).contains(idProgrammation).doesNotContain(idSansPhase, duBailleur);
        assertThat(enAgrement).contains(idSansPhase, duBailleur).doesNotContain(idProgrammation);
        assertThat(ClientHttp.appeler(port, "GET", "/api/v1/dossiers?phase=instruction", "bailleur", null, null).statusCode()).isEqualTo(400);
    }

    /**
     * A service of several instructeurs splits its queue: each dossier shows who took it in instruction, and the list
     * filters by that account. The compléments one asked for come back to him with the answer, until a colleague takes
     * the dossier up in turn.
     */
    @Test
    void chaqueInstructeurLitSaPartDeLaFile() throws Exception {
        String motDePasse = "un mot de passe assez long";
        long service = Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", "/api/v1/moi", "instructeur", null, null).body())
                .get("organisation").asLong();
        assertThat(ClientHttp.appeler(port, "POST", "/api/v1/admin/comptes", "admin", "{\"identifiant\": \"collegue\", \"motDePasse\": \""
                + motDePasse + "\", \"organisation\": " + service + "}", null).statusCode()).isEqualTo(201);
        String sien = DossiersDeTest.creer(port, "76540", true);
        String duCollegue = DossiersDeTest.creer(port, "76540", true);
        String prendre = "{\"action\": \"PRENDRE_EN_INSTRUCTION\"}";
        assertThat(ClientHttp.appeler(port, "POST", "/api/v1/dossiers/" + sien + "/instruction", "instructeur", prendre, null).statusCode())
                .isEqualTo(200);
        assertThat(ClientHttp.appeler(port, "POST", "/api/v1/dossiers/" + duCollegue + "/instruction", "collegue", motDePasse, prendre, null)
                .statusCode()).isEqualTo(200);

        List<String> partDuCollegue = lister("instructeur", "?instructeur=collegue").valueStream().map(d -> d.get("id").asString()).toList();
        assertThat(partDuCollegue).contains(duCollegue).doesNotContain(sien);
        assertThat(lister("instructeur", "?instructeur=collegue").valueStream().allMatch(d -> d.get("instructeur").asString()
                .equals("collegue"))).isTrue();
        assertThat(json(ClientHttp.appeler(port, "GET", "/api/v1/dossiers/" + sien, "bailleur", null, null)).get("instructeur").asString())
                .isEqualTo("instructeur");
        String csv = ClientHttp.appeler(port, "GET", "/api/v1/dossiers?instructeur=collegue&format=csv", "instructeur", null, null).body();
        assertThat(TableurLu.lignes(csv).stream()
                .filter(l -> l.get("identifiant").equals(duCollegue)).findFirst().orElseThrow().get("instructeur")).isEqualTo("collegue");

        // Compléments asked, answered: the dossier comes back to the one who asked, in his part of the queue.
        assertThat(ClientHttp.appeler(port, "POST", "/api/v1/dossiers/" + sien + "/instruction", "instructeur",
                "{\"action\": \"DEMANDER_COMPLEMENTS\", \"message\": \"Le plan de situation.\"}", null).statusCode()).isEqualTo(200);
        assertThat(ClientHttp.appeler(port, "POST", "/api/v1/dossiers/" + sien + "/depot", "bailleur", "{\"message\": \"Joint.\"}", null)
                .statusCode()).isEqualTo(200);
        assertThat(trouver(lister("instructeur", "?statut=DEPOSE&instructeur=instructeur"), sien)).isNotNull();
        assertThat(ClientHttp.appeler(port, "POST", "/api/v1/dossiers/" + sien + "/instruction", "collegue", motDePasse, prendre, null)
                .statusCode()).isEqualTo(200);
        assertThat(lister("instructeur", "?instructeur=collegue").valueStream().map(d -> d.get("id").asString()).toList()).contains(sien);

        assertThat(ClientHttp.appeler(port, "GET", "/api/v1/dossiers?instructeur=collegue&limite=1", "instructeur", null, null)
                .headers().firstValue("Link")).hasValueSatisfying(l -> assertThat(l).contains("instructeur=collegue"));
        HttpResponse<String> inconnu = ClientHttp.appeler(port, "GET", "/api/v1/dossiers?instructeur=colegue", "instructeur", null, null);
        assertThat(inconnu.statusCode()).isEqualTo(400);
        assertThat(json(inconnu).get("detail").asString()).contains("« colegue » n'est ni un compte de votre organisation");
        // A bailleur learns no account name of the service that way: only the instructeurs of his own dossiers.
        assertThat(ClientHttp.appeler(port, "GET", "/api/v1/dossiers?instructeur=collegue", "bailleur", null, null).statusCode())
                .isEqualTo(200);
        assertThat(ClientHttp.appeler(port, "GET", "/api/v1/dossiers?instructeur=dreal28", "bailleur", null, null).statusCode())
                .isEqualTo(400);
        assertThat(ClientHttp.appeler(port, "GET", "/api/v1/dossiers?instructeur=dreal28", "instructeur", null, null).statusCode())
                .isEqualTo(400);
    }

    /**
     * An instructeur away in December: his dossiers, taken in instruction, go to a colleague, who reads them in his part
     * of the queue. Only to an active instructeur of the same service, and nothing the bailleur reads changes but who.
     */
    @Test
    void unDossierPrisEnInstructionSeConfieAUnCollegueDuService() throws Exception {
        String motDePasse = "un mot de passe assez long";
        long service = json(ClientHttp.appeler(port, "GET", "/api/v1/moi", "instructeur", null, null)).get("organisation").asLong();
        for (String compte : new String[] {"remplacante", "parti"}) {
            assertThat(ClientHttp.appeler(port, "POST", "/api/v1/admin/comptes", "admin", "{\"identifiant\": \"" + compte
                    + "\", \"motDePasse\": \"" + motDePasse + "\", \"organisation\": " + service + "}", null).statusCode()).isEqualTo(201);
        }
        // A colleague who leaves with a dossier in hand: the administrator who deactivates him is told where it is.
        String duPartant = DossiersDeTest.creer(port, "76540", true);
        assertThat(ClientHttp.appeler(port, "POST", "/api/v1/dossiers/" + duPartant + "/instruction", "parti", motDePasse,
                "{\"action\": \"PRENDRE_EN_INSTRUCTION\"}", null).statusCode()).isEqualTo(200);
        assertThat(ClientHttp.appeler(port, "PUT", "/api/v1/admin/comptes/parti/actif", "admin", "{\"actif\": false}", null)
                .statusCode()).isEqualTo(204);
        assertThat(alertesSur("« parti »")).containsExactly("Le compte désactivé « parti » (" + json(ClientHttp.appeler(port, "GET",
                "/api/v1/admin/organisations/" + service, "admin", null, null)).get("nom").asString() + ", organisation " + service
                + ") garde 1 dossier en cours : son service les trouve par GET /api/v1/dossiers?instructeur=parti et les confie à un"
                + " collègue (POST /api/v1/dossiers/{id}/instruction, action CONFIER).");
        assertThat(ClientHttp.appeler(port, "POST", "/api/v1/dossiers/" + duPartant + "/instruction", "instructeur",
                "{\"action\": \"CONFIER\", \"instructeur\": \"remplacante\"}", null).statusCode()).isEqualTo(200);
        assertThat(alertesSur("« parti »")).isEmpty();
        String id = DossiersDeTest.creer(port, "76540", true);
        String instruction = "/api/v1/dossiers/" + id + "/instruction";
        assertThat(ClientHttp.appeler(port, "POST", instruction, "instructeur", "{\"action\": \"PRENDRE_EN_INSTRUCTION\"}", null)
                .statusCode()).isEqualTo(200);
        JsonNode pris = json(ClientHttp.appeler(port, "GET", "/api/v1/dossiers/" + id, "instructeur", null, null));

        // Refused, and nothing changes: not an instructeur of this service (another's, a DREAL, a departed colleague), no one
        // named, a message the bailleur would read, a bailleur, a service that does not see the dossier.
        for (String[] refus : new String[][] {
                {"instructeur", "{\"action\": \"CONFIER\", \"instructeur\": \"instructeur28\"}", "400"},
                {"instructeur", "{\"action\": \"CONFIER\", \"instructeur\": \"dreal28\"}", "400"},
                {"instructeur", "{\"action\": \"CONFIER\", \"instructeur\": \"parti\"}", "400"},
                {"instructeur", "{\"action\": \"CONFIER\"}", "400"},
                {"instructeur", "{\"action\": \"CONFIER\", \"instructeur\": \"remplacante\", \"message\": \"Congés.\"}", "400"},
                {"instructeur", "{\"action\": \"DEMANDER_COMPLEMENTS\", \"message\": \"m\", \"instructeur\": \"remplacante\"}", "400"},
                {"instructeur", "{\"action\": \"CONFIER\", \"instructeur\": \"instructeur\"}", "409"},
                {"bailleur", "{\"action\": \"CONFIER\", \"instructeur\": \"remplacante\"}", "403"},
                {"instructeur38", "{\"action\": \"CONFIER\", \"instructeur\": \"remplacante\"}", "404"}}) {
            HttpResponse<String> r = ClientHttp.appeler(port, "POST", instruction, refus[0], refus[1], null);
            assertThat(r.statusCode()).as(refus[1]).isEqualTo(Integer.parseInt(refus[2]));
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(json(ClientHttp.appeler(port, "POST", instruction, "instructeur",
                "{\"action\": \"CONFIER\", \"instructeur\": \"instructeur28\"}", null)).get("detail").asString())
                .isEqualTo("« instructeur28 » n'est pas un compte actif de votre service instructeur : le dossier se confie à l'un"
                        + " de ses instructeurs.");
        assertThat(json(ClientHttp.appeler(port, "GET", "/api/v1/dossiers/" + id, "instructeur", null, null))).isEqualTo(pris);

        // Given, as typed (a capital), on the version read: the same status, another instructeur, a new version.
        HttpResponse<String> confie = ClientHttp.appeler(port, "POST", instruction, "instructeur",
                "{\"action\": \"confier\", \"instructeur\": \" Remplacante\"}", "\"" + pris.get("version").asInt() + "\"");
        assertThat(confie.statusCode()).isEqualTo(200);
        assertThat(json(confie).get("statut").asString()).isEqualTo("EN_INSTRUCTION");
        JsonNode lu = json(ClientHttp.appeler(port, "GET", "/api/v1/dossiers/" + id, "bailleur", null, null));
        assertThat(lu.get("instructeur").asString()).isEqualTo("remplacante");
        assertThat(lu.get("statut").asString()).isEqualTo("EN_INSTRUCTION");
        assertThat(lu.get("version").asInt()).isEqualTo(pris.get("version").asInt() + 1);
        assertThat(lister("instructeur", "?instructeur=remplacante").valueStream().map(d -> d.get("id").asString()).toList()).contains(id);
        assertThat(lister("instructeur", "?instructeur=instructeur").valueStream().map(d -> d.get("id").asString()).toList())
                .doesNotContain(id);
        List<JsonNode> historique = json(ClientHttp.appeler(port, "GET", "/api/v1/dossiers/" + id + "/historique", "bailleur", null, null))
                .valueStream().toList();
        JsonNode ligne = historique.get(historique.size() - 1);
        assertThat(ligne.get("action").asString()).isEqualTo("CONFIER");
        assertThat(ligne.get("qui").asString()).isEqualTo("instructeur");
        assertThat(ligne.get("detail")).isEqualTo(Json.MAPPER.readTree("{\"territoire\": \"metropole-rouen-normandie\","
                + " \"instructeur\": \"remplacante\", \"instructeurPrecedent\": \"instructeur\"}"));
        // On the version read before it: stale.
        assertThat(ClientHttp.appeler(port, "POST", instruction, "instructeur", "{\"action\": \"CONFIER\", \"instructeur\": \"instructeur\"}",
                "\"" + pris.get("version").asInt() + "\"").statusCode()).isEqualTo(412);
        // She instructs it; closed, it is given to no one.
        assertThat(ClientHttp.appeler(port, "POST", instruction, "remplacante", motDePasse, "{\"action\": \"INSTRUIRE\"}", null)
                .statusCode()).isEqualTo(200);
        HttpResponse<String> clos = ClientHttp.appeler(port, "POST", instruction, "instructeur",
                "{\"action\": \"CONFIER\", \"instructeur\": \"instructeur\"}", null);
        assertThat(clos.statusCode()).isEqualTo(409);
        assertThat(json(clos).get("detail").asString()).endsWith("; son instruction est close.");
    }

    /**
     * An audit reads what one account did, day by day in Paris: the lines of 31 March at 23:59:59 and of 1 April at
     * midnight, in Paris (summer time, UTC+2), fall on either side of the day's bound. A name no line is by is refused,
     * and a DREAL learns no name of another région that way.
     */
    @Test
    void leJournalSeLitParAuteurEtParJoursAParis() throws Exception {
        for (String quand : new String[] {"2026-03-31T21:59:59Z", "2026-03-31T22:00:00Z"}) {
            jdbc.sql("INSERT INTO journal (quand, qui, action, objet, detail) VALUES (?::timestamptz, 'auditeur.test',"
                    + " 'CHANGEMENT_MOT_DE_PASSE', 'compte:auditeur.test', '{}'::jsonb)").param(quand).update();
        }
        JsonNode tout = json(ClientHttp.appeler(port, "GET", "/api/v1/journal?qui=Auditeur.Test", "admin", null, null));
        assertThat(tout.valueStream().map(l -> l.get("quand").asString()).toList())
                .containsExactly("2026-03-31T22:00:00Z", "2026-03-31T21:59:59Z");
        assertThat(json(ClientHttp.appeler(port, "GET", "/api/v1/journal?qui=auditeur.test&du=2026-04-01", "admin", null, null))
                .valueStream().map(l -> l.get("quand").asString()).toList()).containsExactly("2026-03-31T22:00:00Z");
        assertThat(json(ClientHttp.appeler(port, "GET", "/api/v1/journal?qui=auditeur.test&du=2026-03-31&au=2026-03-31", "admin", null,
                null)).valueStream().map(l -> l.get("quand").asString()).toList()).containsExactly("2026-03-31T21:59:59Z");
        HttpResponse<String> premierePage = ClientHttp.appeler(port, "GET", "/api/v1/journal?qui=auditeur.test&au=2026-04-01&limite=1",
                "admin", null, null);
        String suivante = premierePage.headers().firstValue("Link").orElseThrow();
        assertThat(suivante).contains("qui=auditeur.test", "au=2026-04-01");
        assertThat(json(ClientHttp.appeler(port, "GET", suivante.substring(suivante.indexOf("/api/"), suivante.indexOf('>')), "admin",
                null, null)).valueStream().map(l -> l.get("quand").asString()).toList()).containsExactly("2026-03-31T21:59:59Z");
        // Every line of an account's, and only its own: the bailleur's creations, deposits, evaluations.
        String id = DossiersDeTest.creer(port, "76540", true);
        JsonNode duBailleur = json(ClientHttp.appeler(port, "GET", "/api/v1/journal?qui=bailleur&limite=500", "admin", null, null));
        assertThat(duBailleur.valueStream().allMatch(l -> l.get("qui").asString().equals("bailleur"))).isTrue();
        assertThat(duBailleur.valueStream().filter(l -> l.get("objet").asString().equals("dossier:" + id)).map(l -> l.get("action")
                .asString()).toList()).contains("DEPOT", "CREATION");

        HttpResponse<String> inconnu = ClientHttp.appeler(port, "GET", "/api/v1/journal?qui=e.martin", "admin", null, null);
        assertThat(inconnu.statusCode()).isEqualTo(400);
        assertThat(json(inconnu).get("detail").asString()).isEqualTo("« e.martin » n'est pas un compte, et aucune ligne du journal n'est de lui.");
        HttpResponse<String> aLEnvers = ClientHttp.appeler(port, "GET", "/api/v1/journal?du=2026-04-02&au=2026-04-01", "admin", null, null);
        assertThat(aLEnvers.statusCode()).isEqualTo(400);
        assertThat(json(aLEnvers).get("detail").asString()).isEqualTo("« du » (2026-04-02) est après « au » (2026-04-01) : aucune ligne"
                + " ne peut être des deux.");
        assertThat(ClientHttp.appeler(port, "GET", "/api/v1/journal?du=01/04/2026", "admin", null, null).statusCode()).isEqualTo(400);
        // A DREAL: the instructeur of its région's dossiers, yes; an account that acted on none of them, no.
        assertThat(json(ClientHttp.appeler(port, "GET", "/api/v1/journal?qui=bailleur&limite=500", "dreal28", null, null)).valueStream()
                .map(l -> l.get("objet").asString()).toList()).contains("dossier:" + id);
        HttpResponse<String> horsRegion = ClientHttp.appeler(port, "GET", "/api/v1/journal?qui=auditeur.test", "dreal28", null, null);
        assertThat(horsRegion.statusCode()).isEqualTo(400);
        assertThat(json(horsRegion).get("detail").asString()).isEqualTo("« auditeur.test » n'a rien fait que vous puissiez lire au"
                + " journal (les dossiers de votre région).");
    }

    /**
     * A head of service dispatching December's deposits reads his queue by instructeur: who has what, at which status,
     * what is no one's, and which requests for agrément have passed the day the service's silence is worth rejection.
     */
    @Test
    void laFileDuServiceSeLitInstructeurParInstructeur() throws Exception {
        long service = json(ClientHttp.appeler(port, "GET", "/api/v1/moi", "instructeur", null, null)).get("organisation").asLong();
        assertThat(ClientHttp.appeler(port, "POST", "/api/v1/admin/comptes", "admin", "{\"identifiant\": \"renfort.decembre\","
                + " \"motDePasse\": \"un mot de passe assez long\", \"organisation\": " + service + "}", null).statusCode()).isEqualTo(201);
        JsonNode avant = json(ClientHttp.appeler(port, "GET", "/api/v1/dossiers/repartition", "instructeur", null, null));
        assertThat(deLInstructeur(avant, "renfort.decembre").get("total").asLong()).as("sans dossier, il y est").isZero();

        String pris = DossiersDeTest.creer(port, "76540", true);
        String confie = DossiersDeTest.creer(port, "76540", true);
        String enRetard = DossiersDeTest.creer(port, "76540", true);
        assertThat(ClientHttp.appeler(port, "POST", "/api/v1/dossiers/" + pris + "/instruction", "instructeur",
                "{\"action\": \"PRENDRE_EN_INSTRUCTION\"}", null).statusCode()).isEqualTo(200);
        assertThat(ClientHttp.appeler(port, "POST", "/api/v1/dossiers/" + confie + "/instruction", "instructeur",
                "{\"action\": \"CONFIER\", \"instructeur\": \"renfort.decembre\"}", null).statusCode()).isEqualTo(200);
        // Deposited five months ago, never taken: its four months are over, and it is no one's.
        jdbc.sql("UPDATE dossier SET premier_depot_le = now() - interval '5 months' WHERE id = ?::uuid").param(enRetard).update();

        JsonNode apres = json(ClientHttp.appeler(port, "GET", "/api/v1/dossiers/repartition", "instructeur", null, null));
        assertThat(ecart(avant.get("enCours"), apres.get("enCours"))).isEqualTo(Map.of("total", 3L, "DEPOSE", 2L, "EN_INSTRUCTION", 1L,
                "COMPLEMENTS_DEMANDES", 0L, "rejetImpliciteDepasse", 1L));
        assertThat(ecart(avant.get("nonAttribues"), apres.get("nonAttribues"))).isEqualTo(Map.of("total", 1L, "DEPOSE", 1L,
                "EN_INSTRUCTION", 0L, "COMPLEMENTS_DEMANDES", 0L, "rejetImpliciteDepasse", 1L));
        assertThat(ecart(deLInstructeur(avant, "instructeur"), deLInstructeur(apres, "instructeur"))).isEqualTo(Map.of("total", 1L,
                "DEPOSE", 0L, "EN_INSTRUCTION", 1L, "COMPLEMENTS_DEMANDES", 0L, "rejetImpliciteDepasse", 0L));
        assertThat(deLInstructeur(apres, "renfort.decembre")).isEqualTo(Json.MAPPER.readTree("{\"instructeur\": \"renfort.decembre\","
                + " \"actif\": true, \"total\": 1, \"DEPOSE\": 1, \"EN_INSTRUCTION\": 0, \"COMPLEMENTS_DEMANDES\": 0,"
                + " \"rejetImpliciteDepasse\": 0}"));
        // Every dossier in progress is someone's or no one's, once.
        assertThat(apres.get("nonAttribues").get("total").asLong() + apres.get("instructeurs").valueStream()
                .mapToLong(i -> i.get("total").asLong()).sum()).isEqualTo(apres.get("enCours").get("total").asLong());
        List<Long> charges = apres.get("instructeurs").valueStream().map(i -> i.get("total").asLong()).toList();
        assertThat(charges).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        // Service by service (the pack of the deposit), what a DREAL compares: the three went to Rouen's.
        assertThat(ecart(duTerritoire(avant, "metropole-rouen-normandie"), duTerritoire(apres, "metropole-rouen-normandie")))
                .isEqualTo(Map.of("total", 3L, "DEPOSE", 2L, "EN_INSTRUCTION", 1L, "COMPLEMENTS_DEMANDES", 0L,
                        "rejetImpliciteDepasse", 1L, "nonAttribues", 1L));
        assertThat(apres.get("territoires").valueStream().mapToLong(t -> t.get("total").asLong()).sum())
                .isEqualTo(apres.get("enCours").get("total").asLong());
        assertThat(apres.get("territoires").valueStream().mapToLong(t -> t.get("nonAttribues").asLong()).sum())
                .isEqualTo(apres.get("nonAttribues").get("total").asLong());
        assertThat(duTerritoire(json(ClientHttp.appeler(port, "GET", "/api/v1/dossiers/repartition", "dreal28", null, null)),
                "metropole-rouen-normandie").get("total").asLong()).isEqualTo(duTerritoire(apres, "metropole-rouen-normandie")
                .get("total").asLong());

        // Those to dispatch are listed apart: no one's, then someone's.
        List<String> aRepartir = lister("instructeur", "?statut=DEPOSE&attribue=false").valueStream().map(d -> d.get("id").asString()).toList();
        assertThat(aRepartir).contains(enRetard).doesNotContain(confie, pris);
        assertThat(lister("instructeur", "?attribue=OUI").valueStream().map(d -> d.get("id").asString()).toList())
                .contains(confie, pris).doesNotContain(enRetard);
        assertThat(ClientHttp.appeler(port, "GET", "/api/v1/dossiers?attribue=false&limite=1", "instructeur", null, null)
                .headers().firstValue("Link")).hasValueSatisfying(l -> assertThat(l).contains("attribue=false"));
        HttpResponse<String> peutEtre = ClientHttp.appeler(port, "GET", "/api/v1/dossiers?attribue=peut-etre", "instructeur", null, null);
        assertThat(peutEtre.statusCode()).isEqualTo(400);
        assertThat(json(peutEtre).get("detail").asString()).endsWith("pas « peut-etre ».");
        // The DREAL of the région sees its services' instructeurs; another région's does not; a bailleur is refused.
        assertThat(deLInstructeur(json(ClientHttp.appeler(port, "GET", "/api/v1/dossiers/repartition", "dreal28", null, null)),
                "renfort.decembre").get("total").asLong()).isEqualTo(1);
        assertThat(json(ClientHttp.appeler(port, "GET", "/api/v1/dossiers/repartition", "dreal", null, null)).get("instructeurs")
                .valueStream().map(i -> i.get("instructeur").asString()).toList()).doesNotContain("renfort.decembre", "instructeur");
        assertThat(ClientHttp.appeler(port, "GET", "/api/v1/dossiers/repartition", "bailleur", null, null).statusCode()).isEqualTo(403);
    }

    private static JsonNode deLInstructeur(JsonNode repartition, String instructeur) {
        return repartition.get("instructeurs").valueStream().filter(i -> i.get("instructeur").asString().equals(instructeur))
                .findFirst().orElseThrow(() -> new AssertionError(instructeur + " absent de " + repartition));
    }

    /** Count by count, what {@code apres} has more than {@code avant}. */
    private static JsonNode duTerritoire(JsonNode repartition, String territoire) {
        return repartition.get("territoires").valueStream().filter(t -> t.get("territoire").asString().equals(territoire))
                .findFirst().orElseGet(() -> Json.MAPPER.readTree("{\"total\": 0, \"DEPOSE\": 0, \"EN_INSTRUCTION\": 0,"
                        + " \"COMPLEMENTS_DEMANDES\": 0, \"rejetImpliciteDepasse\": 0, \"nonAttribues\": 0}"));
    }

    private static Map<String, Long> ecart(JsonNode avant, JsonNode apres) {
        Map<String, Long> ecart = new java.util.TreeMap<>();
        apres.properties().forEach(e -> {
            if (e.getValue().isNumber()) {
                ecart.put(e.getKey(), e.getValue().asLong() - avant.get(e.getKey()).asLong());
            }
        });
        return ecart;
    }

    /** The administration's coverage alerts that name {@code nom}. */
    private List<String> alertesSur(String nom) throws Exception {
        return json(ClientHttp.appeler(port, "GET", "/api/v1/admin/couverture", "admin", null, null)).get("alertes").valueStream()
                .map(JsonNode::asString).filter(a -> a.contains(nom)).toList();
    }

    private static JsonNode json(HttpResponse<String> r) {
        return Json.MAPPER.readTree(r.body());
    }

    /**
     * Before publishing a pack, a DREAL runs it on its territory's dossiers: the list in JSON Lines gives them whole,
     * one per line as a read gives it, in one request; and the CLI takes that file as it is, a deposited dossier at the
     * date it was judged at, so that the jar's packs give exactly the evaluation the service sealed at the deposit.
     */
    @Test
    void lesDossiersEntiersSExportentPourLaLigneDeCommande(@org.junit.jupiter.api.io.TempDir Path dossier) throws Exception {
        String depose = DossiersDeTest.creer(port, "76540", true);
        String filtre = "?statut=DEPOSE&commune=76540";

        HttpResponse<String> export = ClientHttp.appeler(port, "GET", "/api/v1/dossiers" + filtre + "&format=jsonl", "instructeur", null, null);

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValue("application/x-ndjson;charset=UTF-8");
        assertThat(export.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"dossiers.jsonl\"");
        List<String> lignes = export.body().lines().toList();
        JsonNode liste = Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", "/api/v1/dossiers" + filtre, "instructeur", null, null).body());
        assertThat(lignes).hasSize(liste.size()).hasSizeGreaterThan(0);
        assertThat(export.headers().firstValue("X-Total-Count")).hasValue(Integer.toString(lignes.size()));
        for (int i = 0; i < lignes.size(); i++) {
            String id = liste.get(i).get("id").asString();
            assertThat(Json.MAPPER.readTree(lignes.get(i))).as(id)
                    .isEqualTo(Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", "/api/v1/dossiers/" + id, "instructeur", null, null).body()));
        }
        assertThat(envoyer(requete("/api/v1/dossiers" + filtre, "instructeur").header("Accept", "application/x-ndjson").GET().build()).body())
                .isEqualTo(export.body());
        assertThat(ClientHttp.appeler(port, "GET", "/api/v1/dossiers" + filtre + "&format=jsonl&limite=1", "instructeur", null, null)
                .headers().firstValue("Link")).hasValueSatisfying(l -> assertThat(l).contains("format=jsonl"));
        assertThat(ClientHttp.appeler(port, "GET", "/api/v1/dossiers?format=jsonl", "bailleur2", null, null).body()).doesNotContain(depose);

        Path fichier = dossier.resolve("dossiers.jsonl");
        Files.writeString(fichier, export.body());
        java.io.ByteArrayOutputStream sortie = new java.io.ByteArrayOutputStream();
        fr.harmonie.cli.Commandes.executer(new String[] {"evaluer", fichier.toString()}, java.io.InputStream.nullInputStream(),
                new java.io.PrintStream(sortie, true, java.nio.charset.StandardCharsets.UTF_8), new java.io.PrintStream(
                        java.io.OutputStream.nullOutputStream()));
        List<String> resultats = sortie.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        assertThat(resultats).hasSize(lignes.size());
        int n = liste.valueStream().map(d -> d.get("id").asString()).toList().indexOf(depose);
        JsonNode enLigne = Json.MAPPER.readTree(resultats.get(n));
        assertThat(enLigne.get("fichier").asString()).isEqualTo(fichier + ":" + (n + 1));
        JsonNode lu = Json.MAPPER.readTree(lignes.get(n));
        JsonNode scellee = Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", "/api/v1/evaluations/" + lu.get("evaluationDepot").asString(),
                "instructeur", null, null).body());
        // Dated 2026-06-16 in its content, judged on the day of its deposit: the same receipt as the seal's.
        assertThat(lu.get("dossier").get("dateReference").asString()).isNotEqualTo(lu.get("dateReferenceDepot").asString());
        assertThat(enLigne.get("resultat").get("empreinte").asString()).isEqualTo(scellee.get("resultat").get("empreinte").asString());
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /**
     * A spreadsheet does not follow Link: asked without limite, the CSV is the whole filtered list, not its first 500
     * dossiers read as the whole queue. Beyond what one file holds, a refusal in French rather than a file cut short.
     * The bailleur is the test's own, its dossiers copied in the database (600, then 10 001).
     */
    @Test
    void unTableurRecoitToutLaListeEtNonSaPremierePage() throws Exception {
        String motDePasse = "un mot de passe assez long";
        HttpResponse<String> organisation = ClientHttp.appeler(port, "POST", "/api/v1/admin/organisations", "admin",
                "{\"type\": \"BAILLEUR\", \"nom\": \"Bailleur aux mille dossiers\", \"siren\": \"775612344\"}", null);
        assertThat(organisation.statusCode()).as(organisation.body()).isEqualTo(201);
        long id = Json.MAPPER.readTree(organisation.body()).get("id").asLong();
        assertThat(ClientHttp.appeler(port, "POST", "/api/v1/admin/comptes", "admin", "{\"identifiant\": \"mille\", \"motDePasse\": \""
                + motDePasse + "\", \"organisation\": " + id + "}", null).statusCode()).isEqualTo(201);
        HttpResponse<String> cree = ClientHttp.appeler(port, "POST", "/api/v1/dossiers", "mille", motDePasse,
                DossiersDeTest.agrement("76540").replace("\"732829320\"", "\"775612344\""), null);
        assertThat(cree.statusCode()).as(cree.body()).isEqualTo(201);
        String premier = Json.MAPPER.readTree(cree.body()).get("id").asString();
        copier(premier, 1, 599);

        HttpResponse<String> fichier = ClientHttp.appeler(port, "GET", "/api/v1/dossiers?format=csv", "mille", motDePasse, null, null);
        HttpResponse<String> page = ClientHttp.appeler(port, "GET", "/api/v1/dossiers", "mille", motDePasse, null, null);

        assertThat(fichier.statusCode()).isEqualTo(200);
        List<org.apache.commons.csv.CSVRecord> lignes = TableurLu.lignes(fichier.body());
        assertThat(lignes).hasSize(600);
        assertThat(lignes.stream().map(l -> l.get("identifiant")).distinct()).hasSize(600);
        assertThat(lignes.get(0).get("identifiant")).isEqualTo(premier);
        assertThat(fichier.headers().firstValue("X-Total-Count")).hasValue("600");
        assertThat(fichier.headers().firstValue("Link")).isEmpty();
        // JSON, and CSV asked by pages, keep their pages of 500.
        assertThat(Json.MAPPER.readTree(page.body()).size()).isEqualTo(500);
        assertThat(page.headers().firstValue("Link")).isPresent();
        HttpResponse<String> parPage = ClientHttp.appeler(port, "GET", "/api/v1/dossiers?format=csv&limite=500", "mille", motDePasse, null, null);
        assertThat(parPage.body().lines().count()).isEqualTo(501);
        assertThat(parPage.headers().firstValue("Link")).hasValueSatisfying(l -> assertThat(l).contains("format=csv"));
        // The dossiers read whole, written a few at a time as they are sent: all of them, once each, in the list's order.
        HttpResponse<String> enLignes = ClientHttp.appeler(port, "GET", "/api/v1/dossiers?format=jsonl", "mille", motDePasse, null, null);
        assertThat(enLignes.body().lines().map(l -> Json.MAPPER.readTree(l).get("id").asString()).toList())
                .isEqualTo(lignes.stream().map(l -> l.get("identifiant")).toList());
        assertThat(enLignes.body().lines().allMatch(l -> Json.MAPPER.readTree(l).get("dossier").get("maitreOuvrage").get("siren")
                .asString().equals("775612344"))).isTrue();

        copier(premier, 600, 10_000);
        HttpResponse<String> tropLong = ClientHttp.appeler(port, "GET", "/api/v1/dossiers?format=csv", "mille", motDePasse, null, null);

        assertThat(tropLong.statusCode()).isEqualTo(400);
        assertThat(tropLong.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Json.MAPPER.readTree(tropLong.body()).get("detail").asString())
                .startsWith("Le filtre retient 10 001 dossiers ; un fichier en tient au plus 10 000.");
    }

    /**
     * « Les dossiers déposés du 1er novembre au 31 décembre »: days of Paris, both included, at the last deposit. A
     * deposit at 00:30 in Paris on 1 November is still 31 October in UTC, and counts for November. The filter follows
     * the pages and the CSV; a date written the French way is refused with the way to write it.
     */
    @Test
    void lInstructeurFiltreSaFileParDatesDeDepot() throws Exception {
        String veille = DossiersDeTest.creer(port, "76540", true);
        String premierJour = DossiersDeTest.creer(port, "76540", true);
        String dernierJour = DossiersDeTest.creer(port, "76540", true);
        deposeLe(veille, "2025-10-31T23:30:00+01:00");
        deposeLe(premierJour, "2025-11-01T00:30:00+01:00");
        deposeLe(dernierJour, "2025-12-31T23:59:00+01:00");
        String periode = "?commune=76540&deposeDu=2025-11-01&deposeAu=2025-12-31";

        assertThat(ids(lister("instructeur", periode))).containsExactly(premierJour, dernierJour);
        // A time on the minute keeps its seconds (RFC 3339), as the contract's date-time wants: written by the service
        // itself (deposeLe) or by Jackson (derniereEvaluation.le).
        // Evaluations are sealed (no UPDATE): a later one, sealed on the minute, is added.
        jdbc.sql("""
                INSERT INTO evaluation (id, dossier_id, par, entree, chaine, resultat, empreinte, localisation, cree_le)
                SELECT gen_random_uuid(), dossier_id, par, entree, chaine, resultat, empreinte, localisation, '2027-01-01T00:00:00+01:00'
                FROM evaluation WHERE dossier_id = ?::uuid LIMIT 1""").param(premierJour).update();
        JsonNode lu = trouver(lister("instructeur", periode), premierJour);
        assertThat(lu.get("deposeLe").asString()).isEqualTo("2025-10-31T23:30:00Z");
        assertThat(lu.get("derniereEvaluation").get("le").asString()).isEqualTo("2026-12-31T23:00:00Z");
        assertThat(ids(lister("instructeur", "?commune=76540&deposeDu=2025-11-01&deposeAu=2025-12-30"))).containsExactly(premierJour);
        assertThat(ids(lister("instructeur", "?commune=76540&deposeAu=2025-10-31"))).containsExactly(veille);
        assertThat(ids(parPages("instructeur", periode + "&limite=1"))).containsExactly(premierJour, dernierJour);
        String csv = ClientHttp.appeler(port, "GET", "/api/v1/dossiers" + periode + "&format=csv", "instructeur", null, null).body();
        assertThat(csv).contains(premierJour, dernierJour).doesNotContain(veille);

        HttpResponse<String> aLaFrancaise = ClientHttp.appeler(port, "GET", "/api/v1/dossiers?deposeDu=01/11/2025", "instructeur", null, null);
        assertThat(aLaFrancaise.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(aLaFrancaise.body()).get("detail").asString())
                .isEqualTo("« deposeDu » : « 01/11/2025 » : une date s'écrit AAAA-MM-JJ, l'année d'abord ; ici 2025-11-01.");
        HttpResponse<String> aLEnvers = ClientHttp.appeler(port, "GET", "/api/v1/dossiers?deposeDu=2025-12-31&deposeAu=2025-11-01",
                "instructeur", null, null);
        assertThat(aLEnvers.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(aLEnvers.body()).get("detail").asString()).startsWith("« deposeDu » (2025-12-31) est après");
    }

    private void deposeLe(String dossier, String instant) {
        jdbc.sql("UPDATE dossier SET depose_le = ?::timestamptz WHERE id = ?::uuid").params(instant, dossier).update();
    }

    private static List<String> ids(Iterable<JsonNode> liste) {
        List<String> ids = new ArrayList<>();
        liste.forEach(d -> ids.add(d.get("id").asString()));
        return ids;
    }

    /** Copies n° de à n° a of a dossier, created a second apart after it, as its bailleur would have made them. */
    private void copier(String dossier, int de, int a) {
        jdbc.sql("""
                INSERT INTO dossier (id, organisation_id, statut, contenu, version, territoire, region, cree_le, modifie_le, contenu_modifie_le)
                SELECT gen_random_uuid(), organisation_id, statut, contenu, version, territoire, region, cree_le + n * interval '1 second',
                       modifie_le, contenu_modifie_le
                FROM dossier, generate_series(?, ?) n WHERE id = ?::uuid""").params(de, a, dossier).update();
    }

    /** Every page, following Link, as one list. */
    private List<JsonNode> parPages(String compte, String filtre) throws Exception {
        List<JsonNode> lus = new ArrayList<>();
        String page = "/api/v1/dossiers" + filtre;
        while (page != null) {
            HttpResponse<String> r = ClientHttp.appeler(port, "GET", page, compte, null, null);
            assertThat(r.statusCode()).as(page).isEqualTo(200);
            Json.MAPPER.readTree(r.body()).valueStream().forEach(lus::add);
            page = r.headers().firstValue("Link").map(l -> l.substring(1, l.indexOf('>'))).orElse(null);
            assertThat(page == null || page.contains("tri=depot") == filtre.contains("tri=depot")).as(page).isTrue();
        }
        return lus;
    }

    /** The given dossiers, in the order the list shows them. */
    private static List<String> ordre(Iterable<JsonNode> liste, String... ids) {
        List<String> voulus = List.of(ids);
        List<String> vus = new ArrayList<>();
        liste.forEach(d -> {
            if (voulus.contains(d.get("id").asString())) {
                vus.add(d.get("id").asString());
            }
        });
        return vus;
    }

    /**
     * A dossier evaluated at each save has many sealed evaluations: they read by pages like the list, each once and in
     * order, without the input each one sealed (that is on GET /api/v1/evaluations/{id}).
     */
    @Test
    void lesEvaluationsDUnDossierSeLisentParPages() throws Exception {
        String id = DossiersDeTest.creer(port, "76540", false);
        List<String> scellees = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            scellees.add(Json.MAPPER.readTree(ClientHttp.appeler(port, "POST", "/api/v1/dossiers/" + id + "/evaluations", "bailleur", null, null)
                    .body()).get("id").asString());
        }
        List<String> lues = new ArrayList<>();
        String page = "/api/v1/dossiers/" + id + "/evaluations?limite=2";
        int pages = 0;
        while (page != null) {
            HttpResponse<String> r = ClientHttp.appeler(port, "GET", page, "bailleur", null, null);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("X-Total-Count")).hasValue("3");
            for (JsonNode e : Json.MAPPER.readTree(r.body())) {
                lues.add(e.get("id").asString());
                assertThat(e.has("entree")).isFalse();
                assertThat(e.get("resultat").get("empreinte").asString()).isEqualTo(e.get("empreinte").asString());
            }
            page = r.headers().firstValue("Link").map(l -> l.substring(1, l.indexOf('>'))).orElse(null);
            pages++;
        }
        assertThat(lues).isEqualTo(scellees);
        assertThat(pages).isEqualTo(2);

        String autre = DossiersDeTest.creer(port, "76540", false);
        HttpResponse<String> apresEtrangere = ClientHttp.appeler(port, "GET", "/api/v1/dossiers/" + autre + "/evaluations?apres="
                + scellees.get(0), "bailleur", null, null);
        assertThat(apresEtrangere.statusCode()).isEqualTo(400);
        assertThat(ClientHttp.appeler(port, "GET", "/api/v1/dossiers/" + id + "/evaluations?limite=501", "bailleur", null, null)
                .statusCode()).isEqualTo(400);
        // Left empty, « apres » is the first page, not an evaluation that does not exist.
        HttpResponse<String> apresVide = ClientHttp.appeler(port, "GET", "/api/v1/dossiers/" + id + "/evaluations?apres=&limite=",
                "bailleur", null, null);
        assertThat(apresVide.statusCode()).isEqualTo(200);
        assertThat(apresVide.headers().firstValue("X-Total-Count")).hasValue(Integer.toString(scellees.size()));
    }

    /**
     * A draft its bailleur deletes is gone from every address (itself, the list, its evaluations), and the journal says
     * who deleted it; a stale If-Match deletes nothing; a deposited dossier stays with the instruction.
     */
    @Test
    void unBrouillonSeSupprimeMaisPasUnDossierDepose() throws Exception {
        String brouillon = DossiersDeTest.creer(port, "76540", false);
        String evaluation = Json.MAPPER.readTree(ClientHttp.appeler(port, "POST", "/api/v1/dossiers/" + brouillon + "/evaluations",
                "bailleur", null, null).body()).get("id").asString();
        assertThat(ClientHttp.appeler(port, "PUT", "/api/v1/dossiers/" + brouillon, "bailleur", DossiersDeTest.agrement("76540"), "\"1\"")
                .statusCode()).isEqualTo(200);

        HttpResponse<String> perimee = ClientHttp.appeler(port, "DELETE", "/api/v1/dossiers/" + brouillon, "bailleur", null, "\"1\"");
        assertThat(perimee.statusCode()).isEqualTo(412);
        assertThat(Json.MAPPER.readTree(perimee.body()).get("detail").asString()).contains("version actuelle \"2\"");
        assertThat(ClientHttp.appeler(port, "GET", "/api/v1/dossiers/" + brouillon, "bailleur", null, null).statusCode()).isEqualTo(200);

        assertThat(ClientHttp.appeler(port, "DELETE", "/api/v1/dossiers/" + brouillon, "bailleur", null, "\"2\"").statusCode()).isEqualTo(204);
        for (String adresse : List.of("/api/v1/dossiers/" + brouillon, "/api/v1/dossiers/" + brouillon + "/evaluations",
                "/api/v1/evaluations/" + evaluation)) {
            assertThat(ClientHttp.appeler(port, "GET", adresse, "bailleur", null, null).statusCode()).as(adresse).isEqualTo(404);
        }
        assertThat(trouver(lister("bailleur", ""), brouillon)).isNull();
        assertThat(ClientHttp.appeler(port, "PUT", "/api/v1/dossiers/" + brouillon, "bailleur", DossiersDeTest.agrement("76540"), "*")
                .statusCode()).isEqualTo(404);
        assertThat(ClientHttp.appeler(port, "POST", "/api/v1/dossiers/" + brouillon + "/depot", "bailleur", null, null).statusCode()).isEqualTo(404);
        assertThat(ClientHttp.appeler(port, "DELETE", "/api/v1/dossiers/" + brouillon, "bailleur", null, null).statusCode()).isEqualTo(404);
        JsonNode journal = Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", "/api/v1/journal?objet=dossier:" + brouillon, "admin", null, null).body());
        assertThat(journal.get(0).get("action").asString()).isEqualTo("SUPPRESSION");
        assertThat(journal.get(0).get("qui").asString()).isEqualTo("bailleur");

        String depose = DossiersDeTest.creer(port, "76540", true);
        HttpResponse<String> refus = ClientHttp.appeler(port, "DELETE", "/api/v1/dossiers/" + depose, "bailleur", null, null);
        assertThat(refus.statusCode()).isEqualTo(409);
        assertThat(Json.MAPPER.readTree(refus.body()).get("detail").asString()).contains("statut DEPOSE");
        assertThat(ClientHttp.appeler(port, "GET", "/api/v1/dossiers/" + depose, "instructeur", null, null).statusCode()).isEqualTo(200);
    }

    /**
     * A bailleur's system follows its dossiers by what changed since it last read them (modifieLe): a dossier created
     * since, one deposited since; the others are not sent again.
     */
    @Test
    void leSystemeDUnBailleurLitCeQuiAChangeDepuisSaDerniereLecture() throws Exception {
        String ancien = DossiersDeTest.creer(port, "76540", false);
        String recent = DossiersDeTest.creer(port, "76540", false);
        String depuis = Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", "/api/v1/dossiers/" + recent, "bailleur", null, null).body())
                .get("modifieLe").asString();
        List<String> changes = ids(lister("bailleur", "?limite=500&modifieDepuis=" + depuis));
        assertThat(changes).contains(recent).doesNotContain(ancien);

        // Deposited since: sent again. The same instant written with its offset, whose « + » a query string turns into a space.
        assertThat(ClientHttp.appeler(port, "POST", "/api/v1/dossiers/" + ancien + "/depot", "bailleur", null, null).statusCode())
                .isEqualTo(200);
        String avecDecalage = java.time.OffsetDateTime.parse(depuis).atZoneSameInstant(java.time.ZoneId.of("Europe/Paris"))
                .toOffsetDateTime().toString();
        assertThat(avecDecalage).contains("+0");
        assertThat(ids(lister("bailleur", "?limite=500&modifieDepuis=" + avecDecalage))).contains(recent, ancien);
        String aujourdhui = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")).toString();
        assertThat(ids(lister("bailleur", "?limite=500&modifieDepuis=" + aujourdhui))).contains(recent, ancien);
        HttpResponse<String> page = ClientHttp.appeler(port, "GET", "/api/v1/dossiers?limite=1&modifieDepuis=" + depuis, "bailleur",
                null, null);
        assertThat(page.headers().firstValue("Link")).hasValueSatisfying(l -> assertThat(l).contains("modifieDepuis="));
        // A year Java reads and PostgreSQL cannot hold is refused as a slip, on every date of the list.
        for (String filtre : new String[] {"modifieDepuis=%2B300000-01-01T00:00:00Z", "modifieDepuis=%2B300000-01-01",
                "deposeDu=%2B300000-01-01", "deposeAu=%2B300000-01-01", "rejetImpliciteAvant=%2B6000000-01-01"}) {
            HttpResponse<String> horsDePortee = ClientHttp.appeler(port, "GET", "/api/v1/dossiers?" + filtre, "bailleur", null, null);
            assertThat(horsDePortee.statusCode()).as(filtre).isEqualTo(400);
            assertThat(Json.MAPPER.readTree(horsDePortee.body()).get("detail").asString()).as(filtre)
                    .endsWith(" ne s'écrit pas en quatre chiffres (de 0001 à 9999).");
        }
        HttpResponse<String> illisible = ClientHttp.appeler(port, "GET", "/api/v1/dossiers?modifieDepuis=hier", "bailleur", null, null);
        assertThat(illisible.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(illisible.body()).get("detail").asString()).startsWith("« modifieDepuis » prend un instant");
    }

    /**
     * The instructeurs of a service keep notes on a dossier, which the colleague it is given to reads, and the DREAL
     * too; the bailleur never does, not even in the history, and a note changes nothing of the dossier he edits.
     */
    @Test
    void lesInstructeursTiennentDesNotesQueLeBailleurNeLitPas() throws Exception {
        String id = DossiersDeTest.creer(port, "76540", true);
        String notes = "/api/v1/dossiers/" + id + "/notes";
        JsonNode avant = Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", "/api/v1/dossiers/" + id, "bailleur", null, null).body());
        HttpResponse<String> premiere = ClientHttp.appeler(port, "POST", notes, "instructeur",
                "{\"texte\": \"Appelé le bailleur le 3 : le plan de masse arrive.\"}", null);
        assertThat(premiere.statusCode()).isEqualTo(201);
        JsonNode ecrite = Json.MAPPER.readTree(premiere.body());
        assertThat(ecrite.get("qui").asString()).isEqualTo("instructeur");
        assertThat(ClientHttp.appeler(port, "POST", notes, "instructeur", "{\"texte\": \"Relancé le 10.\"}", null).statusCode())
                .isEqualTo(201);
        for (String lecteur : List.of("instructeur", "dreal28")) {
            assertThat(Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", notes, lecteur, null, null).body()).valueStream()
                    .map(n -> n.get("texte").asString()).toList()).as(lecteur)
                    .containsExactly("Appelé le bailleur le 3 : le plan de masse arrive.", "Relancé le 10.");
        }

        // The bailleur: refused, and nothing of them in the history he reads; the instructeur's history has them.
        assertThat(ClientHttp.appeler(port, "GET", notes, "bailleur", null, null).statusCode()).isEqualTo(403);
        assertThat(ClientHttp.appeler(port, "POST", notes, "bailleur", "{\"texte\": \"x\"}", null).statusCode()).isEqualTo(403);
        assertThat(ClientHttp.appeler(port, "GET", "/api/v1/dossiers/" + id + "/historique", "bailleur", null, null).body())
                .doesNotContain("NOTE_INSTRUCTION");
        assertThat(Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", "/api/v1/dossiers/" + id + "/historique", "instructeur", null, null)
                .body()).valueStream().filter(l -> l.get("action").asString().equals("NOTE_INSTRUCTION"))
                .map(l -> l.get("detail").get("note").asLong()).toList()).hasSize(2).contains(ecrite.get("id").asLong());
        JsonNode apres = Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", "/api/v1/dossiers/" + id, "bailleur", null, null).body());
        assertThat(apres.get("version")).isEqualTo(avant.get("version"));
        assertThat(apres.get("modifieLe")).isEqualTo(avant.get("modifieLe"));
        // The colleague who opens the dossier sees there are notes to read; the bailleur does not.
        assertThat(apres.has("nombreNotes")).isFalse();
        assertThat(Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", "/api/v1/dossiers/" + id, "instructeur", null, null).body())
                .get("nombreNotes").asLong()).isEqualTo(2);
        assertThat(ClientHttp.appeler(port, "GET", "/api/v1/dossiers?format=jsonl&limite=500", "dreal28", null, null).body().lines()
                .map(l -> Json.MAPPER.readTree(l)).filter(l -> l.get("id").asString().equals(id)).findFirst().orElseThrow()
                .get("nombreNotes").asLong()).isEqualTo(2);

        HttpResponse<String> vide = ClientHttp.appeler(port, "POST", notes, "instructeur", "{\"texte\": \"  \"}", null);
        assertThat(vide.statusCode()).isEqualTo(400);
        HttpResponse<String> longue = ClientHttp.appeler(port, "POST", notes, "instructeur", "{\"texte\": \"" + "é".repeat(10_001) + "\"}", null);
        assertThat(longue.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(longue.body()).get("detail").asString()).isEqualTo("« texte » fait 10 001 caractères ; 10 000 au plus.");
        assertThat(Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", notes, "instructeur", null, null).body())).hasSize(2);
        // Kept as written: the base refuses to change or delete one.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("UPDATE note_instruction SET texte = 'effacé' WHERE id = ?")
                .param(ecrite.get("id").asLong()).update()).hasMessageContaining("ajout seul");
    }

    /**
     * The instructeur keeps the checklist of the deposit, piece by piece: the pieces its sealed evaluation requires, each
     * to verify until judged; a colleague or the DREAL reads where it stands; a judgment made before the answer to
     * compléments says so; the bailleur reads none of it, and the dossier does not change.
     */
    @Test
    void lInstructeurTientLaListeDeControleDuDepot() throws Exception {
        String id = DossiersDeTest.creer(port, "76540", true);
        String adresse = "/api/v1/dossiers/" + id + "/controle";
        JsonNode depose = Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", "/api/v1/dossiers/" + id, "instructeur", null, null).body());
        JsonNode liste = Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", adresse, "instructeur", null, null).body());
        assertThat(liste.get("evaluationDepot").asString()).isEqualTo(depose.get("evaluationDepot").asString());
        List<JsonNode> pieces = liste.get("pieces").valueStream().toList();
        JsonNode scellee = Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", "/api/v1/evaluations/" + depose.get("evaluationDepot")
                .asString(), "instructeur", null, null).body());
        assertThat(pieces).extracting(p -> p.get("code").asString()).containsExactlyElementsOf(scellee.get("resultat")
                .get("piecesRequises").valueStream().map(p -> p.get("code").asString()).toList()).isNotEmpty();
        assertThat(pieces).allSatisfy(p -> assertThat(p.get("etat").asString()).isEqualTo("A_VERIFIER"));
        assertThat(liste.get("bilan").get("A_VERIFIER").asLong()).isEqualTo(pieces.size());
        String code = pieces.get(0).get("code").asString();

        HttpResponse<String> juge = ClientHttp.appeler(port, "PUT", adresse + "/" + code.toLowerCase(Locale.ROOT), "instructeur",
                "{\"etat\": \"non_conforme\", \"commentaire\": \"Non signé.\"}", null);
        assertThat(juge.statusCode()).isEqualTo(200);
        JsonNode jugee = Json.MAPPER.readTree(juge.body()).get("pieces").get(0);
        assertThat(jugee.get("etat").asString()).isEqualTo("NON_CONFORME");
        assertThat(jugee.get("commentaire").asString()).isEqualTo("Non signé.");
        assertThat(jugee.get("qui").asString()).isEqualTo("instructeur");
        assertThat(jugee.get("avantDernierDepot").asBoolean()).isFalse();
        assertThat(Json.MAPPER.readTree(juge.body()).get("bilan").get("NON_CONFORME").asLong()).isEqualTo(1);
        assertThat(Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", adresse, "dreal28", null, null).body()).get("pieces").get(0)
                .get("etat").asString()).as("la DREAL lit où en est le service").isEqualTo("NON_CONFORME");
        // On paper, for the file and the head of service's visa.
        HttpResponse<byte[]> imprimee = HTTP.send(requete(adresse + "?format=pdf", "instructeur").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(imprimee.statusCode()).isEqualTo(200);
        assertThat(imprimee.headers().firstValue("Content-Type")).hasValue("application/pdf");
        String texte = fr.harmonie.rapport.TexteDuPdf.lire(imprimee.body());
        assertThat(texte).contains("Liste de contrôle du dépôt", depose.get("apercu").get("reference").asString(),
                "Non conforme " + pieces.get(0).get("libelle").asString(), "Non signé.", "Jugée par instructeur le ",
                "0 conforme(s), 1 non conforme(s), " + (pieces.size() - 1) + " à vérifier", "signature du chef de service");
        assertThat(HTTP.send(requete(adresse, "instructeur").header("Accept", "application/pdf").build(),
                HttpResponse.BodyHandlers.ofByteArray()).headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(ClientHttp.appeler(port, "GET", adresse + "?format=docx", "instructeur", null, null).statusCode()).isEqualTo(400);
        assertThat(ClientHttp.appeler(port, "GET", adresse + "?format=pdf", "bailleur", null, null).statusCode()).isEqualTo(403);

        HttpResponse<String> horsListe = ClientHttp.appeler(port, "PUT", adresse + "/PIECE_INCONNUE", "instructeur", "{\"etat\": \"CONFORME\"}", null);
        assertThat(horsListe.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(horsListe.body()).get("detail").asString()).contains(code);
        assertThat(ClientHttp.appeler(port, "PUT", adresse + "/" + code, "instructeur", "{\"etat\": \"OK\"}", null).statusCode()).isEqualTo(400);
        assertThat(ClientHttp.appeler(port, "GET", adresse, "bailleur", null, null).statusCode()).isEqualTo(403);
        assertThat(ClientHttp.appeler(port, "PUT", adresse + "/" + code, "bailleur", "{\"etat\": \"CONFORME\"}", null).statusCode()).isEqualTo(403);
        assertThat(ClientHttp.appeler(port, "PUT", adresse + "/" + code, "dreal28", "{\"etat\": \"CONFORME\"}", null).statusCode()).isEqualTo(403);
        assertThat(ClientHttp.appeler(port, "GET", adresse, "instructeur38", null, null).statusCode()).isEqualTo(404);
        assertThat(ClientHttp.appeler(port, "GET", "/api/v1/dossiers/" + id + "/historique", "bailleur", null, null).body())
                .doesNotContain("CONTROLE_PIECE");
        assertThat(Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", "/api/v1/dossiers/" + id, "bailleur", null, null).body())
                .get("version")).isEqualTo(depose.get("version"));

        // Compléments asked for the piece judged, answered: the judgment is from before the answer, to look at again.
        String instruction = "/api/v1/dossiers/" + id + "/instruction";
        assertThat(ClientHttp.appeler(port, "POST", instruction, "instructeur", "{\"action\": \"PRENDRE_EN_INSTRUCTION\"}", null)
                .statusCode()).isEqualTo(200);
        assertThat(ClientHttp.appeler(port, "POST", instruction, "instructeur", "{\"action\": \"DEMANDER_COMPLEMENTS\", \"message\":"
                + " \"Signez-la.\", \"pieces\": [\"" + code + "\"]}", null).statusCode()).isEqualTo(200);
        assertThat(ClientHttp.appeler(port, "POST", "/api/v1/dossiers/" + id + "/depot", "bailleur", "{\"message\": \"Signée.\"}", null)
                .statusCode()).isEqualTo(200);
        JsonNode apresReponse = Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", adresse, "instructeur", null, null).body());
        assertThat(apresReponse.get("pieces").get(0).get("avantDernierDepot").asBoolean()).isTrue();
        assertThat(ClientHttp.appeler(port, "PUT", adresse + "/" + code, "instructeur", "{\"etat\": \"CONFORME\"}", null).statusCode())
                .isEqualTo(200);
        assertThat(ClientHttp.appeler(port, "POST", instruction, "instructeur", "{\"action\": \"PRENDRE_EN_INSTRUCTION\"}", null)
                .statusCode()).isEqualTo(200);
        assertThat(ClientHttp.appeler(port, "POST", instruction, "instructeur", "{\"action\": \"INSTRUIRE\", \"decision\": \"FAVORABLE\"}",
                null).statusCode()).isEqualTo(200);
        HttpResponse<String> close = ClientHttp.appeler(port, "PUT", adresse + "/" + code, "instructeur", "{\"etat\": \"A_VERIFIER\"}", null);
        assertThat(close.statusCode()).isEqualTo(409);
        JsonNode finale = Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", adresse, "instructeur", null, null).body());
        assertThat(finale.get("pieces").get(0).get("etat").asString()).isEqualTo("CONFORME");
        assertThat(finale.get("pieces").get(0).get("avantDernierDepot").asBoolean()).isFalse();
    }

    /**
     * A bailleur calls about « the Églantine operation » without its reference: the instructeur finds it by a few words
     * of its name, commune or maître d'ouvrage, typed without accents, capitals or apostrophes; every word must be there.
     */
    @Test
    void unDossierSeRetrouveParQuelquesMotsDeSonNom() throws Exception {
        String eglantine = Json.MAPPER.readTree(creer("bailleur", dossierDuBailleur()
                .replace("Dossier de base des cas : construction neuve sans anomalie", "Résidence L’Églantine – Zéphyrine")
                .replace("\"Dijon\"", "\"Saint-Étienne-du-Rouvray\"")).body()).get("id").asString();
        String lilas = Json.MAPPER.readTree(creer("bailleur", dossierDuBailleur()
                .replace("Dossier de base des cas : construction neuve sans anomalie", "Les Lilas Zéphyrine")).body()).get("id").asString();
        // The dossier's text is folded by PostgreSQL when written, the words typed by Java: letter for letter the same.
        String toutes = "Zéphyrine " + RechercheDeTexte.DE + " Ørsted ÉCOLE";
        String ecrit = Json.MAPPER.readTree(creer("bailleur", dossierDuBailleur()
                .replace("Dossier de base des cas : construction neuve sans anomalie", toutes)).body()).get("id").asString();
        JsonNode lu = Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", "/api/v1/dossiers/" + ecrit, "bailleur", null, null).body());
        String nomLu = lu.get("apercu").get("operation").asString();
        assertThat(jdbc.sql("SELECT texte_recherche FROM dossier WHERE id = ?::uuid").param(ecrit).query(String.class).single())
                .isEqualTo(RechercheDeTexte.replier(lu.get("apercu").get("reference").asString() + " " + nomLu + " "
                        + lu.get("apercu").get("commune").asString() + " " + lu.get("apercu").get("raisonSociale").asString()));
        assertThat(nomLu).contains("’", "Æ", "—");
        assertThat(ClientHttp.appeler(port, "DELETE", "/api/v1/dossiers/" + ecrit, "bailleur", null, null).statusCode()).isEqualTo(204);

        assertThat(ids(lister("bailleur", "?recherche=eglantine"))).containsExactly(eglantine);
        assertThat(ids(lister("bailleur", "?recherche=" + java.net.URLEncoder.encode("l'ÉGLANTINE etienne du", java.nio.charset.StandardCharsets.UTF_8))))
                .containsExactly(eglantine);
        assertThat(ids(lister("bailleur", "?recherche=zephyrine&limite=500"))).containsExactlyInAnyOrder(eglantine, lilas);
        assertThat(ids(lister("bailleur", "?recherche=zephyrine%20lilas"))).as("chaque mot").containsExactly(lilas);
        assertThat(ids(lister("bailleur", "?recherche=eglantine%20lilas"))).isEmpty();
        assertThat(ids(lister("bailleur", "?recherche=zephyrine%20OPH%20exemple"))).as("le maître d'ouvrage").hasSize(2);
        assertThat(lister("bailleur2", "?recherche=zephyrine")).as("les dossiers qu'on voit, seulement").isEmpty();
        assertThat(lister("bailleur", "?recherche=100%25_")).isEmpty();

        HttpResponse<String> premiere = ClientHttp.appeler(port, "GET", "/api/v1/dossiers?recherche=Z%C3%A9phyrine&limite=1", "bailleur", null, null);
        assertThat(premiere.headers().firstValue("X-Total-Count")).hasValue("2");
        assertThat(premiere.headers().firstValue("Link")).hasValueSatisfying(l -> assertThat(l).contains("recherche=zephyrine"));
        String tableur = ClientHttp.appeler(port, "GET", "/api/v1/dossiers?recherche=eglantine&format=csv", "bailleur", null, null).body();
        assertThat(tableur.lines().skip(1).toList()).hasSize(1).allSatisfy(l -> assertThat(l).startsWith(eglantine + ";"));
        HttpResponse<String> tropLong = ClientHttp.appeler(port, "GET", "/api/v1/dossiers?recherche=" + "a".repeat(201), "bailleur", null, null);
        assertThat(tropLong.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(tropLong.body()).get("detail").asString()).startsWith("« recherche » : 200 caractères au plus");
    }

    /**
     * What modifieDepuis cannot say, a deleted draft being out of the list: the bailleur's system reads which drafts
     * were deleted since, by whom, page by page; the draft's address tells its organisation when and by whom, and how
     * to get it back (a copy, the deleted one staying deleted); nobody else learns it existed.
     */
    @Test
    void leSystemeDUnBailleurApprendQuelsBrouillonsOntEteSupprimes() throws Exception {
        String premier = DossiersDeTest.creer(port, "76540", false);
        JsonNode lu = Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", "/api/v1/dossiers/" + premier, "bailleur", null, null).body());
        String depuis = lu.get("modifieLe").asString();
        String reference = lu.get("apercu").get("reference").asString();
        String second = DossiersDeTest.creer(port, "76540", false);
        String troisieme = DossiersDeTest.creer(port, "76540", false);
        String garde = DossiersDeTest.creer(port, "76540", false);
        for (String id : List.of(premier, second, troisieme)) {
            assertThat(ClientHttp.appeler(port, "DELETE", "/api/v1/dossiers/" + id, "bailleur", null, null).statusCode()).isEqualTo(204);
        }

        HttpResponse<String> tous = ClientHttp.appeler(port, "GET", "/api/v1/dossiers/supprimes?depuis=" + depuis, "bailleur", null, null);
        assertThat(tous.statusCode()).isEqualTo(200);
        assertThat(tous.headers().firstValue("X-Total-Count")).hasValue("3");
        JsonNode supprimes = Json.MAPPER.readTree(tous.body());
        assertThat(ids(supprimes)).containsExactly(premier, second, troisieme).doesNotContain(garde);
        assertThat(supprimes.get(0).get("reference").asString()).isEqualTo(reference);
        assertThat(supprimes.get(0).get("supprimePar").asString()).isEqualTo("bailleur");
        assertThat(java.time.OffsetDateTime.parse(supprimes.get(0).get("supprimeLe").asString()))
                .isAfterOrEqualTo(java.time.OffsetDateTime.parse(depuis));
        // Since the last one read: only those deleted at that instant or after.
        assertThat(ids(Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", "/api/v1/dossiers/supprimes?depuis="
                + supprimes.get(2).get("supprimeLe").asString(), "bailleur", null, null).body()))).containsExactly(troisieme);

        // Page by page, in the order they were deleted, to the last.
        List<String> parPages = new ArrayList<>();
        String adresse = "/api/v1/dossiers/supprimes?limite=1&depuis=" + depuis;
        while (adresse != null) {
            HttpResponse<String> page = ClientHttp.appeler(port, "GET", adresse, "bailleur", null, null);
            assertThat(page.statusCode()).isEqualTo(200);
            parPages.addAll(ids(Json.MAPPER.readTree(page.body())));
            adresse = page.headers().firstValue("Link").map(l -> l.substring(l.indexOf("/api/"), l.indexOf('>'))).orElse(null);
        }
        assertThat(parPages).containsExactly(premier, second, troisieme);

        // Nobody else saw these drafts: another bailleur, an instructeur learn nothing, not even that the address was one.
        assertThat(ids(Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", "/api/v1/dossiers/supprimes", "bailleur2", null, null).body())))
                .doesNotContain(premier, second, troisieme);
        HttpResponse<String> instructeur = ClientHttp.appeler(port, "GET", "/api/v1/dossiers/supprimes", "instructeur", null, null);
        assertThat(instructeur.body()).isEqualTo("[]");
        assertThat(instructeur.headers().firstValue("X-Total-Count")).hasValue("0");
        HttpResponse<String> ailleurs = ClientHttp.appeler(port, "GET", "/api/v1/dossiers/" + premier, "bailleur2", null, null);
        assertThat(ailleurs.statusCode()).isEqualTo(404);
        assertThat(Json.MAPPER.readTree(ailleurs.body()).get("detail").asString()).isEqualTo("Aucun dossier visible à cette adresse.");
        assertThat(ClientHttp.appeler(port, "POST", "/api/v1/dossiers/" + premier + "/copie", "bailleur2", null, null).statusCode())
                .isEqualTo(404);

        // Its organisation reads, at its address, when and by whom; a deposit or a second delete is told the same.
        for (String[] essai : new String[][] {{"GET", ""}, {"POST", "/depot"}, {"DELETE", ""}}) {
            HttpResponse<String> r = ClientHttp.appeler(port, essai[0], "/api/v1/dossiers/" + premier + essai[1], "bailleur", null, null);
            assertThat(r.statusCode()).as(essai[0] + essai[1]).isEqualTo(404);
            assertThat(Json.MAPPER.readTree(r.body()).get("detail").asString()).as(essai[0] + essai[1])
                    .startsWith("Le brouillon " + premier + " (référence « " + reference + " ») a été supprimé le ")
                    .contains("(heure de Paris), par bailleur : ")
                    .endsWith("POST /api/v1/dossiers/" + premier + "/copie.");
        }

        // Copied back: a new draft with its content; the deleted one stays deleted.
        HttpResponse<String> copie = ClientHttp.appeler(port, "POST", "/api/v1/dossiers/" + premier + "/copie", "bailleur", null, null);
        assertThat(copie.statusCode()).isEqualTo(201);
        String reprise = Json.MAPPER.readTree(copie.body()).get("id").asString();
        JsonNode reprisLu = Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", "/api/v1/dossiers/" + reprise, "bailleur", null, null).body());
        assertThat(reprisLu.get("dossier")).isEqualTo(lu.get("dossier"));
        assertThat(reprisLu.get("statut").asString()).isEqualTo("BROUILLON");
        assertThat(ClientHttp.appeler(port, "GET", "/api/v1/dossiers/" + premier, "bailleur", null, null).statusCode()).isEqualTo(404);
        JsonNode creation = Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", "/api/v1/journal?objet=dossier:" + reprise
                + "&action=CREATION", "admin", null, null).body());
        assertThat(creation.get(0).get("detail").get("copieDe").asString()).isEqualTo(premier);

        HttpResponse<String> illisible = ClientHttp.appeler(port, "GET", "/api/v1/dossiers/supprimes?depuis=hier", "bailleur", null, null);
        assertThat(illisible.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(illisible.body()).get("detail").asString()).startsWith("« depuis » prend un instant");
        HttpResponse<String> inconnu = ClientHttp.appeler(port, "GET", "/api/v1/dossiers/supprimes?apres=" + garde, "bailleur", null, null);
        assertThat(inconnu.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(inconnu.body()).get("detail").asString()).startsWith("« apres » ne désigne aucun brouillon supprimé");
    }

    private static List<String> ids(JsonNode liste) {
        return liste.valueStream().map(d -> d.get("id").asString()).toList();
    }

    private JsonNode lister(String compte, String filtre) throws Exception {
        HttpResponse<String> r = ClientHttp.appeler(port, "GET", "/api/v1/dossiers" + filtre, compte, null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        return Json.MAPPER.readTree(r.body());
    }

    private static JsonNode trouver(JsonNode liste, String id) {
        return liste.valueStream().filter(d -> d.get("id").asString().equals(id)).findFirst().orElse(null);
    }

    /**
     * In the year-end rush an instructeur triages by maturity: the dossiers whose last evaluation gives that level, and
     * only those; a dossier never evaluated has none. The next page keeps the filter.
     */
    @Test
    void laListeSeFiltreParLaMaturiteDeLaDerniereEvaluation() throws Exception {
        String evalue = DossiersDeTest.creer(port, "76540", false);
        String autreEvalue = DossiersDeTest.creer(port, "76540", false);
        String jamaisEvalue = DossiersDeTest.creer(port, "76540", false);
        String niveau = null;
        for (String id : List.of(evalue, autreEvalue)) {
            niveau = Json.MAPPER.readTree(ClientHttp.appeler(port, "POST", "/api/v1/dossiers/" + id + "/evaluations", "bailleur",
                    null, null).body()).get("resultat").get("maturite").get("niveau").asString();
        }

        JsonNode duNiveau = lister("bailleur", "?niveau=" + niveau);
        assertThat(trouver(duNiveau, evalue)).isNotNull();
        assertThat(trouver(duNiveau, autreEvalue)).as("le même dossier, évalué de même").isNotNull();
        assertThat(trouver(duNiveau, jamaisEvalue)).isNull();
        assertThat(duNiveau.valueStream().map(d -> d.get("derniereEvaluation").get("niveau").asString()).distinct().toList())
                .containsExactly(niveau);
        for (String autre : List.of("PREMATUREE", "A_CONSOLIDER", "MURE")) {
            if (!autre.equals(niveau)) {
                assertThat(trouver(lister("bailleur", "?niveau=" + autre + "&statut=BROUILLON"), evalue)).as(autre).isNull();
            }
        }
        HttpResponse<String> page = ClientHttp.appeler(port, "GET", "/api/v1/dossiers?niveau=" + niveau + "&limite=1", "bailleur", null, null);
        assertThat(page.headers().firstValue("X-Total-Count")).hasValue(Integer.toString(duNiveau.size()));
        assertThat(page.headers().firstValue("Link").orElseThrow()).contains("niveau=" + niveau);
        // Written in lower case, as an address is often typed, the level and the status filter all the same.
        assertThat(lister("bailleur", "?niveau=" + niveau.toLowerCase(Locale.ROOT) + "&statut=brouillon").valueStream()
                .map(d -> d.get("id").asString()).toList()).containsExactlyElementsOf(lister("bailleur", "?niveau=" + niveau
                + "&statut=BROUILLON").valueStream().map(d -> d.get("id").asString()).toList()).contains(evalue, autreEvalue);
        HttpResponse<String> faute = ClientHttp.appeler(port, "GET", "/api/v1/dossiers?niveau=MUR", "bailleur", null, null);
        assertThat(faute.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(faute.body()).get("detail").asString())
                .isEqualTo("« niveau » vaut PREMATUREE, A_CONSOLIDER ou MURE : la maturité que donne la dernière évaluation du dossier.");
    }

    /**
     * A list one can work from: what each dossier is (operation, commune, bailleur, products, dwellings), what its last
     * evaluation said and whether the dossier changed since, filtered by status for an instructeur's queue.
     */
    @Test
    void laListeDitCeQuEstChaqueDossierEtCeQueDisaitSaDerniereEvaluation() throws Exception {
        String grenoble = DossiersDeTest.creer(port, "38185", true);
        String brouillon = DossiersDeTest.creer(port, "76540", false);

        JsonNode deposes = lister("bailleur", "?statut=DEPOSE");
        assertThat(trouver(deposes, brouillon)).isNull();
        JsonNode depose = trouver(deposes, grenoble);
        String reference = depose.get("apercu").get("reference").asString();
        assertThat(reference).matches("CAS-AGREMENT-\\d+");
        assertThat(depose.get("apercu").toString()).isEqualTo("{\"reference\":\"" + reference + "\",\"phase\":\"AGREMENT\","
                + "\"operation\":\"Dossier de base des cas : construction neuve sans anomalie\",\"nature\":\"CONSTRUCTION_NEUVE\","
                + "\"codeInsee\":\"38185\",\"commune\":\"Dijon\",\"siren\":\"732829320\",\"raisonSociale\":\"OPH exemple\","
                + "\"produits\":[\"PLAI\",\"PLUS\"],\"logements\":"
                + Json.MAPPER.readTree(DossiersDeTest.agrement("38185")).get("operation").get("lots").valueStream()
                        .mapToInt(l -> l.get("logements").size()).sum() + "}");
        JsonNode auDepot = depose.get("derniereEvaluation");
        assertThat(auDepot.get("id").asString()).isEqualTo(depose.get("evaluationDepot").asString());
        assertThat(auDepot.get("aJour").asBoolean()).isTrue();
        assertThat(auDepot.get("deposable").asBoolean()).isTrue();
        assertThat(auDepot.get("niveau").asString()).isNotBlank();
        // Enough to triage a queue without opening each dossier: completeness, missing pieces, anomalies by gravité, as
        // the sealed evaluation has them.
        JsonNode scellee = Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", "/api/v1/evaluations/" + auDepot.get("id").asString(),
                "instructeur38", null, null).body()).get("resultat");
        assertThat(auDepot.get("complet").asBoolean()).isEqualTo(scellee.get("complet").asBoolean());
        assertThat(auDepot.get("piecesManquantes").asInt()).isEqualTo(scellee.get("piecesRequises").valueStream()
                .filter(p -> p.get("statut").asString().equals("MANQUANTE")).count());
        Map<String, Integer> parGravite = new java.util.TreeMap<>(Map.of("BLOQUANTE", 0, "MAJEURE", 0, "MINEURE", 0, "INFO", 0));
        scellee.get("anomalies").valueStream().forEach(a -> parGravite.merge(a.get("gravite").asString(), 1, Integer::sum));
        assertThat(auDepot.get("anomalies").propertyNames()).containsExactly("BLOQUANTE", "MAJEURE", "MINEURE", "INFO");
        parGravite.forEach((g, n) -> assertThat(auDepot.get("anomalies").get(g).asInt()).as(g).isEqualTo(n));
        assertThat(parGravite.get("MAJEURE")).as("COMMUNE_NOM_DIFFERENT : « Dijon » sous le code de Grenoble").isPositive();
        assertThat(trouver(lister("instructeur38", "?statut=DEPOSE&statut=EN_INSTRUCTION"), grenoble)).isNotNull();
        assertThat(trouver(lister("instructeur38", "?statut=INSTRUIT"), grenoble)).isNull();

        // Evaluated, then edited: the list still shows that evaluation, and says it no longer speaks for the dossier.
        assertThat(trouver(lister("bailleur", ""), brouillon).has("derniereEvaluation")).isFalse();
        assertThat(ClientHttp.appeler(port, "POST", "/api/v1/dossiers/" + brouillon + "/evaluations", "bailleur", null, null)
                .statusCode()).isEqualTo(201);
        assertThat(trouver(lister("bailleur", "?statut=BROUILLON"), brouillon).get("derniereEvaluation").get("aJour").asBoolean()).isTrue();
        assertThat(ClientHttp.appeler(port, "PUT", "/api/v1/dossiers/" + brouillon, "bailleur", DossiersDeTest.agrement("76540")
                .replaceFirst("CAS-AGREMENT-\\d+", "REF-2"), "\"1\"").statusCode()).isEqualTo(200);
        JsonNode modifie = Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", "/api/v1/dossiers/" + brouillon, "bailleur", null, null).body());
        assertThat(modifie.get("apercu").get("reference").asString()).isEqualTo("REF-2");
        assertThat(modifie.get("derniereEvaluation").get("aJour").asBoolean()).isFalse();

        // jsonb keeps neither U+0000 nor a lone surrogate: such a dossier is refused, each text named, and nothing is stored.
        long avant = lister("bailleur", "").size();
        HttpResponse<String> nonConservable = ClientHttp.appeler(port, "POST", "/api/v1/dossiers", "bailleur",
                DossiersDeTest.agrement("76540").replace("CAS-AGREMENT", "CAS\\u0000").replace("\"Dijon\"", "\"\\ud800\""), null);
        assertThat(nonConservable.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(nonConservable.body()).get("violations").findValuesAsString("pointeur"))
                .containsExactly("/reference", "/operation/commune/nom");
        assertThat(lister("bailleur", "").size()).isEqualTo(avant);
        assertThat(ClientHttp.appeler(port, "GET", "/api/v1/journal?objet=%00", "admin", null, null).statusCode()).isEqualTo(400);

        // A form's blank fields filter nothing: an empty reference answered an empty list, as if there were no dossier.
        HttpResponse<String> champsVides = ClientHttp.appeler(port, "GET",
                "/api/v1/dossiers?statut=&niveau=&reference=&commune=&territoire=%20&tri=&apres=", "bailleur", null, null);
        assertThat(champsVides.statusCode()).isEqualTo(200);
        assertThat(champsVides.headers().firstValue("X-Total-Count")).isEqualTo(ClientHttp.appeler(port, "GET", "/api/v1/dossiers",
                "bailleur", null, null).headers().firstValue("X-Total-Count")).isPresent();
        HttpResponse<String> filtreInconnu = ClientHttp.appeler(port, "GET", "/api/v1/dossiers?statut=ARCHIVE", "bailleur", null, null);
        assertThat(filtreInconnu.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(filtreInconnu.body()).get("detail").asString()).contains("« statut » vaut BROUILLON");

        // An instructeur who filters by the commune's name, not its INSEE code, was shown an empty list as if none had come.
        HttpResponse<String> parNom = ClientHttp.appeler(port, "GET", "/api/v1/dossiers?commune=Rouen", "instructeur", null, null);
        assertThat(parNom.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(parNom.body()).get("detail").asString()).isEqualTo("« commune » prend un code INSEE : cinq"
                + " caractères, deux chiffres (ou 2A, 2B pour la Corse) puis trois chiffres ; « Rouen » : 76540 (Rouen, 76).");
        HttpResponse<String> homonymes = ClientHttp.appeler(port, "GET", "/api/v1/dossiers?commune=saint-denis", "instructeur", null, null);
        assertThat(Json.MAPPER.readTree(homonymes.body()).get("detail").asString()).contains("« saint-denis » : ")
                .contains("93066 (Saint-Denis, 93)").contains("97411 (Saint-Denis, 974)");
        assertThat(Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", "/api/v1/dossiers?commune=7654", "instructeur", null, null)
                .body()).get("detail").asString()).endsWith("puis trois chiffres.");
        assertThat(ClientHttp.appeler(port, "GET", "/api/v1/dossiers?commune=76540", "instructeur", null, null).statusCode()).isEqualTo(200);
        // Likewise a pack id cut short.
        HttpResponse<String> packInconnu = ClientHttp.appeler(port, "GET", "/api/v1/dossiers?territoire=metropole-rouen", "instructeur", null, null);
        assertThat(packInconnu.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(packInconnu.body()).get("detail").asString()).isEqualTo("« territoire » prend l'identifiant"
                + " du pack d'un dépôt ; aucun pack ne porte « metropole-rouen » ; le pack voulu est sans doute « metropole-rouen-normandie ».");
        assertThat(ClientHttp.appeler(port, "GET", "/api/v1/dossiers?territoire=metropole-rouen-normandie", "instructeur", null, null)
                .statusCode()).isEqualTo(200);
    }
}
