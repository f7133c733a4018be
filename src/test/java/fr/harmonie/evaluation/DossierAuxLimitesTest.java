package fr.harmonie.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import fr.harmonie.dossier.Dossier;
import fr.harmonie.dossier.LecteurDossier;
import fr.harmonie.json.Json;
import fr.harmonie.territoires.ChargeurPacks;
import fr.harmonie.territoires.Geographie;
import fr.harmonie.territoires.RegistrePacks;
import fr.harmonie.web.CorpsBorne;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Le plus gros dossier que le contrat admet (8 lots de 2 000 logements, 50 ressources, 200 pièces), avec la même
 * désignation pour tous les logements: 15 999 anomalies. Un bailleur qui se trompe ainsi reçoit son résultat, et le
 * service reste debout. Il passe par la chaîne de chaque pack du dépôt: une règle territoriale dont la jointure croît
 * avec le carré des logements engorgerait le service sans qu'aucune règle ne se déclenche sans fin.
 */
public class DossierAuxLimitesTest {

    /** The largest dossier the contract admits, with 15 999 anomalies: also sent to a service with a small heap. */
    public static ObjectNode lePlusGros() throws IOException {
        ObjectNode d = (ObjectNode) Json.MAPPER.readTree(Files.readAllBytes(Path.of("src/test/resources/golden/01-construction-neuve-dijon/dossier.json")));
        ArrayNode lots = (ArrayNode) d.get("operation").get("lots");
        ObjectNode modeleLot = (ObjectNode) lots.get(0);
        ObjectNode modeleLogement = (ObjectNode) modeleLot.get("logements").get(0);
        lots.removeAll();
        for (int i = 0; i < 8; i++) {
            ObjectNode lot = modeleLot.deepCopy();
            ArrayNode logements = lot.putArray("logements");
            for (int j = 0; j < 2_000; j++) {
                logements.add(modeleLogement.deepCopy().put("designation", "A1"));
            }
            lots.add(lot);
        }
        ArrayNode ressources = (ArrayNode) d.get("operation").get("financement").get("ressources");
        ObjectNode ressource = (ObjectNode) ressources.get(0);
        while (ressources.size() < 50) {
            ressources.add(ressource.deepCopy());
        }
        ArrayNode pieces = (ArrayNode) d.get("pieces");
        ObjectNode piece = (ObjectNode) pieces.get(0);
        while (pieces.size() < 200) {
            pieces.add(piece.deepCopy());
        }
        assertThat(Json.MAPPER.writeValueAsBytes(d).length).as("le dossier passe la limite de corps de l'API")
                .isLessThan(CorpsBorne.LIMITE);
        return d;
    }

    @TestFactory
    Stream<DynamicTest> seizeMilleAnomaliesSEvaluentSansEngorgerLeMoteurSurChaqueChaine() throws Exception {
        ObjectNode d = lePlusGros();
        RegistrePacks registre = ChargeurPacks.charger(Path.of("."), Geographie.chargerEmbarquee());
        Evaluateur evaluateur = new Evaluateur(registre, Clock.systemUTC());
        // Each pack named as the dossier's territoire: its chain is the one used, whatever the commune.
        Set<String> idsDesPacks = new TreeSet<>();
        registre.chainesDesPacks().forEach(chaine -> idsDesPacks.add(chaine.get(chaine.size() - 1).id()));
        return idsDesPacks.stream().map(id -> DynamicTest.dynamicTest(id, () -> {
            ObjectNode pourLePack = d.deepCopy();
            if (!id.equals("national")) {
                pourLePack.put("territoire", id);
            }
            Dossier dossier = new LecteurDossier().lire(Json.MAPPER.writeValueAsBytes(pourLePack));

            // A guard against a hang, not a speed check: this takes a second or two; the per-anomaly form of the
            // quality rule took minutes and ran out of memory, and so did a join of each logement with all those before.
            Resultat r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> evaluateur.evaluer(dossier));

            assertThat(r.territoire().code()).isEqualTo(id);
            assertThat(r.anomalies().stream().filter(a -> a.code().equals("DESIGNATION_EN_DOUBLE"))).hasSize(15_999);
            assertThat(r.maturite().dimensions()).filteredOn(m -> m.code().equals("QUALITE"))
                    .singleElement().satisfies(q -> assertThat(q.points()).isZero());
        }));
    }
}
