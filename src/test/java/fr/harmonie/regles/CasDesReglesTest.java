package fr.harmonie.regles;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.dossier.LecteurDossier;
import fr.harmonie.regles.cas.Cas;
import fr.harmonie.regles.cas.EcartCas;
import fr.harmonie.regles.cas.ExecuteurCas;
import fr.harmonie.regles.cas.LecteurCas;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Le harnais unique: joue chaque cas de chaque règle du socle national, et refuse une règle sans cas. */
class CasDesReglesTest {

    private static final Pack NATIONAL = SocleNational.charger(Path.of("rules"));
    private static final ExecuteurCas EXECUTEUR = new ExecuteurCas(
            new SocleNational(NATIONAL).chaine(), new LecteurDossier());
    private static final List<Cas> CAS = LecteurCas.lire(NATIONAL);

    @TestFactory
    Stream<DynamicTest> chaqueCasDuSocleNational() {
        return CAS.stream().map(c -> DynamicTest.dynamicTest("[" + c.regle() + "] " + c.nom(), () -> {
            EcartCas verdict = EXECUTEUR.jouer(c);
            assertThat(verdict.ecarts()).as(c.fichier() + " : " + c.nom()).isEmpty();
        }));
    }

    @Test
    void chaqueRegleDuSocleAUnCasOuElleSeDeclencheEtUnOuNon() {
        assertThat(EXECUTEUR.reglesSansCas(CAS)).isEmpty();
    }
}
