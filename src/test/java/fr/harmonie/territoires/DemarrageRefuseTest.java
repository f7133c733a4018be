package fr.harmonie.territoires;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.harmonie.HarmonieApplication;
import fr.harmonie.regles.PackInvalideException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Des packs introuvables ou refusés empêchent le démarrage, et l'exploitant lit pourquoi en tête du rapport. */
@ExtendWith(OutputCaptureExtension.class)
class DemarrageRefuseTest {

    @Test
    void unCheminDePacksFauxArreteLeServiceAvecUneErreurFrancaise(@TempDir Path vide, CapturedOutput sortie) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(HarmonieApplication.class).run("--server.port=0",
                "--harmonie.donnees.ephemeres=true", "--harmonie.packs.racine=" + vide))
                .hasRootCauseInstanceOf(PackInvalideException.class);

        // Not the jar's packs served unnoticed: the report says which path and which property.
        assertThat(sortie.getAll()).contains("APPLICATION FAILED TO START")
                .contains("Les packs de règles ne passent pas la vérification")
                .contains(vide + " ne contient pas de dossier rules/")
                .contains("harmonie.packs.racine");
    }
}
