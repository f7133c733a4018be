package fr.harmonie.dossiers;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.ClientHttp;
import fr.harmonie.DossiersDeTest;
import fr.harmonie.ServiceDeTest;
import fr.harmonie.evaluation.Evaluateur;
import fr.harmonie.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What a DREAL reads of its territories' practice: deposits per month, answers to compléments, requests for compléments
 * and the pieces they name, for the dossiers it sees only. The service's database is shared with other tests, so each
 * figure is read before and after this test's own deposits and requests, and the difference is what is checked.
 */
@ServiceDeTest
class StatistiquesApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** Today and tomorrow in Paris: the period holds this test's deposits whatever clock another test has set. */
    private String periode() {
        LocalDate aujourdhui = LocalDate.now(Evaluateur.PARIS);
        return "?du=" + aujourdhui.minusDays(1) + "&au=" + aujourdhui.plusDays(1);
    }

    private JsonNode lire(String compte) throws Exception {
        HttpResponse<String> r = ClientHttp.appeler(port, "GET", "/api/v1/statistiques" + periode(), compte, null, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.MAPPER.readTree(r.body());
    }

    /** A figure of the whole ({@code territoire} null) or of one territory; 0 when the territory is not listed. */
    private static long chiffre(JsonNode lu, String territoire, String champ) {
        JsonNode bilan = territoire == null ? lu.get("ensemble") : lu.get("territoires").valueStream()
                .filter(t -> t.get("territoire").asString().equals(territoire)).findFirst().orElse(null);
        return bilan == null ? 0 : champ.startsWith("mois:") ? bilan.get("depotsParMois").get(champ.substring(5)).asLong()
                : champ.startsWith("instruits:") ? bilan.get("instruitsParMois").get(champ.substring(10)).asLong()
                : champ.startsWith("favorables:") ? bilan.get("favorablesParMois").get(champ.substring(11)).asLong()
                : champ.startsWith("decision:") ? bilan.get("decisions").get(champ.substring(9)).asLong()
                : champ.startsWith("nonConforme:") ? bilan.get("piecesNonConformes").valueStream()
                        .filter(p -> p.get("code").asString().equals(champ.substring(12))).mapToLong(p -> p.get("dossiers").asLong()).sum()
                : champ.startsWith("piece:") ? bilan.get("piecesDemandees").valueStream()
                        .filter(p -> p.get("code").asString().equals(champ.substring(6))).mapToLong(p -> p.get("demandes").asLong()).sum()
                : bilan.get(champ).asLong();
    }

    private static long dossiersAvec(JsonNode bilan, JsonNode anomalie) {
        return bilan.get("anomaliesAuDepot").valueStream().filter(a -> a.get("code").equals(anomalie.get("code"))
                && a.get("gravite").equals(anomalie.get("gravite"))).mapToLong(a -> a.get("dossiers").asLong()).sum();
    }

    @Test
    void uneDrealLitLesDepotsEtLesComplementsDeSesTerritoiresSeulement() throws Exception {
        String rouen = "metropole-rouen-normandie";
        String mois = "mois:" + YearMonth.now(Evaluateur.PARIS);
        List<String> comptes = List.of("dreal28", "dreal", "instructeur", "bailleur2");
        Map<String, JsonNode> avant = new HashMap<>();
        for (String c : comptes) {
            avant.put(c, lire(c));
        }

        String aRouen = DossiersDeTest.creer(port, "76540", true);
        DossiersDeTest.creer(port, "38185", true);
        String instruction = "/api/v1/dossiers/" + aRouen + "/instruction";
        assertThat(ClientHttp.appeler(port, "POST", instruction, "instructeur", "{\"action\": \"PRENDRE_EN_INSTRUCTION\"}", null)
                .statusCode()).isEqualTo(200);
        assertThat(ClientHttp.appeler(port, "POST", instruction, "instructeur", "{\"action\": \"DEMANDER_COMPLEMENTS\","
                + " \"message\": \"Le plan et l'avis.\", \"pieces\": [\"PLAN_MASSE\", \"AVIS_COMMUNE\"]}", null).statusCode()).isEqualTo(200);
        assertThat(ClientHttp.appeler(port, "POST", "/api/v1/dossiers/" + aRouen + "/depot", "bailleur",
                "{\"message\": \"Joints au courrier.\"}", null).statusCode()).isEqualTo(200);
        assertThat(ClientHttp.appeler(port, "POST", instruction, "instructeur", "{\"action\": \"PRENDRE_EN_INSTRUCTION\"}", null)
                .statusCode()).isEqualTo(200);
        assertThat(ClientHttp.appeler(port, "POST", instruction, "instructeur", "{\"action\": \"INSTRUIRE\", \"decision\": \"FAVORABLE\"}",
                null).statusCode()).isEqualTo(200);

        Map<String, JsonNode> apres = new HashMap<>();
        for (String c : comptes) {
            apres.put(c, lire(c));
        }
        // Normandie: the Rouen dossier's first deposit and its answer, this month; one request naming two pieces.
        for (String[] attendu : new String[][] {{"depots", "2"}, {"reponsesAuxComplements", "1"}, {mois, "2"},
                {"demandesDeComplements", "1"}, {"demandesNommantDesPieces", "1"}, {"piece:PLAN_MASSE", "1"}, {"piece:AVIS_COMMUNE", "1"},
                {"instruits", "1"}, {"instruits:" + YearMonth.now(Evaluateur.PARIS), "1"}, {"decision:FAVORABLE", "1"},
                {"decision:DEFAVORABLE", "0"}, {"decision:NON_RENSEIGNEE", "0"}, {"favorables:" + YearMonth.now(Evaluateur.PARIS), "1"}}) {
            for (String territoire : new String[] {null, rouen}) {
                assertThat(chiffre(apres.get("dreal28"), territoire, attendu[0]) - chiffre(avant.get("dreal28"), territoire, attendu[0]))
                        .as("dreal28 %s %s", territoire, attendu[0]).isEqualTo(Long.parseLong(attendu[1]));
                assertThat(chiffre(apres.get("instructeur"), territoire, attendu[0]) - chiffre(avant.get("instructeur"), territoire, attendu[0]))
                        .as("instructeur %s %s", territoire, attendu[0]).isEqualTo(Long.parseLong(attendu[1]));
            }
        }
        // At their last deposit, the answer: one dossier more, at the maturity level and with the anomalies of its evaluation.
        JsonNode depot = Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", "/api/v1/evaluations/" + Json.MAPPER.readTree(
                ClientHttp.appeler(port, "GET", "/api/v1/dossiers/" + aRouen, "bailleur", null, null).body()).get("evaluationDepot").asString(),
                "bailleur", null, null).body()).get("resultat");
        JsonNode normandieAvant = avant.get("dreal28").get("ensemble");
        JsonNode normandie = apres.get("dreal28").get("ensemble");
        assertThat(normandie.get("dossiersDeposes").asLong() - normandieAvant.get("dossiersDeposes").asLong()).isEqualTo(1);
        String niveau = depot.get("maturite").get("niveau").asString();
        assertThat(normandie.get("maturiteAuDepot").get(niveau).asLong() - normandieAvant.get("maturiteAuDepot").get(niveau).asLong())
                .isEqualTo(1);
        assertThat(depot.get("anomalies")).as("un dépôt de Rouen porte des anomalies non bloquantes").isNotEmpty();
        for (JsonNode a : depot.get("anomalies")) {
            assertThat(dossiersAvec(normandie, a) - dossiersAvec(normandieAvant, a)).as(a.toString()).isEqualTo(1);
        }
        // Deposited, answered and instructed within this test: its instruction took a fraction of a day.
        assertThat(apres.get("instructeur").get("ensemble").get("delaiMedianJours").asDouble()).isBetween(0.0, 1.0);
        assertThat(apres.get("instructeur").get("ensemble").get("delaiMedianAuServiceJours").asDouble()).isBetween(0.0, 1.0);
        JsonNode plan = apres.get("dreal28").get("ensemble").get("piecesDemandees").valueStream()
                .filter(p -> p.get("code").asString().equals("PLAN_MASSE")).findFirst().orElseThrow();
        assertThat(plan.get("libelle").asString()).isEqualTo("Plan de masse");
        // Auvergne-Rhône-Alpes: the Grenoble deposit, and nothing of Rouen's; the other bailleur: nothing at all.
        assertThat(chiffre(apres.get("dreal"), null, "depots") - chiffre(avant.get("dreal"), null, "depots")).isEqualTo(1);
        assertThat(chiffre(apres.get("dreal"), null, "demandesDeComplements")).isEqualTo(chiffre(avant.get("dreal"), null, "demandesDeComplements"));
        assertThat(apres.get("dreal").get("territoires").valueStream().map(t -> t.get("territoire").asString())).doesNotContain(rouen);
        assertThat(apres.get("bailleur2")).isEqualTo(avant.get("bailleur2"));
        assertThat(ClientHttp.appeler(port, "GET", "/api/v1/statistiques", null, null, null).statusCode()).isEqualTo(401);
    }

    /** When the journal says the dossier {@code id} was deposited (it was, once). */
    private OffsetDateTime depotAuJournal(String id) {
        return jdbc.sql("SELECT quand FROM journal WHERE objet = ? AND action = 'DEPOT'").param("dossier:" + id)
                .query(OffsetDateTime.class).single();
    }

    /** A journal line of the dossier {@code id}, dated {@code quand}, as the service writes it ({@code detail}: JSON). */
    private void ecrireAuJournal(String id, OffsetDateTime quand, String qui, String action, String detail) {
        jdbc.sql("INSERT INTO journal (quand, qui, action, objet, detail) VALUES (?, ?, ?, ?, ?::jsonb)")
                .params(quand, qui, action, "dossier:" + id, detail).update();
    }

    /**
     * A region compares its services' delays without the time bailleurs took to answer. The journal takes its time from
     * PostgreSQL and a test cannot wait three weeks: after a real deposit, the request, the answer and the close are
     * written to the journal (which accepts additions only) as the service writes them, dated days after the deposit.
     */
    @Test
    void leDelaiAuServiceOteLAttenteDesComplements() throws Exception {
        String id = DossiersDeTest.creer(port, "76540", true);
        OffsetDateTime depot = depotAuJournal(id);
        for (Object[] etape : new Object[][] {{"DEMANDER_COMPLEMENTS", "instructeur", 2}, {"DEPOT", "bailleur", 12},
                {"PRENDRE_EN_INSTRUCTION", "instructeur", 13}, {"INSTRUIRE", "instructeur", 15}}) {
            ecrireAuJournal(id, depot.plusDays((Integer) etape[2]), (String) etape[1], (String) etape[0], "{}");
        }
        LocalDate cloture = depot.plusDays(15).atZoneSameInstant(Evaluateur.PARIS).toLocalDate();
        JsonNode lu = Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", "/api/v1/statistiques?du=" + cloture.minusDays(1)
                + "&au=" + cloture.plusDays(1), "dreal28", null, null).body());
        JsonNode rouen = lu.get("territoires").valueStream()
                .filter(t -> t.get("territoire").asString().equals("metropole-rouen-normandie")).findFirst().orElseThrow();
        assertThat(rouen.get("instruits").asLong()).isEqualTo(1);
        assertThat(rouen.get("instruitsParMois").get(YearMonth.from(cloture).toString()).asLong()).as("le mois de la clôture").isEqualTo(1);
        assertThat(rouen.get("instruitsParMois").valueStream().mapToLong(JsonNode::asLong).sum()).isEqualTo(1);
        assertThat(rouen.get("delaiMedianJours").asDouble()).as("du premier dépôt à la clôture").isEqualTo(15.0);
        assertThat(rouen.get("delaiMedianAuServiceJours").asDouble()).as("2 jours avant la demande, 3 après la réponse").isEqualTo(5.0);
        List<String> csv = ClientHttp.appeler(port, "GET", "/api/v1/statistiques?du=" + cloture.minusDays(1) + "&au="
                + cloture.plusDays(1) + "&format=csv", "dreal28", null, null).body().lines().toList();
        List<String> entete = List.of(csv.get(0).split(";", -1));
        List<String> ligne = csv.stream().filter(l -> l.startsWith("metropole-rouen-normandie;")).map(l -> List.of(l.split(";", -1)))
                .findFirst().orElseThrow();
        assertThat(ligne.get(entete.indexOf("délai médian (jours)"))).isEqualTo("15,0");
        assertThat(ligne.get(entete.indexOf("délai médian au service (jours)"))).isEqualTo("5,0");
        assertThat(ligne.get(entete.indexOf("instruits " + YearMonth.from(cloture)))).isEqualTo("1");

        // The bailleur answered ten days after the request: counted in the period of the answer, by its service.
        LocalDate reponse = depot.plusDays(12).atZoneSameInstant(Evaluateur.PARIS).toLocalDate();
        String periodeDeLaReponse = "/api/v1/statistiques?du=" + reponse.minusDays(1) + "&au=" + reponse.plusDays(1);
        JsonNode rouenALaReponse = Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", periodeDeLaReponse, "dreal28", null, null).body())
                .get("territoires").valueStream().filter(t -> t.get("territoire").asString().equals("metropole-rouen-normandie"))
                .findFirst().orElseThrow();
        assertThat(rouenALaReponse.get("delaiMedianReponseAuxComplementsJours").asDouble()).as("du jour 2 au jour 12").isEqualTo(10.0);
        assertThat(rouen.has("delaiMedianReponseAuxComplementsJours")).as("aucune réponse autour de la clôture").isFalse();
        List<String> csvALaReponse = ClientHttp.appeler(port, "GET", periodeDeLaReponse + "&format=csv", "dreal28", null, null).body()
                .lines().toList();
        List<String> enteteALaReponse = List.of(csvALaReponse.get(0).split(";", -1));
        assertThat(csvALaReponse.stream().filter(l -> l.startsWith("metropole-rouen-normandie;")).findFirst().orElseThrow()
                .split(";", -1)[enteteALaReponse.indexOf("délai médian de réponse aux compléments (jours)")]).isEqualTo("10,0");
    }

    /**
     * The pieces the instructeurs' checklists found non-compliant, counted once per dossier however often judged, under
     * the service: with the pieces asked, what a regional good-practice sheet should explain better.
     */
    @Test
    void lesPiecesJugeesNonConformesSeComptentParService() throws Exception {
        JsonNode avant = lire("dreal28");
        String id = DossiersDeTest.creer(port, "76540", true);
        String controle = "/api/v1/dossiers/" + id + "/controle/";
        for (String[] jugement : new String[][] {{"PLAN_MASSE", "NON_CONFORME"}, {"PLAN_MASSE", "NON_CONFORME"}, {"PRIX_REVIENT", "CONFORME"}}) {
            assertThat(ClientHttp.appeler(port, "PUT", controle + jugement[0], "instructeur", "{\"etat\": \"" + jugement[1] + "\"}", null)
                    .statusCode()).isEqualTo(200);
        }
        JsonNode apres = lire("dreal28");
        for (String territoire : new String[] {null, "metropole-rouen-normandie"}) {
            assertThat(chiffre(apres, territoire, "nonConforme:PLAN_MASSE") - chiffre(avant, territoire, "nonConforme:PLAN_MASSE"))
                    .as(territoire).isEqualTo(1);
            assertThat(chiffre(apres, territoire, "nonConforme:PRIX_REVIENT") - chiffre(avant, territoire, "nonConforme:PRIX_REVIENT"))
                    .as(territoire).isZero();
        }
        assertThat(chiffre(apres, "region-28", "nonConforme:PLAN_MASSE")).isEqualTo(chiffre(avant, "region-28", "nonConforme:PLAN_MASSE"));
        List<String> csv = ClientHttp.appeler(port, "GET", "/api/v1/statistiques" + periode() + "&format=csv", "dreal28", null, null)
                .body().lines().toList();
        int colonne = List.of(csv.get(0).split(";", -1)).indexOf("pièces jugées non conformes");
        assertThat(csv.stream().filter(l -> l.startsWith("metropole-rouen-normandie;")).findFirst().orElseThrow().split(";", -1)[colonne])
                .contains("PLAN_MASSE (");
    }

    /** A request withdrawn by its bailleur counts under the service it was with, beside the deposit it withdraws. */
    @Test
    void unRetraitCompteAuServiceQuiAvaitLaDemande() throws Exception {
        JsonNode avant = lire("dreal28");
        String id = DossiersDeTest.creer(port, "76540", true);
        assertThat(ClientHttp.appeler(port, "POST", "/api/v1/dossiers/" + id + "/retrait", "bailleur",
                "{\"message\": \"Opération abandonnée.\"}", null).statusCode()).isEqualTo(200);
        JsonNode apres = lire("dreal28");
        for (String territoire : new String[] {null, "metropole-rouen-normandie"}) {
            assertThat(chiffre(apres, territoire, "retraits") - chiffre(avant, territoire, "retraits")).as(territoire).isEqualTo(1);
            assertThat(chiffre(apres, territoire, "depots") - chiffre(avant, territoire, "depots")).as(territoire).isEqualTo(1);
        }
        assertThat(chiffre(apres, "region-28", "retraits")).isEqualTo(chiffre(avant, "region-28", "retraits"));
        List<String> csv = ClientHttp.appeler(port, "GET", "/api/v1/statistiques" + periode() + "&format=csv", "dreal28", null, null)
                .body().lines().toList();
        List<String> entete = List.of(csv.get(0).split(";", -1));
        assertThat(List.of(csv.get(1).split(";", -1)).get(entete.indexOf("demandes retirées")))
                .isEqualTo(Long.toString(apres.get("ensemble").get("retraits").asLong()));
    }

    /**
     * The agréments of each month, which the AURA lissage démarche counts, beside the refusals and the closes that did not
     * say their sense; a sense corrected since counts as corrected. Five real deposits, closed in the journal (as the
     * service writes it) more than a year ahead, in two months where no other test writes.
     */
    @Test
    void lesDecisionsSeComptentParSensEtLesAgrementsParMois() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(DossiersDeTest.creer(port, "76540", true));
        }
        OffsetDateTime depot = depotAuJournal(ids.get(0));
        OffsetDateTime novembre = depot.plusDays(400);
        OffsetDateTime decembre = depot.plusDays(431);
        String[][] clotures = {{"{\"decision\": \"FAVORABLE\"}", "400"}, {"{\"decision\": \"DEFAVORABLE\"}", "400"},
                {"{\"decision\": \"FAVORABLE\"}", "431"}, {"{}", "431"}, {"{\"decision\": \"DEFAVORABLE\"}", "400"}};
        for (int i = 0; i < 5; i++) {
            ecrireAuJournal(ids.get(i), depot.plusDays(Integer.parseInt(clotures[i][1])), "instructeur", "INSTRUIRE", clotures[i][0]);
        }
        ecrireAuJournal(ids.get(4), depot.plusDays(410), "instructeur", "CORRIGER_DECISION",
                "{\"decision\": \"FAVORABLE\", \"decisionPrecedente\": \"DEFAVORABLE\", \"message\": \"Erreur de saisie.\"}");
        LocalDate du = novembre.minusDays(1).atZoneSameInstant(Evaluateur.PARIS).toLocalDate();
        LocalDate au = decembre.plusDays(1).atZoneSameInstant(Evaluateur.PARIS).toLocalDate();
        String premier = YearMonth.from(novembre.atZoneSameInstant(Evaluateur.PARIS)).toString();
        String second = YearMonth.from(decembre.atZoneSameInstant(Evaluateur.PARIS)).toString();
        assertThat(second).as("31 jours plus tard, un autre mois").isNotEqualTo(premier);
        JsonNode ensemble = Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", "/api/v1/statistiques?du=" + du + "&au=" + au,
                "dreal28", null, null).body()).get("ensemble");
        assertThat(ensemble.get("instruits").asLong()).isEqualTo(5);
        assertThat(ensemble.get("decisions")).isEqualTo(Json.MAPPER.readTree(
                "{\"FAVORABLE\": 3, \"DEFAVORABLE\": 1, \"NON_RENSEIGNEE\": 1}"));
        assertThat(ensemble.get("favorablesParMois").get(premier).asLong()).as("le corrigé, au mois de sa clôture").isEqualTo(2);
        assertThat(ensemble.get("favorablesParMois").get(second).asLong()).isEqualTo(1);
        assertThat(ensemble.get("favorablesParMois").valueStream().mapToLong(JsonNode::asLong).sum()).isEqualTo(3);
        assertThat(ensemble.get("instruitsParMois").get(second).asLong()).isEqualTo(2);
        List<String> csv = ClientHttp.appeler(port, "GET", "/api/v1/statistiques?du=" + du + "&au=" + au + "&format=csv", "dreal28",
                null, null).body().lines().toList();
        List<String> entete = List.of(csv.get(0).split(";", -1));
        List<String> ligne = List.of(csv.get(1).split(";", -1));
        assertThat(ligne.get(0)).isEqualTo("ensemble");
        assertThat(ligne.get(entete.indexOf("décisions favorables"))).isEqualTo("3");
        assertThat(ligne.get(entete.indexOf("décisions défavorables"))).isEqualTo("1");
        assertThat(ligne.get(entete.indexOf("décision non renseignée"))).isEqualTo("1");
        assertThat(ligne.get(entete.indexOf("favorables " + premier))).isEqualTo("2");
        assertThat(ligne.get(entete.indexOf("favorables " + second))).isEqualTo("1");
    }

    /**
     * A request for agrément decided after the four months whose silence is worth rejection (former R. 331-6 of the
     * CCH) counts apart: decided on the last day of the four months, in time; the day after, too late. Written to the
     * journal four months ahead, where no other test writes.
     */
    @Test
    void uneDecisionApresLesQuatreMoisDeLaDemandeSeCompteApart() throws Exception {
        String aTemps = DossiersDeTest.creer(port, "76540", true);
        String enRetard = DossiersDeTest.creer(port, "76540", true);
        java.time.ZonedDateTime premier = depotAuJournal(aTemps).atZoneSameInstant(Evaluateur.PARIS);
        java.time.ZonedDateTime second = depotAuJournal(enRetard).atZoneSameInstant(Evaluateur.PARIS);
        ecrireAuJournal(aTemps, premier.plusMonths(4).toOffsetDateTime(), "instructeur", "INSTRUIRE", "{\"decision\": \"FAVORABLE\"}");
        ecrireAuJournal(enRetard, second.plusMonths(4).plusDays(1).toOffsetDateTime(), "instructeur", "INSTRUIRE", "{}");
        LocalDate du = premier.plusMonths(4).toLocalDate().minusDays(1);
        String adresse = "/api/v1/statistiques?du=" + du + "&au=" + du.plusDays(4);
        JsonNode ensemble = Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", adresse, "dreal28", null, null).body()).get("ensemble");
        assertThat(ensemble.get("instruits").asLong()).isEqualTo(2);
        assertThat(ensemble.get("instruitsApresRejetImplicite").asLong()).isEqualTo(1);
        List<String> csv = ClientHttp.appeler(port, "GET", adresse + "&format=csv", "dreal28", null, null).body().lines().toList();
        List<String> entete = List.of(csv.get(0).split(";", -1));
        assertThat(List.of(csv.get(1).split(";", -1)).get(entete.indexOf("instruits après rejet implicite"))).isEqualTo("1");
    }

    /**
     * A close by mistake, undone by reopening the instruction, is neither a close nor a decision, and does not cut the
     * instruction, which runs to the close that stands. Written to the journal 600 days ahead, where no other test writes.
     */
    @Test
    void uneClotureDefaiteParUneReouvertureNeComptePas() throws Exception {
        String id = DossiersDeTest.creer(port, "76540", true);
        OffsetDateTime depot = depotAuJournal(id);
        ecrireAuJournal(id, depot.plusDays(600), "instructeur", "INSTRUIRE", "{\"decision\": \"FAVORABLE\"}");
        ecrireAuJournal(id, depot.plusDays(601), "instructeur", "ROUVRIR_INSTRUCTION",
                "{\"message\": \"Clôturé par erreur.\", \"decisionPrecedente\": \"FAVORABLE\"}");
        ecrireAuJournal(id, depot.plusDays(610), "instructeur", "INSTRUIRE", "{\"decision\": \"DEFAVORABLE\"}");
        LocalDate du = depot.plusDays(599).atZoneSameInstant(Evaluateur.PARIS).toLocalDate();
        JsonNode ensemble = Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", "/api/v1/statistiques?du=" + du + "&au="
                + du.plusDays(13), "dreal28", null, null).body()).get("ensemble");
        assertThat(ensemble.get("instruits").asLong()).isEqualTo(1);
        assertThat(ensemble.get("decisions")).isEqualTo(Json.MAPPER.readTree("{\"FAVORABLE\": 0, \"DEFAVORABLE\": 1, \"NON_RENSEIGNEE\": 0}"));
        assertThat(ensemble.get("delaiMedianJours").asDouble()).as("du dépôt à la clôture qui tient").isEqualTo(610.0);
        assertThat(ensemble.get("delaiMedianAuServiceJours").asDouble()).isEqualTo(610.0);
        // The figures say what is known when they are read: a period that ends between the close and its reopening counts none.
        JsonNode avantLaReouverture = Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", "/api/v1/statistiques?du=" + du + "&au="
                + du.plusDays(1), "dreal28", null, null).body()).get("ensemble");
        assertThat(avantLaReouverture.get("instruits").asLong()).isZero();
    }

    /**
     * Each deposit and each request counts under the service it was addressed to. A dossier deposited to the Métropole,
     * asked for compléments there, and whose answer went to another service (a pack changed in between): the request
     * stays the Métropole's, only the answer is the other's. Written to the journal a month ahead, where no other test
     * writes, so that the period holds these lines only.
     */
    @Test
    void chaqueDepotEtChaqueDemandeComptentAuServiceQuiLesARecus() throws Exception {
        String id = DossiersDeTest.creer(port, "76540", true);
        OffsetDateTime depot = depotAuJournal(id);
        ecrireAuJournal(id, depot.plusDays(30), "instructeur", "DEMANDER_COMPLEMENTS",
                "{\"message\": \"Le plan de masse.\", \"pieces\": [\"PLAN_MASSE\"]}");
        ecrireAuJournal(id, depot.plusDays(40), "bailleur", "DEPOT",
                "{\"territoire\": \"region-28\", \"evaluationDepotPrecedent\": \"" + UUID.randomUUID() + "\"}");
        jdbc.sql("UPDATE dossier SET territoire = 'region-28' WHERE id = ?::uuid").param(id).update();

        LocalDate du = depot.plusDays(29).atZoneSameInstant(Evaluateur.PARIS).toLocalDate();
        JsonNode lu = Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", "/api/v1/statistiques?du=" + du + "&au=" + du.plusDays(12),
                "dreal28", null, null).body());
        String rouen = "metropole-rouen-normandie";
        assertThat(chiffre(lu, rouen, "demandesDeComplements")).as("la demande, faite par la Métropole").isEqualTo(1);
        assertThat(chiffre(lu, rouen, "piece:PLAN_MASSE")).isEqualTo(1);
        assertThat(chiffre(lu, rouen, "depots")).isZero();
        assertThat(chiffre(lu, "region-28", "depots")).as("la réponse, reçue par l'autre service").isEqualTo(1);
        assertThat(chiffre(lu, "region-28", "reponsesAuxComplements")).isEqualTo(1);
        assertThat(chiffre(lu, "region-28", "demandesDeComplements")).isZero();
    }

    /**
     * For a spreadsheet: a line for the whole, then one per territory, the months in columns; the same figures as the
     * JSON answer, which it is checked against cell by cell.
     */
    @Test
    void unTableurLitLesMemesChiffresUnMoisParColonne() throws Exception {
        DossiersDeTest.creer(port, "38185", true);
        String adresse = "/api/v1/statistiques" + periode();
        JsonNode lu = lire("dreal");
        HttpResponse<String> csv = ClientHttp.appeler(port, "GET", adresse + "&format=csv", "dreal", null, null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("statistiques-" + lu.get("du").asString());
        List<List<String>> lignes = csv.body().substring(1).lines().map(l -> List.of(l.split(";", -1))).toList();
        List<String> entete = lignes.get(0);
        assertThat(entete.subList(0, 3)).containsExactly("territoire", "dépôts", "réponses aux compléments");
        List<String> mois = List.copyOf(lu.get("ensemble").get("depotsParMois").propertyNames());
        assertThat(entete).containsSubsequence(mois.stream().map(m -> "dépôts " + m).toList());
        assertThat(lignes).hasSize(2 + lu.get("territoires").size());
        List<JsonNode> bilans = new ArrayList<>(List.of(lu.get("ensemble")));
        lu.get("territoires").forEach(bilans::add);
        for (int i = 0; i < bilans.size(); i++) {
            List<String> ligne = lignes.get(i + 1);
            JsonNode b = bilans.get(i);
            assertThat(ligne.get(0)).isEqualTo(i == 0 ? "ensemble" : b.get("territoire").asString());
            assertThat(ligne.get(1)).isEqualTo(b.get("depots").asString());
            assertThat(ligne.get(entete.indexOf("mûrs au dépôt"))).isEqualTo(b.get("maturiteAuDepot").get("MURE").asString());
            for (String m : mois) {
                assertThat(ligne.get(entete.indexOf("dépôts " + m))).isEqualTo(b.get("depotsParMois").get(m).asString());
            }
        }
        assertThat(lignes.get(1).get(1)).isNotEqualTo("0");
        HttpResponse<String> parAccept = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + adresse)).header("Accept", "text/csv").header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("dreal:demo".getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(parAccept.body()).isEqualTo(csv.body());
    }

    /** Every month of the period is listed, zeros included: a year reads as twelve bars, not as the months that had some. */
    @Test
    void chaqueMoisDeLaPeriodeEstDonneEtUnePeriodeMalEcriteEstRefusee() throws Exception {
        JsonNode lu = Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", "/api/v1/statistiques?du=2025-01-15&au=2025-03-02",
                "dreal", null, null).body());
        assertThat(lu.get("du").asString()).isEqualTo("2025-01-15");
        assertThat(lu.get("ensemble").get("depotsParMois").propertyNames()).containsExactly("2025-01", "2025-02", "2025-03");

        for (String[] refus : new String[][] {
                {"?du=2026-03-01&au=2026-02-01", "« du » (2026-03-01) est après « au » (2026-02-01) ; les deux jours sont compris dans la période."},
                {"?du=2010-01-01&au=2026-01-01", "Du 2010-01-01 au 2026-01-01 : une période tient en 10 ans au plus."},
                {"?au=%2B99999-01-01", "« au » : +99999-01-01 est hors des années 2000 à 2999."}}) {
            HttpResponse<String> r = ClientHttp.appeler(port, "GET", "/api/v1/statistiques" + refus[0], "dreal", null, null);
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(Json.MAPPER.readTree(r.body()).get("detail").asString()).isEqualTo(refus[1]);
        }
        HttpResponse<String> xml = ClientHttp.appeler(port, "GET", "/api/v1/statistiques?format=xml", "dreal", null, null);
        assertThat(xml.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(xml.body()).get("title").asString()).isEqualTo("Format inconnu");
        HttpResponse<String> francaise = ClientHttp.appeler(port, "GET", "/api/v1/statistiques?du=01/11/2026", "dreal", null, null);
        assertThat(francaise.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(francaise.body()).get("detail").asString()).contains("2026-11-01");
    }
}
