package fr.harmonie.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A dossier that is not JSON, written by hand or exported by a system with a bug: the slip is named and the text
 * around it quoted, not only « caractère ou valeur inattendu » at a line and column.
 */
class JsonMalFormeTest {

    private static final LecteurDossier LECTEUR = new LecteurDossier();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # la faute                 | dans le fichier, au lieu de                        | on écrit                                           | ce qu'on lit
            une virgule décimale       | "surfaceHabitable": 62.0                          | "surfaceHabitable": 62,5                          | (ligne 45, colonne 36) : un nombre s'écrit avec un point décimal, pas une virgule (62.5 et non 62,5). Près de : « T3", "surfaceHabitable": 62,5, "surf »
            des guillemets simples     | "reference": "EX-DIJON-2026-01"                   | 'reference': 'EX-DIJON-2026-01'                   | pas simples. Près de : « { "formatVersion": "1", 'reference'
            des guillemets de Word     | "reference": "EX-DIJON-2026-01"                   | “reference”: "EX-DIJON-2026-01"                   | guillemets typographiques (« “ »), comme en ajoute un traitement de texte : écrire des guillemets droits ("…"). Près de : « { "formatVersion": "1", “reference”
            une virgule en trop        | "famille": "ESH"                                  | "famille": "ESH",                                 | une virgule en trop avant « } » : la retirer après le dernier élément
            un commentaire             | "formatVersion": "1",                             | "formatVersion": "1", // format 1                 | le JSON n'admet pas de commentaire
            True à la Python           | "ascenseur": true                                 | "ascenseur": True                                 | « True » : true, false et null s'écrivent en minuscules
            NaN d'un tableur           | "surfaceHabitable": 62.0                          | "surfaceHabitable": NaN                           | « NaN » n'est pas un nombre JSON
            un texte sans guillemets   | "famille": "ESH"                                  | "famille": ESH                                    | « ESH » n'est pas une valeur JSON : un texte s'écrit entre guillemets droits
            """)
    void laFauteEstNommeeEtLeTexteAutourCite(String faute, String avant, String apres, String lu) throws Exception {
        String exemple = Files.readString(Path.of("src/test/resources/exemples/construction-neuve-dijon.json"));
        String dossier = exemple.replaceFirst(java.util.regex.Pattern.quote(avant), java.util.regex.Matcher.quoteReplacement(apres));
        assertThat(dossier).isNotEqualTo(exemple);

        DossierInvalideException refus = catchThrowableOfType(DossierInvalideException.class,
                () -> LECTEUR.lire(dossier.getBytes(StandardCharsets.UTF_8)));

        assertThat(refus.titre()).isEqualTo("JSON mal formé");
        assertThat(refus.getMessage()).startsWith("Le dossier n'est pas un JSON valide (ligne ").contains(lu);
    }
}
