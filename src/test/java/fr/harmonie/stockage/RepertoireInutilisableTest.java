package fr.harmonie.stockage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.harmonie.HarmonieApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Un HARMONIE_DATA_DIR inutilisable (une faute de frappe qui désigne un fichier, un disque monté en lecture seule)
 * arrête le démarrage, et l'exploitant lit en tête du rapport, en français, quel répertoire, pourquoi et quoi faire.
 */
@ExtendWith(OutputCaptureExtension.class)
class RepertoireInutilisableTest {

    @Test
    void unRepertoireDeDonneesQuiEstUnFichierArreteLeServiceAvecUneErreurFrancaise(@TempDir Path dossier, CapturedOutput sortie)
            throws Exception {
        Path fichier = Files.writeString(dossier.resolve("donnees"), "pas un répertoire");

        assertThatThrownBy(() -> new SpringApplicationBuilder(HarmonieApplication.class).run("--server.port=0",
                "--harmonie.donnees.ephemeres=false", "--harmonie.donnees.repertoire=" + fichier))
                .hasRootCauseInstanceOf(java.nio.file.FileAlreadyExistsException.class);

        assertThat(sortie.getAll()).contains("APPLICATION FAILED TO START")
                .contains("Le répertoire de données " + fichier + " n'est pas utilisable par le PostgreSQL embarqué : "
                        + fichier + " existe et n'est pas un répertoire.")
                .contains("HARMONIE_DATA_DIR").contains("SPRING_DATASOURCE_URL");
        assertThat(Files.readString(fichier)).isEqualTo("pas un répertoire");
    }
}
