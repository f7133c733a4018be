package fr.harmonie.regles;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.dossier.LecteurDossier;
import fr.harmonie.regles.cas.CroissanceDesRegles;
import fr.harmonie.regles.cas.EcartCas;
import fr.harmonie.regles.cas.ExecuteurCas;
import fr.harmonie.regles.cas.LecteurCas;
import fr.harmonie.territoires.ChargeurPacks;
import fr.harmonie.territoires.CroissanceDesPacks;
import fr.harmonie.territoires.Geographie;
import fr.harmonie.territoires.RegistrePacks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Le harnais unique: pour chaque pack (le socle et chaque version de chaque pack territorial), joue chacun de ses cas
 * sur la chaîne qui finit par ce pack, refuse une règle ou une surcharge sans ses deux cas, et mesure la croissance
 * des règles DRL du pack avec le nombre de logements ({@link CroissanceDesRegles}).
 *
 * <p>Il joue aussi, pour une version déjà publiée, les cas ajoutés après coup dans
 * {@code src/test/resources/cas-ajoutes/<pack>/<version>/}: le contenu d'une version publiée ne change plus, mais ce
 * qu'elle fait peut encore être mieux gardé. Ces cas entrent dans le pack à sa version suivante.
 */
class CasDesReglesTest {

    private static final RegistrePacks REGISTRE = ChargeurPacks.charger(Path.of("."), Geographie.chargerEmbarquee());
    private static final LecteurDossier LECTEUR = new LecteurDossier();
    private static final Path CAS_AJOUTES = Path.of("src/test/resources/cas-ajoutes");

    @TestFactory
    Stream<DynamicNode> chaqueCasDeChaquePack() {
        List<DynamicNode> packs = new ArrayList<>();
        for (List<Pack> chaine : REGISTRE.chainesDesPacks()) {
            Pack pack = chaine.get(chaine.size() - 1);
            ExecuteurCas executeur = new ExecuteurCas(REGISTRE.chaine(chaine), LECTEUR, REGISTRE);
            var cas = LecteurCas.lire(pack);
            List<DynamicNode> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest("chaque règle a un cas où elle se déclenche et un où non",
                    () -> assertThat(executeur.reglesSansCas(cas)).isEmpty()));
            var ajoutes = LecteurCas.lire(pack.reference(), casAjoutes(pack));
            Stream.concat(cas.stream(), ajoutes.stream()).forEach(c -> tests.add(DynamicTest.dynamicTest("[" + c.regle() + "] " + c.nom(), () -> {
                EcartCas verdict = executeur.jouer(c);
                assertThat(verdict.ecarts()).as(c.fichier() + " : " + c.nom()).isEmpty();
            })));
            if (!pack.regles().isEmpty()) {
                // What the cases cannot show: a join that passes them and grows with the square of the logements.
                tests.add(DynamicTest.dynamicTest("ses règles croissent comme les logements, pas plus vite", () -> {
                    assertThat(CroissanceDesRegles.mesurable()).as("mémoire allouée par fil mesurable").isTrue();
                    var bilan = CroissanceDesPacks.mesurer(REGISTRE, chaine, executeur, cas, LECTEUR);
                    assertThat(bilan.problemes()).isEmpty();
                    assertThat(bilan.reglesMesurees()).isPositive();
                }));
            }
            packs.add(DynamicContainer.dynamicContainer(pack.reference(), tests));
        }
        return packs.stream();
    }

    @Test
    void lesCasAjoutesVisentUneVersionPublieeQuiExiste() throws IOException {
        Set<String> versions = new HashSet<>();
        REGISTRE.chainesDesPacks().forEach(chaine -> {
            Pack pack = chaine.get(chaine.size() - 1);
            versions.add(pack.manifeste().id() + "/" + pack.manifeste().version());
        });
        try (Stream<Path> dossiers = Files.list(CAS_AJOUTES)) {
            List<String> visees = dossiers.flatMap(CasDesReglesTest::sousDossiers)
                    .map(v -> CAS_AJOUTES.relativize(v).toString().replace('\\', '/'))
                    .toList();
            assertThat(visees).isNotEmpty();
            assertThat(versions).containsAll(visees);
        }
    }

    /** Les cas ajoutés à la version publiée {@code pack}, par nom de fichier (vide s'il n'y en a pas). */
    private static Map<String, String> casAjoutes(Pack pack) {
        Path dossier = CAS_AJOUTES.resolve(pack.manifeste().id()).resolve(pack.manifeste().version());
        Map<String, String> fichiers = new TreeMap<>();
        if (!Files.isDirectory(dossier)) {
            return fichiers;
        }
        try (Stream<Path> chemins = Files.list(dossier)) {
            for (Path f : chemins.filter(c -> c.toString().endsWith(".cas.yaml")).toList()) {
                fichiers.put(Path.of("src/test/resources").relativize(f).toString(), Files.readString(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fichiers;
    }

    private static Stream<Path> sousDossiers(Path dossier) {
        try {
            return Files.list(dossier).filter(Files::isDirectory).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
