package fr.harmonie.contrat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.harmonie.catalogue.CataloguePieces;
import fr.harmonie.catalogue.EntreeCatalogue;
import fr.harmonie.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Harmonie porte sa propre copie du contrat (schémas, catalogue des pièces) pour ne jamais dépendre de ../shared;
 * quand ce dossier de référence est là, la copie doit lui être fidèle.
 */
class CopieDuContratTest {

    private static final Path SHARED = Path.of("..", "shared", "spec");

    @Test
    void lesSchemasSontCeuxDuContrat() throws Exception {
        assumeTrue(Files.isDirectory(SHARED), "../shared absent : rien à comparer");
        for (String schema : new String[] {"dossier.schema.json", "evaluation.schema.json"}) {
            assertThat(Json.MAPPER.readTree(Files.readString(Path.of("src/main/resources/contrat", schema))))
                    .as(schema).isEqualTo(Json.MAPPER.readTree(Files.readString(SHARED.resolve(schema))));
        }
    }

    @Test
    void leCatalogueDesPiecesReprendCeluiDuContratDansLeMemeOrdre() throws Exception {
        assumeTrue(Files.isDirectory(SHARED), "../shared absent : rien à comparer");
        CataloguePieces reference = CataloguePieces.lireCsv("shared", Files.readString(SHARED.resolve("pieces.csv")));
        CataloguePieces copie = CataloguePieces.lireCsv("rules", Files.readString(Path.of("rules/catalogue/pieces.csv")));

        assertThat(copie.entrees()).extracting(EntreeCatalogue::code, EntreeCatalogue::libelle, EntreeCatalogue::attendus,
                EntreeCatalogue::reference).containsExactlyElementsOf(reference.entrees().stream()
                .map(e -> org.assertj.core.groups.Tuple.tuple(e.code(), e.libelle(), e.attendus(), e.reference())).toList());
    }
}
