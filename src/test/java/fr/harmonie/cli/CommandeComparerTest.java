package fr.harmonie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.CopieDuDepot;
import fr.harmonie.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * Une DREAL prépare une nouvelle version de son pack dans une copie du dépôt et voit, avant de la publier, ce qu'elle
 * change pour des dossiers réels: lesquels, et en quoi (pièces, anomalies, déposable).
 */
class CommandeComparerTest {

    private static final String EXEMPLES = "src/test/resources/exemples";

    private final ByteArrayOutputStream sortie = new ByteArrayOutputStream();
    private final ByteArrayOutputStream erreurs = new ByteArrayOutputStream();

    private int executer(String... args) {
        return Commandes.executer(args, new ByteArrayInputStream(new byte[0]),
                new PrintStream(sortie, true, StandardCharsets.UTF_8), new PrintStream(erreurs, true, StandardCharsets.UTF_8));
    }

    private List<JsonNode> lignes() {
        List<JsonNode> lignes = new ArrayList<>();
        sortie.toString(StandardCharsets.UTF_8).lines().forEach(l -> lignes.add(Json.MAPPER.readTree(l)));
        return lignes;
    }

    /**
     * region-84@2026.2, en vigueur au 1er juin 2026: la géolocalisation exigée dès la programmation, et l'avis de dépôt
     * tardif reformulé.
     */
    private static Path depotAvecUneVersion2026Point2(Path dir) throws IOException {
        return depotAvecUneNouvelleVersion(dir, "2026.2", "2026-06-01");
    }

    /** Une nouvelle version de region-84, copiée de 2026.1 avec ces deux changements, en vigueur à partir de ce jour. */
    static Path depotAvecUneNouvelleVersion(Path dir, String version, String validFrom) throws IOException {
        Path depot = CopieDuDepot.dans(dir);
        Path v1 = depot.resolve("territories/region-84/2026.1");
        Path v2 = depot.resolve("territories/region-84/" + version);
        FileSystemUtils.copyRecursively(v1, v2);
        remplacer(v2.resolve("pack.yaml"), "version: \"2026.1\"", "version: \"" + version + "\"");
        remplacer(v2.resolve("pack.yaml"), "validFrom: 2026-01-01", "validFrom: " + validFrom);
        remplacer(v2.resolve("surcharges.yaml"), "calendrier:", """
                  - id: R84-PJ-002
                    code: LOCALISATION
                    bloquante: true
                    quand: { phases: [PROGRAMMATION] }
                    motif: "Situer l'opération dès la programmation."
                    source: "DREAL AURA, essai"
                calendrier:""");
        remplacer(v2.resolve("surcharges.yaml"), "invite à déposer plus tôt", "demande de déposer plus tôt");
        String lendemain = java.time.LocalDate.parse(validFrom).plusDays(1).toString();
        Files.writeString(v2.resolve("regles/surcharges.cas.yaml"), Files.readString(v2.resolve("regles/surcharges.cas.yaml")) + """
                  - regle: R84-PJ-002
                    nom: En programmation à Grenoble, la géolocalisation est exigée
                    dossier: programmation
                    modifier: { /operation/commune/codeInsee: "38185", /dateReference: "%1$s" }
                    declenche: true
                    pieces: [{ code: LOCALISATION, bloquante: true, statut: MANQUANTE }]
                  - regle: R84-PJ-002
                    nom: À l'agrément, c'est le socle qui l'exige
                    modifier: { /operation/commune/codeInsee: "38185", /dateReference: "%1$s" }
                    declenche: false
                """.formatted(lendemain));
        return depot;
    }

    private static void remplacer(Path fichier, String avant, String apres) throws IOException {
        String texte = Files.readString(fichier);
        assertThat(texte).contains(avant);
        Files.writeString(fichier, texte.replace(avant, apres));
    }

    @Test
    void uneNouvelleVersionDuPackMontreLesDossiersQuElleChangeEtEnQuoi(@TempDir Path dir) throws Exception {
        Path depot = depotAvecUneVersion2026Point2(dir);

        int code = executer("comparer", "--packs", depot.toString(), EXEMPLES);

        assertThat(code).as(erreurs.toString(StandardCharsets.UTF_8)).isEqualTo(1);
        List<JsonNode> lignes = lignes();
        assertThat(lignes).extracting(l -> Path.of(l.get("fichier").asString()).getFileName().toString()).containsExactly(
                "construction-neuve-dijon.json", "programmation-grenoble.json", "vefa-limoges-permis-non-depose.json");
        assertThat(lignes).extracting(l -> l.get("change").asBoolean()).containsExactly(false, true, false);
        assertThat(lignes).extracting(l -> l.get("reference").asString()).containsExactly("EX-DIJON-2026-01", "EX-GRENOBLE-PROG",
                "EX-LIMOGES-VEFA");
        JsonNode grenoble = lignes.get(1).get("difference");
        assertThat(grenoble.get("avant").get("packs").toString()).contains("region-84@2026.1");
        assertThat(grenoble.get("apres").get("packs").toString()).contains("region-84@2026.2");
        assertThat(grenoble.get("avant").get("deposable").asBoolean()).isTrue();
        assertThat(grenoble.get("apres").get("deposable").asBoolean()).isFalse();
        assertThat(grenoble.get("pieces").get("ajoutees").toString())
                .isEqualTo("[{\"code\":\"LOCALISATION\",\"bloquante\":true,\"statut\":\"MANQUANTE\"}]");
        assertThat(grenoble.get("pieces").get("retirees")).isEmpty();
        JsonNode avis = grenoble.get("anomalies").get("changees").get(0);
        assertThat(avis.get("avant").get("message").asString()).contains("invite à déposer plus tôt");
        assertThat(avis.get("apres").get("message").asString()).contains("demande de déposer plus tôt");
        assertThat(erreurs.toString(StandardCharsets.UTF_8))
                .contains("programmation-grenoble.json (EX-GRENOBLE-PROG) : +1 pièce, 1 anomalie changée, déposable : oui → non")
                .contains("3 dossiers comparés, 1 changé")
                .contains("Ce qui change, par effet :" + System.lineSeparator() + "  + pièce LOCALISATION : 1 dossier")
                .contains("  anomalie DEPOT_TARDIF changée (gravité, message) : 1 dossier")
                .contains("  déposable : oui → non : 1 dossier");
        // Across dossiers, each effect counts the dossiers it touches: what a DREAL reads for thousands of them.
        erreurs.reset();
        String fichierGrenoble = Path.of(EXEMPLES, "programmation-grenoble.json").toString();
        executer("comparer", "--packs", depot.toString(), fichierGrenoble, fichierGrenoble, Path.of(EXEMPLES, "construction-neuve-dijon.json").toString());
        assertThat(erreurs.toString(StandardCharsets.UTF_8)).contains("3 dossiers comparés, 2 changés")
                .contains("  + pièce LOCALISATION : 2 dossiers");
    }

    /** A version bump with the same effect changes no dossier: only what the reader of a result sees counts. */
    @Test
    void desPacksSansEffetSurCesDossiersNeChangentRien(@TempDir Path dir) throws Exception {
        Path depot = CopieDuDepot.dans(dir);
        remplacer(depot.resolve("rules/pack.yaml"), "version: \"", "version: \"9");

        int code = executer("comparer", "--packs", depot.toString(), EXEMPLES + "/construction-neuve-dijon.json",
                EXEMPLES + "/vefa-limoges-permis-non-depose.json");

        assertThat(code).isZero();
        assertThat(lignes()).extracting(l -> l.get("change").asBoolean()).containsExactly(false, false);
        assertThat(lignes().get(0).get("difference").get("apres").get("packs").get(0).asString()).startsWith("national@9");
        assertThat(erreurs.toString(StandardCharsets.UTF_8)).contains("2 dossiers comparés, aucun changé");

        // The same dossiers as a service's export gives them, one per line, with a line that is not one.
        Path export = dir.resolve("dossiers.jsonl");
        Files.writeString(export, Json.MAPPER.readTree(Path.of(EXEMPLES, "construction-neuve-dijon.json").toFile()) + "\n{}\n");
        erreurs.reset();
        sortie.reset();
        assertThat(executer("comparer", "--packs", depot.toString(), export.toString())).isEqualTo(2);
        assertThat(lignes()).extracting(l -> l.get("fichier").asString()).containsExactly(export + ":1", export + ":2");
        assertThat(erreurs.toString(StandardCharsets.UTF_8)).contains("1 dossier comparé, aucun changé").endsWith("1 ligne en erreur"
                + System.lineSeparator());
    }

    /**
     * The version for next year starts after every dossier at hand: compared at their own dates they do not change, and
     * the command says that the version was never applied and which --date applies it; with it, the dossiers change.
     */
    @Test
    void uneVersionAVenirQuiNeJoueSurAucunDossierEstSignaleeEtDateLaFaitJouer(@TempDir Path dir) throws Exception {
        Path depot = depotAvecUneNouvelleVersion(dir, "2027.1", "2027-01-01");
        String grenoble = EXEMPLES + "/programmation-grenoble.json";

        assertThat(executer("comparer", "--packs", depot.toString(), grenoble)).isZero();
        assertThat(erreurs.toString(StandardCharsets.UTF_8)).contains("1 dossier comparé, aucun changé").contains(
                "Attention : region-84@2027.1 (en vigueur à partir du 2027-01-01), nouvelle ou modifiée dans " + depot
                        + ", ne s'applique à aucun de ces dossiers : aucune de leurs dates de référence (le 2026-11-18)"
                        + " n'est dans cette période ; --date 2027-01-01 les évalue à cette date.");

        sortie.reset();
        erreurs.reset();
        assertThat(executer("comparer", "--date", "2027-01-01", "--packs", depot.toString(), grenoble)).isEqualTo(1);
        JsonNode difference = lignes().get(0).get("difference");
        assertThat(difference.get("avant").get("packs").toString()).contains("region-84@2026.1");
        assertThat(difference.get("apres").get("packs").toString()).contains("region-84@2027.1");
        assertThat(difference.get("pieces").get("ajoutees").toString()).contains("LOCALISATION");
        assertThat(erreurs.toString(StandardCharsets.UTF_8)).contains("+1 pièce").doesNotContain("Attention");
    }

    /** --avant: compared with the packs of another repository (a service started on them), not with the jar's. */
    @Test
    void avantDonneLesPacksAuxquelsComparer(@TempDir Path dir) throws Exception {
        Path enService = depotAvecUneVersion2026Point2(dir.resolve("service"));
        Path edite = CopieDuDepot.dans(dir.resolve("edite"));

        int code = executer("comparer", "--packs", edite.toString(), "--avant", enService.toString(),
                EXEMPLES + "/programmation-grenoble.json");

        assertThat(code).isEqualTo(1);
        JsonNode difference = lignes().get(0).get("difference");
        assertThat(difference.get("avant").get("packs").toString()).contains("region-84@2026.2");
        assertThat(difference.get("apres").get("packs").toString()).contains("region-84@2026.1");
        assertThat(difference.get("pieces").get("retirees").toString()).contains("LOCALISATION");
        assertThat(erreurs.toString(StandardCharsets.UTF_8))
                .contains("1 dossier comparé, 1 changé par les packs de " + edite + " (au lieu de ceux de " + enService + ")")
                .doesNotContain("Attention");
    }

    @Test
    void sansPacksOuSurUneEntreeInvalideLaCommandeLeDit(@TempDir Path dir) throws Exception {
        assertThat(executer("comparer", EXEMPLES)).isEqualTo(2);
        assertThat(erreurs.toString(StandardCharsets.UTF_8)).contains("Usage : java -jar harmonie.jar comparer --packs");

        Path invalide = Files.writeString(dir.resolve("invalide.json"), "{\"formatVersion\": \"1\"}");
        assertThat(executer("comparer", "--packs", CopieDuDepot.dans(dir.resolve("depot")).toString(), invalide.toString()))
                .isEqualTo(2);
        assertThat(lignes().get(0).get("erreur").get("violations")).isNotEmpty();
        assertThat(erreurs.toString(StandardCharsets.UTF_8)).contains("invalide.json : Erreur")
                .contains("aucun dossier comparé : 1 fichier en erreur").doesNotContain("par les packs de");

        // Beside a dossier that compares, the one in error is told apart, not counted as compared.
        erreurs.reset();
        assertThat(executer("comparer", "--packs", dir.resolve("depot").toString(), invalide.toString(),
                EXEMPLES + "/construction-neuve-dijon.json")).isEqualTo(2);
        assertThat(erreurs.toString(StandardCharsets.UTF_8))
                .contains("1 dossier comparé, aucun changé par les packs de " + dir.resolve("depot") + " ; 1 fichier en erreur");

        erreurs.reset();
        assertThat(executer("comparer", "--packs", dir.toString(), "--date", "2026-02-30", EXEMPLES)).isEqualTo(2);
        assertThat(erreurs.toString(StandardCharsets.UTF_8))
                .contains("Erreur : --date : « 2026-02-30 » : février 2026 a 28 jours, le 30 février n'existe pas.");
        erreurs.reset();
        assertThat(executer("comparer", "--packs", dir.toString(), "--date", "+300000-01-01", EXEMPLES)).isEqualTo(2);
        assertThat(erreurs.toString(StandardCharsets.UTF_8)).contains("Erreur : --date : « +300000-01-01 » n'est pas une date");
        erreurs.reset();
        assertThat(executer("comparer", "--packs", dir.toString(), "--packs", dir.toString(), EXEMPLES)).isEqualTo(2);
        assertThat(erreurs.toString(StandardCharsets.UTF_8)).contains("Erreur : --packs est donnée deux fois.");
    }
}
