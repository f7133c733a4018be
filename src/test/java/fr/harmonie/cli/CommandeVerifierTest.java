package fr.harmonie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.CopieDuDepot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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

    /** The repository copy a test edits (set by {@link #versionAEditer}). */
    private Path depot;

    /** A copy of the repository where {@code pack}@2026.1 is published again as 2026.2: the version its author edits. */
    private Path versionAEditer(Path dir, String pack) throws IOException {
        depot = CopieDuDepot.dans(dir);
        CopieDuDepot.publierCommeNouvelleVersion(depot.resolve("territories/" + pack + "/2026.1"));
        return depot.resolve("territories/" + pack + "/2026.2");
    }

    /** {@code verifier} run on the copy, for one pack. */
    private int verifier(String pack) {
        return lancer("verifier", "--packs", depot.toString(), pack);
    }

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
                .containsPattern("metropole-rouen-normandie@2026\\.1 : \\d+ cas, tous passent\n  croissance : 1 règle mesurée de");
        assertThat(erreurs.size()).isZero();
    }

    @Test
    void uneJointureQuiCroitAvecLeCarreDesLogementsEstSignaleeAvantQueLeServiceNeLaRencontre(@TempDir Path dir) throws Exception {
        Path version = versionAEditer(dir, "metropole-rouen-normandie");
        CopieDuDepot.ajouterUneJointureQuadratique(version);

        int code = verifier("metropole-rouen-normandie");

        String rapport = sortie.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(3);
        assertThat(rapport).contains("metropole-rouen-normandie@2026.2 : 8 cas, 1 problème :")
                .contains("[MRN-AN-900] regles/doublons.cas.yaml, cas « Deux logements de même désignation » : l'évaluation,"
                        + " toutes les règles de la chaîne comprises, croît plus vite que les logements : 250 puis 1000"
                        + " logements tous de même désignation")
                .contains("Sur la chaîne de son parent (region-28@2026.1)")
                .contains("la croissance vient des règles de ce pack");
    }

    @Test
    void unCasQuiNePassePlusEstNommeAvecSonFichierEtCeQuiDiffere(@TempDir Path dir) throws Exception {
        Path version = versionAEditer(dir, "region-84");
        Path cas = version.resolve("regles/surcharges.cas.yaml");
        // The author expects the late-deposit notice to be MINEURE, which the pack's rule does not say.
        Files.writeString(cas, Files.readString(cas).replace("code: DEPOT_TARDIF, gravite: INFO", "code: DEPOT_TARDIF, gravite: MINEURE"));

        int code = verifier("region-84");

        String rapport = sortie.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(3);
        assertThat(rapport).containsPattern("region-84@2025\\.1 : \\d+ cas, tous passent")
                .containsPattern("region-84@2026\\.1 : \\d+ cas, tous passent")
                .contains("region-84@2026.2 : ").contains("1 problème :")
                .contains("[R84-CA-001] regles/surcharges.cas.yaml : « Un dossier daté du 15 décembre 2026 reçoit l'avis de dépôt tardif »")
                .contains("anomalie attendue absente : DEPOT_TARDIF MINEURE").contains("DEPOT_TARDIF INFO /dateReference");

        // The folder of one pack, given for the repository's root: the report names the root to give.
        assertThat(lancer("verifier", "--packs", depot.resolve("territories/region-84").toString())).isEqualTo(3);
        assertThat(erreurs.toString(StandardCharsets.UTF_8)).contains("territories/region-84 ne contient pas de dossier rules/")
                .contains("donner la racine du dépôt, qui contient rules/ et territories/ : " + depot.toAbsolutePath().normalize());

        assertThat(verifier("region-99")).isEqualTo(2);
        assertThat(erreurs.toString(StandardCharsets.UTF_8)).contains("aucun pack ne porte l'identifiant region-99 ; packs connus : ");
        assertThat(verifier("region84")).isEqualTo(2);
        assertThat(erreurs.toString(StandardCharsets.UTF_8)).contains("aucun pack ne porte l'identifiant region84 ; le pack voulu est"
                + " sans doute « region-84 » ; packs connus : ");
    }

    /**
     * A published version edited in place passes its cases, and the service that holds it would refuse it at the next
     * reload: verifier says so. A new version is told the line of versions.lock that publishes it.
     */
    @Test
    void uneVersionPublieeModifieeEstUnProblemeEtUneNouvelleVersionRecoitLaLigneQuiLaPublie(@TempDir Path dir) throws Exception {
        depot = CopieDuDepot.dans(dir);
        Path surcharges = depot.resolve("territories/region-84/2026.1/surcharges.yaml");
        String publiee = Files.readString(surcharges);
        Files.writeString(surcharges, publiee.replace("invite à déposer plus tôt", "demande de déposer plus tôt"));

        assertThat(verifier("region-84")).isEqualTo(3);
        assertThat(sortie.toString(StandardCharsets.UTF_8)).contains("region-84@2026.1 : 4 cas, 1 problème :")
                .containsPattern("region-84@2026\\.1 a changé depuis sa publication \\(empreinte sha256:[0-9a-f]{64} au lieu de"
                        + " sha256:[0-9a-f]{64}\\) : publier une nouvelle version plutôt que modifier celle-ci")
                .contains("Bilan : 2 versions de pack, 6 cas joués, 1 problème.");

        CopieDuDepot.publierCommeNouvelleVersion(surcharges.getParent());
        Files.writeString(surcharges, publiee);
        assertThat(verifier("region-84")).isZero();
        String rapport = sortie.toString(StandardCharsets.UTF_8);
        java.util.regex.Matcher ligne = java.util.regex.Pattern.compile("region-84@2026\\.2 : 4 cas, tous passent\n"
                + "  pas encore publiée : pour la publier, ajouter à territories/versions\\.lock la ligne « (region-84@2026\\.2"
                + " sha256:[0-9a-f]{64}) »").matcher(rapport);
        assertThat(ligne.find()).as(rapport).isTrue();

        Path verrou = depot.resolve("territories/versions.lock");
        Files.writeString(verrou, Files.readString(verrou) + ligne.group(1) + "\n");
        assertThat(verifier("region-84")).isZero();
        assertThat(sortie.toString(StandardCharsets.UTF_8)).doesNotContain("pas encore publiée").contains("aucun problème");
    }

    /**
     * The usual way to start next year's version is to copy this year's folder. Its cases are played on the new
     * version whatever their date, so, still dated in the old year, they passed while showing what no dossier of the
     * new version ever meets. Each is named with its date, the version's period and how to date it.
     */
    @Test
    void lesCasDUneVersionCopieeEncoreDatesDeLAnneeDAvantSontNommes(@TempDir Path dir) throws Exception {
        depot = CopieDuDepot.dans(dir);
        Path v2027 = depot.resolve("territories/region-84/2027.1");
        Files.createDirectories(v2027.resolve("regles"));
        for (String f : new String[] {"pack.yaml", "surcharges.yaml", "README.md", "regles/surcharges.cas.yaml"}) {
            Files.copy(depot.resolve("territories/region-84/2026.1").resolve(f), v2027.resolve(f));
        }
        Path manifeste = v2027.resolve("pack.yaml");
        Files.writeString(manifeste, Files.readString(manifeste).replace("version: \"2026.1\"", "version: \"2027.1\"")
                .replace("validFrom: 2026-01-01", "validFrom: 2027-01-01"));

        assertThat(verifier("region-84")).isEqualTo(3);
        String rapport = sortie.toString(StandardCharsets.UTF_8);
        assertThat(rapport).containsPattern("region-84@2026\\.1 : 4 cas, tous passent")
                .contains("region-84@2027.1 : 4 cas, 4 problèmes :")
                .contains("[R84-CA-001] regles/surcharges.cas.yaml : « Un dossier daté du 15 décembre 2026 reçoit l'avis de dépôt tardif »\n"
                        + "    le cas est daté du 2026-12-15, avant l'entrée en vigueur de region-84@2027.1 (2027-01-01) : un dossier"
                        + " de cette date n'est jamais jugé par cette version ; dater le cas dans la période de region-84@2027.1"
                        + " (à partir du 2027-01-01), par exemple modifier: { /dateReference: \"2027-12-15\" } (le même jour de"
                        + " l'année)")
                // The same day and month a year later keeps what each case shows: a December deposit, a June one.
                .contains("le cas est daté du 2026-06-02, avant l'entrée en vigueur de region-84@2027.1 (2027-01-01) : un"
                        + " dossier de cette date n'est jamais jugé par cette version ; dater le cas dans la période de"
                        + " region-84@2027.1 (à partir du 2027-01-01), par exemple modifier: { /dateReference: \"2027-06-02\" }");

        Path cas = v2027.resolve("regles/surcharges.cas.yaml");
        Files.writeString(cas, Files.readString(cas).replace("2026-", "2027-").replace("15 décembre 2026", "15 décembre 2027"));
        assertThat(verifier("region-84")).isZero();
        assertThat(sortie.toString(StandardCharsets.UTF_8)).contains("region-84@2027.1 : 4 cas, tous passent");

        // A case without a date would be judged on the day it is played.
        Files.writeString(cas, Files.readString(cas).replace("/dateReference: \"2027-06-02\" }", "/dateReference: null }"));
        assertThat(verifier("region-84")).isEqualTo(3);
        assertThat(sortie.toString(StandardCharsets.UTF_8)).contains("region-84@2027.1 : 4 cas, 3 problèmes :")
                .contains("le dossier du cas n'a pas de dateReference : il serait jugé au jour où on le joue");
    }

    /**
     * A DREAL's first cases file, written from the README's example (a case alone, no « dossier: » line): it was told
     * « cas/null.json » introuvable. It is told what to write, and which base dossiers the chain offers, as is a case
     * whose base dossier is misspelt.
     */
    @Test
    void unCasSansDossierDeBaseDitQuoiEcrireEtLesDossiersDeLaChaine(@TempDir Path dir) throws Exception {
        Path version = versionAEditer(dir, "metropole-rouen-normandie");
        Path cas = version.resolve("regles/permis.cas.yaml");
        Files.writeString(cas, Files.readString(cas).replace("dossier: programmation\n", ""));

        assertThat(verifier("metropole-rouen-normandie")).isEqualTo(3);
        assertThat(sortie.toString(StandardCharsets.UTF_8)).doesNotContain("null.json")
                .contains("[MRN-AN-001] regles/permis.cas.yaml : « Un permis obtenu suffit »\n"
                        + "    regles/permis.cas.yaml : le cas ne dit pas de quel dossier il part ; écrire en tête du fichier"
                        + " « dossier: agrement » (ou « dossier: » dans le cas), avec l'un des dossiers de base de la chaîne :"
                        + " agrement, annexe-8, programmation");

        Files.writeString(cas, "dossier: programation\n" + Files.readString(cas));
        assertThat(verifier("metropole-rouen-normandie")).isEqualTo(3);
        assertThat(sortie.toString(StandardCharsets.UTF_8)).contains("regles/permis.cas.yaml : dossier de base"
                + " « cas/programation.json » introuvable ; dossiers de base de la chaîne : agrement, annexe-8, programmation");
    }

    /**
     * A DREAL shows where its piece is not asked by moving the case's operation out of its perimeter; cases are played
     * on the pack's chain whatever the commune, so the piece is still asked. The failure says why, and how to write it.
     */
    @Test
    void unCasPlaceHorsDuPerimetreDitPourquoiLaRegleSeDeclencheQuandMeme(@TempDir Path dir) throws Exception {
        Path version = versionAEditer(dir, "metropole-rouen-normandie");
        Path cas = version.resolve("regles/permis.cas.yaml");
        Files.writeString(cas, Files.readString(cas) + """
                  - regle: MRN-PJ-001
                    nom: À Dijon, hors de la Métropole, le permis n'est pas exigé
                    declenche: false
                """);

        assertThat(verifier("metropole-rouen-normandie")).isEqualTo(3);
        assertThat(sortie.toString(StandardCharsets.UTF_8)).contains("« À Dijon, hors de la Métropole, le permis n'est pas exigé »\n"
                + "    MRN-PJ-001 s'est déclenchée : les cas se jouent sur la chaîne de metropole-rouen-normandie@2026.2 quelle que"
                + " soit la commune du dossier (ici, « commune 21231 (Dijon) → aucun pack territorial : socle national seul ») ;"
                + " montrer où la règle ne s'applique pas par le dossier lui-même (sa phase, sa nature, ses produits, sa date…), non"
                + " par sa commune")
                .contains("1 problème");
        // Inside the perimeter, a case that fails says only that: the commune is not the cause.
        Files.writeString(cas, Files.readString(cas).replace("le permis n'est pas exigé\n",
                "le permis n'est pas exigé\n    modifier: { /operation/commune: { codeInsee: \"76540\", nom: Rouen } }\n"));
        assertThat(verifier("metropole-rouen-normandie")).isEqualTo(3);
        assertThat(sortie.toString(StandardCharsets.UTF_8)).contains("« À Dijon, hors de la Métropole, le permis n'est pas exigé »\n    MRN-PJ-001 s'est déclenchée\n")
                .doesNotContain("quelle que soit").contains("1 problème");
    }

    /** A piece asked of every dossier: its case « not asked » fails, and says that only conditions in « quand » can show it. */
    @Test
    void unCasSansEffetDUnePieceExigeeDeToutDossierDitQuOnNePeutLEcrireSansConditions(@TempDir Path dir) throws Exception {
        Path version = versionAEditer(dir, "metropole-rouen-normandie");
        Path surcharges = version.resolve("surcharges.yaml");
        Files.writeString(surcharges, Files.readString(surcharges)
                .replace("    quand: { phases: [PROGRAMMATION], natures: [CONSTRUCTION_NEUVE, TRANSFORMATION_LOCAUX] }\n", ""));

        assertThat(verifier("metropole-rouen-normandie")).isEqualTo(3);
        assertThat(sortie.toString(StandardCharsets.UTF_8))
                .contains("[MRN-PJ-001] regles/permis.cas.yaml : « À l'agrément, c'est la règle nationale (non bloquante) qui le"
                        + " demande »\n    MRN-PJ-001 s'est déclenchée : sans condition dans « quand », elle exige sa pièce de tout"
                        + " dossier, et aucun cas ne peut la montrer sans effet");
    }
}
