package fr.harmonie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.CopieDuDepot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Qui édite un pack joue ses cas avec le jar seul, sans Maven: ce qui passe, ce qui casse et où, et un code de sortie. */
class CommandeVerifierTest {

    private final ByteArrayOutputStream sortie = new ByteArrayOutputStream();
    private final ByteArrayOutputStream erreurs = new ByteArrayOutputStream();

    private int lancer(String... args) {
        sortie.reset();
        erreurs.reset();
        return Commandes.executer(args, new ByteArrayInputStream(new byte[0]),
                new PrintStream(sortie, true, StandardCharsets.UTF_8), new PrintStream(erreurs, true, StandardCharsets.UTF_8));
    }

    @Test
    void lesCasDesPacksNommesPassentTous() {
        int code = lancer("verifier", "region-84", "metropole-rouen-normandie");

        String rapport = sortie.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(rapport).containsPattern("region-84@2025\\.1 : \\d+ cas, tous passent")
                .containsPattern("region-84@2026\\.1 : \\d+ cas, tous passent")
                .containsPattern("metropole-rouen-normandie@2026\\.1 : \\d+ cas, tous passent")
                .contains("aucun problème").doesNotContain("national@")
                .containsPattern("metropole-rouen-normandie@2026\\.1 : \\d+ cas, tous passent\n  croissance : 1 règle\\(s\\) mesurée\\(s\\)");
        assertThat(erreurs.size()).isZero();
    }

    @Test
    void uneJointureQuiCroitAvecLeCarreDesLogementsEstSignaleeAvantQueLeServiceNeLaRencontre(@TempDir Path dir) throws Exception {
        Path depot = CopieDuDepot.dans(dir);
        Path pack = depot.resolve("territories/metropole-rouen-normandie/2026.1");
        // Each logement joined with every logement before it of the same designation, then the first of them kept: its
        // cases pass, and one tuple per pair is built before the "not" filters them (128 million at 16 000 logements).
        Files.writeString(pack.resolve("regles/doublons.drl"), """
                package harmonie.metropole_rouen_normandie;
                import fr.harmonie.regles.faits.*;

                rule "Une désignation reprise est signalée avec le premier logement qui la porte"
                    @id("MRN-AN-900")
                    @reference("Tableau des surfaces par logement")
                    @anomaliePosee("DESIGNATION_EN_DOUBLE")
                    ruleflow-group "anomalies"
                when
                    $g : LogementFait($designation : designation, $rang : rang)
                    $premier : LogementFait(designation == $designation, rang < $rang)
                    not LogementFait(designation == $designation, rang < $premier.rang)
                then
                    insert(new Anomalie("DESIGNATION_EN_DOUBLE", Gravite.MINEURE, $g.pointeur("designation"),
                        "Désignation « " + $designation + " » reprise", drools.getRule()));
                end
                """);
        Files.writeString(pack.resolve("regles/doublons.cas.yaml"), """
                dossier: programmation
                cas:
                  - regle: MRN-AN-900
                    nom: Deux logements de même désignation
                    modifier: { /operation/commune/codeInsee: "76540", /operation/lots/0/logements/1/designation: P01 }
                    declenche: true
                  - regle: MRN-AN-900
                    nom: Des désignations distinctes
                    modifier: { /operation/commune/codeInsee: "76540" }
                    declenche: false
                """);
        Files.writeString(pack.resolve("surcharges.yaml"), Files.readString(pack.resolve("surcharges.yaml")) + """
                  - id: MRN-AN-900
                    code: DESIGNATION_EN_DOUBLE
                    gravite: MINEURE
                    motif: "Un logement, une ligne."
                    source: "Tableau des surfaces par logement"
                """);

        int code = lancer("verifier", "--packs", depot.toString(), "metropole-rouen-normandie");

        String rapport = sortie.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(3);
        assertThat(rapport).contains("metropole-rouen-normandie@2026.1 : 8 cas, 1 problème(s) :")
                .contains("[MRN-AN-900] L'évaluation croît plus vite que les logements : sur le cas « Deux logements de même"
                        + " désignation », 250 puis 1000 logements tous de même désignation")
                .contains("Sur la chaîne de son parent (region-28@2026.1)")
                .contains("la croissance vient des règles de ce pack");
    }

    @Test
    void unCasQuiNePassePlusEstNommeAvecSonFichierEtCeQuiDiffere(@TempDir Path dir) throws Exception {
        Path depot = CopieDuDepot.dans(dir);
        Path cas = depot.resolve("territories/region-84/2026.1/regles/surcharges.cas.yaml");
        // The author expects the late-deposit notice to be MINEURE, which the pack's rule does not say.
        Files.writeString(cas, Files.readString(cas).replace("code: DEPOT_TARDIF, gravite: INFO", "code: DEPOT_TARDIF, gravite: MINEURE"));

        int code = lancer("verifier", "--packs", depot.toString(), "region-84");

        String rapport = sortie.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(3);
        assertThat(rapport).containsPattern("region-84@2025\\.1 : \\d+ cas, tous passent")
                .contains("region-84@2026.1 : ").contains("1 problème(s) :")
                .contains("[R84-CA-001] regles/surcharges.cas.yaml : « Un dossier daté du 15 décembre 2026 reçoit l'avis de dépôt tardif »")
                .contains("gravite=MINEURE").contains("DEPOT_TARDIF INFO /dateReference");

        assertThat(lancer("verifier", "--packs", depot.toString(), "region-99")).isEqualTo(2);
        assertThat(erreurs.toString(StandardCharsets.UTF_8)).contains("aucun pack ne porte l'identifiant region-99");
    }
}
