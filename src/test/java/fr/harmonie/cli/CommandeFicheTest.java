package fr.harmonie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.rapport.TexteDuPdf;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * La DREAL Auvergne-Rhône-Alpes prépare la version 2027 de son pack et, avant de la publier, imprime la fiche des
 * règles qu'elle diffusera : celle du dépôt en cours d'édition, pas celle du service.
 */
class CommandeFicheTest {

    private final ByteArrayOutputStream sortie = new ByteArrayOutputStream();
    private final ByteArrayOutputStream erreurs = new ByteArrayOutputStream();

    private int executer(String... args) {
        return Commandes.executer(args, new ByteArrayInputStream(new byte[0]),
                new PrintStream(sortie, true, StandardCharsets.UTF_8), new PrintStream(erreurs, true, StandardCharsets.UTF_8));
    }

    @Test
    void laFicheDUneVersionPasEncorePublieeSeLitAvantSaPublication(@TempDir Path dir) throws Exception {
        Path depot = CommandeComparerTest.depotAvecUneNouvelleVersion(dir.resolve("depot"), "2027.1", "2027-01-01");
        Path brouillon = dir.resolve("brouillon.pdf");
        Path enService = dir.resolve("en-service.pdf");

        assertThat(executer("fiche", "--packs", depot.toString(), "--date", "2027-01-15", "region-84", brouillon.toString()))
                .as(erreurs.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(executer("fiche", "--date", "2027-01-15", "region-84", enService.toString())).isZero();

        assertThat(sortie.toString(StandardCharsets.UTF_8)).contains("region-84@2027.1").contains(brouillon.toString());
        assertThat(TexteDuPdf.lire(Files.readAllBytes(brouillon))).startsWith("Règles en vigueur le 15 janvier 2027")
                .contains("(region-84@2027.1)", "Pièce exigée Géolocalisation ou plan de situation (LOCALISATION), bloquante, en programmation.");
        assertThat(TexteDuPdf.lire(Files.readAllBytes(enService))).contains("(region-84@2026.1)").doesNotContain("2027.1", "R84-PJ-002");
    }

    @Test
    void uneFicheImpossibleDitPourquoi(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("fiche.pdf");
        assertThat(executer("fiche", "region84", pdf.toString())).isEqualTo(2);
        assertThat(erreurs.toString(StandardCharsets.UTF_8)).contains("aucun pack ne porte l'identifiant « region84 »", "region-84");
        erreurs.reset();
        assertThat(executer("fiche", "--date", "1999-06-01", "region-84", pdf.toString())).isEqualTo(2);
        assertThat(erreurs.toString(StandardCharsets.UTF_8)).startsWith("Erreur : ");
        erreurs.reset();
        assertThat(executer("fiche", "region-84")).isEqualTo(2);
        assertThat(erreurs.toString(StandardCharsets.UTF_8)).startsWith("Usage : java -jar harmonie.jar fiche");
        assertThat(executer("fiche", "region-84", dir.resolve("absent/fiche.pdf").toString())).isEqualTo(Commandes.SORTIE_NON_ECRITE);
        assertThat(Files.exists(pdf)).isFalse();
    }
}
