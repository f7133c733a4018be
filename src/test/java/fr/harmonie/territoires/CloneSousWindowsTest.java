package fr.harmonie.territoires;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Une DREAL édite ses packs sous Windows, où Git convertit par défaut les fins de ligne ({@code core.autocrlf=true}).
 * Les packs et la géographie sont lus octet par octet (empreintes de {@code versions.lock}, reçus, provenance de
 * {@code geo/}) : sans {@code .gitattributes}, un tel clone voyait chaque version publiée « changée depuis sa
 * publication » et refusait la géographie. Le clone se fait ici depuis le dépôt, avec cette configuration.
 */
class CloneSousWindowsTest {

    @TempDir
    Path dossier;

    @Test
    void unCloneAvecAutocrlfGardeLesEmpreintesPublieesEtLaGeographie() throws Exception {
        assumeThat(Files.isDirectory(Path.of(".git"))).as("un dépôt git (pas une archive des sources)").isTrue();
        Path clone = dossier.resolve("clone");
        ProcessBuilder cloner = new ProcessBuilder("git", "-c", "core.autocrlf=true", "clone", "-q", "--no-hardlinks",
                Path.of(".").toAbsolutePath().normalize().toUri().toString(), clone.toString()).redirectErrorStream(true);
        Process git;
        try {
            git = cloner.start();
        } catch (IOException sansGit) {
            assumeThat(sansGit).as("git installé").isNull();
            return;
        }
        assertThat(git.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(git.exitValue()).as(new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();

        Path geo = clone.resolve("src/main/resources/geo");
        Geographie geographie = Geographie.charger(texte(geo, "communes.csv"), texte(geo, "epci.csv"),
                texte(geo, "codes-postaux.csv"), texte(geo, "communes-rattachees.csv"), texte(geo, "provenance.properties"));
        RegistrePacks registre = ChargeurPacks.charger(clone, geographie);
        assertThat(registre.references()).contains("national@2026.34", "metropole-rouen-normandie@2026.1");
        assertThat(VersionsPubliees.de(clone).ecarts(registre)).isEmpty();
    }

    private static String texte(Path geo, String fichier) throws IOException {
        return Files.readString(geo.resolve(fichier));
    }
}
