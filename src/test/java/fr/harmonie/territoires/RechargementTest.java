package fr.harmonie.territoires;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fr.harmonie.ClientHttp;
import fr.harmonie.CopieDuDepot;
import fr.harmonie.DossiersDeTest;
import fr.harmonie.ServiceDeTest;
import fr.harmonie.json.Json;
import fr.harmonie.rapport.TexteDuPdf;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Recharger les packs sans redémarrer: réservé aux administrateurs, et un pack refusé laisse servir les anciens. */
@ServiceDeTest
class RechargementTest {

    private static final Path DEPOT = CopieDuDepot.temporaire();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void proprietes(DynamicPropertyRegistry r) {
        r.add("harmonie.packs.racine", DEPOT::toString);
    }

    private HttpResponse<String> recharger(String compte) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/admin/packs/rechargement"))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (compte != null) {
            b.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((compte + ":demo").getBytes()));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode evaluerRouen() throws Exception {
        String dossier = Files.readString(Path.of("rules/cas/programmation.json"))
                .replace("\"21231\"", "\"76540\"").replace("\"OBTENU\"", "\"DEPOSE\"");
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/evaluations"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(dossier)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return Json.MAPPER.readTree(r.body());
    }

    private static String empreinteRouen(JsonNode r) {
        return r.get("territoire").get("packs").get(2).get("empreinte").asString();
    }

    private static String original(Path fichier) throws Exception {
        return Files.readString(Path.of("").toAbsolutePath().resolve(DEPOT.relativize(fichier).toString()));
    }

    private static String dossierRouen() throws Exception {
        return DossiersDeTest.uneOperation(Files.readString(Path.of("rules/cas/agrement.json")))
                .replace("\"356000000\"", "\"732829320\"").replace("\"21231\"", "\"76540\"");
    }

    private JsonNode couverture() throws Exception {
        HttpResponse<String> r = ClientHttp.appeler(port, "GET", "/api/v1/admin/couverture", "admin", null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        return Json.MAPPER.readTree(r.body());
    }

    private static JsonNode pack(JsonNode couverture, String id) {
        for (JsonNode p : couverture.get("packs")) {
            if (p.get("pack").asString().equals(id)) {
                return p;
            }
        }
        throw new AssertionError(id + " absent de " + couverture);
    }

    private static String alerteSur(JsonNode reponse, String pack) {
        return reponse.get("alertes").valueStream().map(JsonNode::asString).filter(a -> a.contains("« " + pack + " »"))
                .findFirst().orElse(null);
    }

    /**
     * A DDT pack published under a region takes its communes' new deposits away from the service that instructs the
     * region: the reload says so, the coverage shows the dossier nobody sees, and moving the service settles it.
     */
    @Test
    void unPackDeDdtPublieSansServiceInstructeurEstSignaleJusquACeQuUnServiceLeRecoive() throws Exception {
        assertThat(pack(couverture(), "region-84").get("servicesInstructeurs").findValuesAsString("nom"))
                .containsExactly("Instruction en Auvergne-Rhône-Alpes (en attendant un pack DDT de l'Isère)");
        assertThat(alerteSur(couverture(), "region-84")).isNull();
        assertThat(alerteSur(couverture(), "region-28")).isNull();
        assertThat(alerteSur(couverture(), "national")).isNull();
        String avant = DossiersDeTest.creer(port, "38185", true);

        Path ddt = Files.createDirectories(DEPOT.resolve("territories/ddt-38/2026.1"));
        Files.writeString(ddt.resolve("pack.yaml"), """
                id: ddt-38
                libelle: DDT de l'Isère
                niveau: DEPARTEMENT
                parent: region-84
                version: "2026.1"
                validFrom: 2026-01-01
                perimetre:
                  departements: ["38"]
                sources:
                  - "Pack de test : un pack de DDT publié sous la région."
                """);
        Files.writeString(ddt.resolve("README.md"), "# DDT de l'Isère\n\nAucune surcharge : le niveau existe.\n");
        HttpResponse<String> rechargement = recharger("admin");
        assertThat(rechargement.statusCode()).isEqualTo(200);
        assertThat(alerteSur(Json.MAPPER.readTree(rechargement.body()), "ddt-38"))
                .isEqualTo("Aucun service n'instruit le pack « ddt-38 » : un dossier qui y sera déposé ne sera vu d'aucun instructeur."
                        + " Attribuez-le à un service (PUT /api/v1/admin/organisations/{id}/territoires).");

        String apres = DossiersDeTest.creer(port, "38185", true);
        assertThat(ClientHttp.appeler(port, "GET", "/api/v1/dossiers/" + avant, "instructeur38", null, null).statusCode()).isEqualTo(200);
        assertThat(ClientHttp.appeler(port, "GET", "/api/v1/dossiers/" + apres, "instructeur38", null, null).statusCode()).isEqualTo(404);
        JsonNode orphelin = couverture();
        assertThat(pack(orphelin, "ddt-38").get("dossiersEnCours").asLong()).isEqualTo(1);
        assertThat(pack(orphelin, "ddt-38").get("niveau").asString()).isEqualTo("DEPARTEMENT");
        assertThat(alerteSur(orphelin, "ddt-38")).contains("1 dossier déposé n'est vu d'aucun instructeur");

        long isere = pack(orphelin, "region-84").get("servicesInstructeurs").get(0).get("id").asLong();
        assertThat(ClientHttp.appeler(port, "PUT", "/api/v1/admin/organisations/" + isere + "/territoires", "admin",
                "[\"region-84\", \"ddt-38\"]", null).statusCode()).isEqualTo(204);
        assertThat(ClientHttp.appeler(port, "GET", "/api/v1/dossiers/" + apres, "instructeur38", null, null).statusCode()).isEqualTo(200);
        assertThat(alerteSur(couverture(), "ddt-38")).isNull();
        assertThat(ClientHttp.appeler(port, "GET", "/api/v1/admin/couverture", "dreal", null, null).statusCode()).isEqualTo(403);

        // A DDT given its région's pack, for want of its own: it would see, and could instruct, the whole région's dossiers.
        assertThat(ClientHttp.appeler(port, "POST", "/api/v1/admin/organisations", "admin",
                "{\"type\": \"SERVICE_INSTRUCTEUR\", \"nom\": \"DDT du Calvados\", \"territoires\": [\"region-28\"]}", null)
                .statusCode()).isEqualTo(201);
        assertThat(alerteSur(couverture(), "region-28")).startsWith("Le pack « region-28 » est instruit par 2 services (Instruction en"
                + " Normandie hors Métropole de Rouen (en attendant des packs DDT), organisation ").contains("DDT du Calvados, organisation ")
                .endsWith(") : chacun voit tous ses dossiers déposés et peut les instruire. Si ce n'est pas voulu, retirez-le à l'un d'eux"
                        + " (PUT /api/v1/admin/organisations/{id}/territoires).");
    }

    @Test
    void seulLAdministrationRecharge() throws Exception {
        assertThat(recharger(null).statusCode()).isEqualTo(401);
        assertThat(recharger("bailleur").statusCode()).isEqualTo(403);
        assertThat(recharger("dreal").statusCode()).isEqualTo(403);
        assertThat(Json.MAPPER.readTree(recharger("bailleur").body()).get("title").asString()).isEqualTo("Accès refusé");
    }

    private String ficheRouen() throws Exception {
        return TexteDuPdf.lire(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/territoires/metropole-rouen-normandie/fiche")).build(), HttpResponse.BodyHandlers.ofByteArray()).body());
    }

    @Test
    void unPackRefuseLaisseServirLAncienEtUnPackValideEntreEnService() throws Exception {
        Path drl = DEPOT.resolve("territories/metropole-rouen-normandie/2026.1/regles/permis.drl");
        Path readme = DEPOT.resolve("territories/metropole-rouen-normandie/2026.1/README.md");
        String original = Files.readString(drl);
        String avant = empreinteRouen(evaluerRouen());
        assertThat(ficheRouen()).contains("(metropole-rouen-normandie@2026.1)");
        String dossierSurLaPremiereVersion = Json.MAPPER.readTree(
                ClientHttp.appeler(port, "POST", "/api/v1/dossiers", "bailleur", dossierRouen(), null).body()).get("id").asString();
        String scelleeSurLaPremiereVersion = Json.MAPPER.readTree(ClientHttp.appeler(port, "POST",
                "/api/v1/dossiers/" + dossierSurLaPremiereVersion + "/evaluations", "bailleur", null, null).body()).get("id").asString();

        Logger journal = (Logger) LoggerFactory.getLogger(RechargementController.class);
        ListAppender<ILoggingEvent> lignes = new ListAppender<>();
        lignes.start();
        journal.addAppender(lignes);
        Level niveau = journal.getLevel();
        journal.setLevel(Level.INFO);
        ListAppender<ILoggingEvent> brouillons = new ListAppender<>();
        brouillons.start();
        ((Logger) LoggerFactory.getLogger(PacksDuService.class)).addAppender(brouillons);

        Files.writeString(drl, original.replace("phase == Phase.PROGRAMMATION", "phaze == Phase.PROGRAMMATION"));
        HttpResponse<String> refuse = recharger("admin");
        JsonNode apresRefus = evaluerRouen();

        assertThat(refuse.statusCode()).isEqualTo(422);
        assertThat(Json.MAPPER.readTree(refuse.body()).get("detail").asString())
                .contains("metropole-rouen-normandie@2026.1").contains("regles/permis.drl ligne 15");
        assertThat(empreinteRouen(apresRefus)).isEqualTo(avant);
        assertThat(apresRefus.get("anomalies").findValuesAsString("code")).contains("PERMIS_NON_OBTENU");

        // A published version never changes: edited in place, it is refused, as by the build, whether or not this
        // service already holds it (a new database would otherwise take content nobody published).
        Files.writeString(drl, original);
        Files.writeString(readme, Files.readString(readme) + "\nPrécision ajoutée.\n");
        HttpResponse<String> modifiee = recharger("admin");
        assertThat(modifiee.statusCode()).isEqualTo(422);
        assertThat(Json.MAPPER.readTree(modifiee.body()).get("detail").asString())
                .contains("metropole-rouen-normandie@2026.1 a changé depuis sa publication")
                .contains("publier une nouvelle version");
        assertThat(empreinteRouen(evaluerRouen())).isEqualTo(avant);

        // A new version whose rule grows with the square of the logements passes its cases, and is refused all the
        // same: the first large dossier would run the service out of memory. Refused, it is not kept as published.
        CopieDuDepot.publierCommeNouvelleVersion(readme.getParent());
        Files.writeString(readme, original(readme));
        Path nouvelle = readme.getParent().resolveSibling("2026.2");
        CopieDuDepot.ajouterUneJointureQuadratique(nouvelle);
        HttpResponse<String> quadratique = recharger("admin");
        assertThat(quadratique.statusCode()).isEqualTo(422);
        assertThat(Json.MAPPER.readTree(quadratique.body()).get("detail").asString())
                .contains("pack metropole-rouen-normandie@2026.2, [MRN-AN-900] regles/doublons.cas.yaml")
                .contains("croît plus vite que les logements").contains("la croissance vient des règles de ce pack");
        assertThat(empreinteRouen(evaluerRouen())).isEqualTo(avant);

        // The change published as a new version serves at once, and what is sealed on it can be replayed.
        Files.delete(nouvelle.resolve("regles/doublons.drl"));
        Files.delete(nouvelle.resolve("regles/doublons.cas.yaml"));
        Files.writeString(nouvelle.resolve("surcharges.yaml"), original(readme.resolveSibling("surcharges.yaml")));
        HttpResponse<String> accepte = recharger("admin");
        JsonNode apres = evaluerRouen();

        assertThat(accepte.statusCode()).isEqualTo(200);
        assertThat(accepte.body()).contains("metropole-rouen-normandie@2026.2");
        assertThat(apres.get("territoire").get("packs").get(2).get("version").asString()).isEqualTo("2026.2");
        assertThat(empreinteRouen(apres)).isNotEqualTo(avant);
        // The printed sheet of the rules in force follows at once, though the one of 2026.1 was printed (and kept) before.
        assertThat(ficheRouen()).contains("(metropole-rouen-normandie@2026.2)").doesNotContain("metropole-rouen-normandie@2026.1)");
        String dossier = ClientHttp.appeler(port, "POST", "/api/v1/dossiers", "bailleur", dossierRouen(), null).body();
        HttpResponse<String> scellee = ClientHttp.appeler(port, "POST",
                "/api/v1/dossiers/" + Json.MAPPER.readTree(dossier).get("id").asString() + "/evaluations", "bailleur", null, null);
        assertThat(Json.MAPPER.readTree(scellee.body()).get("resultat").get("territoire").get("packs").get(2).get("version")
                .asString()).isEqualTo("2026.2");
        HttpResponse<String> verification = ClientHttp.appeler(port, "GET",
                "/api/v1/evaluations/" + Json.MAPPER.readTree(scellee.body()).get("id").asString() + "/verification", "bailleur", null, null);
        assertThat(verification.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(verification.body()).get("concorde").asBoolean()).isTrue();
        // Not yet in versions.lock, 2026.2 is a draft tried on this service: served, and said so in the log; edited
        // again, it is refused, with the ways to try a draft that changes.
        assertThat(brouillons.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(l -> assertThat(l).startsWith("Versions servies sans être publiées (absentes de territories/versions.lock)")
                        .contains("metropole-rouen-normandie@2026.2"));
        Path surcharges = nouvelle.resolve("surcharges.yaml");
        String publiees = Files.readString(surcharges);
        Files.writeString(surcharges, publiees + "\n# retouche\n");
        HttpResponse<String> brouillonRetouche = recharger("admin");
        assertThat(brouillonRetouche.statusCode()).isEqualTo(422);
        assertThat(Json.MAPPER.readTree(brouillonRetouche.body()).get("detail").asString())
                .contains("metropole-rouen-normandie@2026.2 : ce service a déjà importé cette version avec un autre contenu")
                .contains("evaluer --packs").contains("ou redémarrer ce service : ses données sont éphémères, il servira le brouillon"
                        + " modifié");
        Files.writeString(surcharges, publiees);
        JsonNode publications = Json.MAPPER.readTree(ClientHttp.appeler(port, "GET", "/api/v1/journal", "admin", null, null).body());
        assertThat(publications.findParents("action")).filteredOn(l -> l.get("action").asString().equals("IMPORT_PACK"))
                .extracting(l -> l.get("qui").asString() + " " + l.get("objet").asString())
                .contains("admin metropole-rouen-normandie@2026.2", "systeme metropole-rouen-normandie@2026.1");

        // A version withdrawn from the files is no longer served, but what was sealed on it still replays, from the
        // database: its chain is compiled apart from the served ones.
        try (var fichiers = Files.walk(readme.getParent())) {
            for (Path f : fichiers.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
        HttpResponse<String> retrait = recharger("admin");
        assertThat(retrait.statusCode()).isEqualTo(200);
        assertThat(retrait.body()).doesNotContain("metropole-rouen-normandie@2026.1");
        HttpResponse<String> surLaVersionRetiree = ClientHttp.appeler(port, "GET",
                "/api/v1/evaluations/" + scelleeSurLaPremiereVersion + "/verification", "bailleur", null, null);
        assertThat(surLaVersionRetiree.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(surLaVersionRetiree.body()).get("concorde").asBoolean()).isTrue();

        // The operators' side: who reloaded, what was refused and why, what now serves.
        journal.detachAppender(lignes);
        ((Logger) LoggerFactory.getLogger(PacksDuService.class)).detachAppender(brouillons);
        journal.setLevel(niveau);
        assertThat(lignes.list).extracting(e -> e.getLevel() + " " + e.getFormattedMessage())
                .filteredOn(l -> !l.startsWith("WARN Après le rechargement")).satisfiesExactly(
                refus -> assertThat(refus).startsWith("WARN Rechargement demandé par admin refusé")
                        .contains("metropole-rouen-normandie@2026.1, regles/permis.drl ligne 15"),
                contenuModifie -> assertThat(contenuModifie).startsWith("WARN Rechargement demandé par admin refusé")
                        .contains("publier une nouvelle version"),
                croissance -> assertThat(croissance).startsWith("WARN Rechargement demandé par admin refusé")
                        .contains("metropole-rouen-normandie@2026.2, [MRN-AN-900]"),
                succes -> assertThat(succes).startsWith("INFO Packs rechargés par admin : national@")
                        .contains("metropole-rouen-normandie@2026.2"),
                brouillon -> assertThat(brouillon).startsWith("WARN Rechargement demandé par admin refusé")
                        .contains("ce service a déjà importé cette version"),
                sansLaPremiere -> assertThat(sansLaPremiere).startsWith("INFO Packs rechargés par admin : national@")
                        .doesNotContain("metropole-rouen-normandie@2026.1"));
    }
}
