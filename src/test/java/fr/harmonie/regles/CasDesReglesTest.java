package fr.harmonie.regles;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.dossier.LecteurDossier;
import fr.harmonie.regles.cas.EcartCas;
import fr.harmonie.regles.cas.ExecuteurCas;
import fr.harmonie.regles.cas.LecteurCas;
import fr.harmonie.territoires.ChargeurPacks;
import fr.harmonie.territoires.Geographie;
import fr.harmonie.territoires.RegistrePacks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Le harnais unique: pour chaque pack (le socle et chaque version de chaque pack territorial), joue chacun de ses cas
 * sur la chaîne qui finit par ce pack, et refuse une règle ou une surcharge sans ses deux cas.
 */
class CasDesReglesTest {

    private static final RegistrePacks REGISTRE = ChargeurPacks.charger(Path.of("."), Geographie.chargerEmbarquee());
    private static final LecteurDossier LECTEUR = new LecteurDossier();

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
            cas.forEach(c -> tests.add(DynamicTest.dynamicTest("[" + c.regle() + "] " + c.nom(), () -> {
                EcartCas verdict = executeur.jouer(c);
                assertThat(verdict.ecarts()).as(c.fichier() + " : " + c.nom()).isEmpty();
            })));
            packs.add(DynamicContainer.dynamicContainer(pack.reference(), tests));
        }
        return packs.stream();
    }
}
