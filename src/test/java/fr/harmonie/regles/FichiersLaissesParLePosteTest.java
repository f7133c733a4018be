package fr.harmonie.regles;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.territoires.VersionsPubliees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Une DREAL ouvre le dossier d'une version publiée dans le Finder ou l'Explorateur, ou l'édite avec vim ou emacs : le
 * poste y laisse ses fichiers (.DS_Store, Thumbs.db, sauvegardes). Le pack reste le même, avec la même empreinte :
 * avant, {@code verifier --packs .} et un rechargement le disaient « changé depuis sa publication ».
 */
class FichiersLaissesParLePosteTest {

    @TempDir
    Path copie;

    @Test
    void lesFichiersDuPosteNeFontPasPartieDuPackEtNeChangentPasSonEmpreinte() throws Exception {
        Path publiee = Path.of("territories/region-84/2026.1");
        try (Stream<Path> fichiers = Files.walk(publiee)) {
            for (Path f : (Iterable<Path>) fichiers::iterator) {
                Path cible = copie.resolve(publiee.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(cible);
                } else {
                    Files.copy(f, cible);
                }
            }
        }
        for (String parasite : new String[] {".DS_Store", "._pack.yaml", "Thumbs.db", "desktop.ini", "README.md~",
                "#surcharges.yaml#", "regles/.calendrier.cas.yaml.swp", ".idea/workspace.xml"}) {
            Files.createDirectories(copie.resolve(parasite).getParent());
            Files.writeString(copie.resolve(parasite), "laissé par le poste");
        }

        FichiersPack lus = FichiersPack.depuisDossier(copie);
        assertThat(lus.fichiers().keySet()).isEqualTo(FichiersPack.depuisDossier(publiee).fichiers().keySet())
                .contains("pack.yaml", "README.md", "surcharges.yaml");
        Pack pack = LecteurPack.lire(lus);
        assertThat(pack.reference()).isEqualTo("region-84@2026.1");
        assertThat(VersionsPubliees.de(Path.of(".")).ecart(pack)).isNull();
    }
}
