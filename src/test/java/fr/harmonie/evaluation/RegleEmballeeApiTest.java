package fr.harmonie.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.ClientHttp;
import fr.harmonie.CopieDuDepot;
import fr.harmonie.ServiceDeTest;
import fr.harmonie.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A pack whose rule relaunches itself without end (it passed the checks: they compile rules, they do not run them):
 * a dossier of its territory gets a clear French error naming the rule, in bounded time, and the service goes on
 * judging the others.
 */
@ServiceDeTest
class RegleEmballeeApiTest {

    private static final Path DEPOT = avecUnPackQuiBoucle(CopieDuDepot.temporaire());

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void proprietes(DynamicPropertyRegistry r) {
        r.add("harmonie.packs.racine", DEPOT::toString);
    }

    private static Path avecUnPackQuiBoucle(Path depot) {
        try {
            Path pack = Files.createDirectories(depot.resolve("territories/ddt-29/2026.1/regles"));
            Files.writeString(pack.resolveSibling("pack.yaml"), """
                    id: ddt-29
                    libelle: DDTM du Finistère (essai)
                    niveau: DEPARTEMENT
                    parent: national
                    version: "2026.1"
                    validFrom: 2026-01-01
                    perimetre:
                      departements: ["29"]
                    sources: ["essai"]
                    """);
            Files.writeString(pack.resolveSibling("README.md"), "# Essai\n\nUne règle qui boucle.\n");
            Files.writeString(pack.resolveSibling("surcharges.yaml"), """
                    anomalies:
                      - { id: D29-AN-001, code: BOUCLE, gravite: MINEURE, motif: essai, source: essai }
                    """);
            Files.writeString(pack.resolve("boucle.drl"), """
                    package harmonie.ddt_29;
                    import fr.harmonie.regles.faits.*;
                    rule "Une règle qui se relance sans fin"
                        @id("D29-AN-001")
                        @reference("essai")
                        @anomaliePosee("BOUCLE")
                        ruleflow-group "anomalies"
                    when
                        $l : LotFait(zoneLoyer != "fin")
                    then
                        modify($l) { setZoneLoyer("x" + System.nanoTime()) }
                    end
                    """);
            Files.writeString(pack.resolve("boucle.cas.yaml"), """
                    dossier: agrement
                    cas:
                      - { regle: D29-AN-001, nom: boucle, declenche: true }
                      - { regle: D29-AN-001, nom: sans lot, modifier: { /operation/lots: [] }, declenche: false }
                    """);
            return depot;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> evaluer(String codeInsee) throws Exception {
        return ClientHttp.appeler(port, "POST", "/api/v1/evaluations", null, null,
                Files.readString(Path.of("rules/cas/agrement.json")).replace("\"21231\"", "\"" + codeInsee + "\""), null);
    }

    @Test
    void uneRegleEmballeeDonneUneErreurQuiLaNommeEtLeServiceContinue() throws Exception {
        HttpResponse<String> brest = evaluer("29019");

        assertThat(brest.statusCode()).isEqualTo(500);
        assertThat(brest.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode probleme = Json.MAPPER.readTree(brest.body());
        assertThat(probleme.get("title").asString()).isEqualTo("Évaluation interrompue : défaut d'un pack de règles");
        assertThat(probleme.get("detail").asString()).contains("Une règle qui se relance sans fin", "D29-AN-001", "ddt-29@2026.1");
        assertThat(evaluer("21231").statusCode()).isEqualTo(200);
    }
}
