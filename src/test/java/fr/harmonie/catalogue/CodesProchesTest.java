package fr.harmonie.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.catalogue.CodesProches.CodeProche;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The piece a bailleur meant by a code the national catalogue does not know, as bailleurs write them: named only when
 * one piece fits, never a guess between several.
 */
class CodesProchesTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', nullValues = "aucune", textBlock = """
            # code écrit                  | pièce du catalogue        | code SPLS
            A01                           | COURRIER_DEMANDE          | true
            a02                           | NOTE_DESCRIPTIVE          | true
            PLAN_DE_MASSE                 | PLAN_MASSE                | false
            PLANS_DE_MASSE                | PLAN_MASSE                | false
            PERMIS_DE_CONSTRUIRE          | PERMIS_CONSTRUIRE         | false
            AVIS_DES_DOMAINES             | AVIS_DOMAINES             | false
            GARANTIE_EMPRUNTS             | GARANTIE_EMPRUNT          | false
            PLAN_FINANCEMNT               | PLAN_FINANCEMENT          | false
            PERMIS_CONSTRUCTION           | PERMIS_CONSTRUIRE         | false
            ECHEANCIER_PREVISIONNEL       | ECHEANCIER                | false
            CONVENTION_USUFRUIT_LOCATIF   | CONVENTION_USUFRUIT       | false
            DIAGNOSTIC                    | DIAGNOSTIC_TECHNIQUE      | false
            COURRIER                      | COURRIER_DEMANDE          | false
            PLAN                          | aucune                    | false
            AVIS                          | aucune                    | false
            PHOTO_DRONE                   | aucune                    | false
            DPE                           | aucune                    | false
            A99                           | aucune                    | false
            """)
    void unCodeInconnuMeneALaPieceVoulueQuandUneSeuleConvient(String ecrit, String piece, boolean spls) throws Exception {
        CataloguePieces national = CataloguePieces.lireCsv("pieces.csv", Files.readString(Path.of("rules/catalogue/pieces.csv")));

        CodeProche proche = national.codeProche(ecrit);

        if (piece == null) {
            assertThat(proche).isNull();
        } else {
            assertThat(proche).isEqualTo(new CodeProche(piece, spls));
        }
    }
}
