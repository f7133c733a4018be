package fr.harmonie.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.dossier.Dossier;
import fr.harmonie.dossier.LecteurDossier;
import fr.harmonie.dossier.Operation.Nature;
import fr.harmonie.dossier.Phase;
import fr.harmonie.dossier.Produit;
import fr.harmonie.json.Json;
import fr.harmonie.territoires.ChargeurPacks;
import fr.harmonie.territoires.Geographie;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Les dossiers de référence (src/test/resources/golden): une histoire en français, un dossier, et l'instantané
 * approuvé de ce qu'en dit Harmonie. Pour approuver un changement voulu :
 * {@code ./mvnw test -Dtest=DossiersDeReferenceTest -Dgolden.approuver=true}, puis relire le diff.
 */
class DossiersDeReferenceTest {

    private static final Path RACINE = Path.of("src/test/resources/golden");
    private static final LecteurDossier LECTEUR = new LecteurDossier();
    private static final Evaluateur EVALUATEUR = new Evaluateur(
            ChargeurPacks.charger(Path.of("."), Geographie.chargerEmbarquee()), Clock.systemUTC());

    @TestFactory
    Stream<DynamicTest> chaqueDossierDonneLeResultatApprouve() throws IOException {
        return dossiers().stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            assertThat(dir.resolve("histoire.md")).exists();
            byte[] entree = Files.readAllBytes(dir.resolve("dossier.json"));
            Resultat r = EVALUATEUR.evaluer(LECTEUR.lire(entree));
            String json = Json.MAPPER.writeValueAsString(r);
            assertThat(SchemaResultat.ecarts(json)).isEmpty();
            assertThat(EVALUATEUR.evaluer(LECTEUR.lire(entree)).empreinte()).isEqualTo(r.empreinte());

            String instantane = instantane(json);
            Path approuve = dir.resolve("resultat.approuve.json");
            if (Boolean.getBoolean("golden.approuver")) {
                Files.writeString(approuve, instantane, StandardCharsets.UTF_8);
            }
            assertThat(approuve).as("instantané approuvé absent : lancer avec -Dgolden.approuver=true").exists();
            assertThat(instantane).isEqualTo(Files.readString(approuve, StandardCharsets.UTF_8));
        }));
    }

    @Test
    void lesDossiersCouvrentChaqueNatureChaqueProduitEtLesDeuxPhases() throws IOException {
        Set<Nature> natures = EnumSet.noneOf(Nature.class);
        Set<Produit> produits = EnumSet.noneOf(Produit.class);
        Set<Phase> phases = EnumSet.noneOf(Phase.class);
        for (Path dir : dossiers()) {
            Dossier d = LECTEUR.lire(Files.readAllBytes(dir.resolve("dossier.json")));
            natures.add(d.operation().nature());
            d.operation().lots().forEach(l -> produits.add(l.produit()));
            phases.add(d.phase());
        }
        assertThat(dossiers()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(natures).containsExactlyInAnyOrder(Nature.values());
        assertThat(produits).containsExactlyInAnyOrder(Produit.values());
        assertThat(phases).containsExactlyInAnyOrder(Phase.values());
    }

    /** What users rely on, without the receipts and the trace, which change with any edit of a pack. */
    private static String instantane(String json) {
        ObjectNode r = (ObjectNode) Json.MAPPER.readTree(json);
        r.remove("empreinte");
        r.remove("trace");
        for (JsonNode p : r.get("territoire").get("packs")) {
            ((ObjectNode) p).remove("empreinte");
        }
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(r) + "\n";
    }

    private static List<Path> dossiers() throws IOException {
        try (Stream<Path> s = Files.list(RACINE)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }
}
