package fr.harmonie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.CopieDuDepot;
import fr.harmonie.evaluation.DossierAuxLimitesTest;
import fr.harmonie.evaluation.SchemaResultat;
import fr.harmonie.json.Json;
import fr.harmonie.rapport.TexteDuPdf;
import fr.harmonie.web.CorpsBorne;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** La commande hors ligne: le résultat JSON sur la sortie standard, et un code de sortie exploitable par un script. */
class CommandeEvaluerTest {

    private final ByteArrayOutputStream sortie = new ByteArrayOutputStream();
    private final ByteArrayOutputStream erreurs = new ByteArrayOutputStream();

    private int evaluer(String... args) {
        return evaluer(new byte[0], args);
    }

    private int evaluer(byte[] entree, String... args) {
        return Commandes.executer(args, new ByteArrayInputStream(entree),
                new PrintStream(sortie, true, StandardCharsets.UTF_8), new PrintStream(erreurs, true, StandardCharsets.UTF_8));
    }

    @Test
    void unDossierDeposableSortAvecZeroEtUnResultatConforme() {
        int code = evaluer("evaluer", "src/test/resources/exemples/construction-neuve-dijon.json");

        assertThat(code).isZero();
        assertThat(SchemaResultat.ecarts(sortie.toString(StandardCharsets.UTF_8))).isEmpty();
        assertThat(erreurs.size()).isZero();
    }

    @Test
    void unMotQuiNEstPasUneCommandeEstRefuseAvecLUsageAuLieuDeDemarrerLeService() {
        assertThat(Commandes.estUneCommande(new String[] {"evalue", "dossier.json"})).isTrue();
        assertThat(evaluer("evalue", "dossier.json")).isEqualTo(2);
        assertThat(erreurs.toString(StandardCharsets.UTF_8)).contains("commande inconnue « evalue »", "java -jar harmonie.jar evaluer");
        assertThat(sortie.size()).isZero();
        assertThat(evaluer("-Dserver.port=8081")).isEqualTo(2);
        assertThat(erreurs.toString(StandardCharsets.UTF_8)).contains("se place avant -jar");
        // The service's options still start the service; asking for help is a command, answered on standard output.
        assertThat(Commandes.estUneCommande(new String[] {"--server.port=8081"})).isFalse();
        assertThat(Commandes.estUneCommande(new String[0])).isFalse();
        assertThat(evaluer("--help")).isZero();
        assertThat(sortie.toString(StandardCharsets.UTF_8)).contains("démarre le service", "evaluer");
    }

    /**
     * « evaluer --help », as a script or a rule author types it: the command's own usage on standard output, and a
     * success; the same usage goes to the errors, with 2, when the call is wrong. For every command, none of which
     * runs (migrer would copy a base, sauvegarder write a file named --help).
     */
    @Test
    void chaqueCommandeDonneSonUsageQuandOnLeDemande() {
        for (String commande : List.of("evaluer", "verifier", "comparer", "sauvegarder", "restaurer", "migrer")) {
            for (String demande : List.of("--help", "--aide", "-h")) {
                sortie.reset();
                erreurs.reset();
                assertThat(evaluer(commande, demande)).as("%s %s", commande, demande).isZero();
                assertThat(sortie.toString(StandardCharsets.UTF_8)).as("%s %s", commande, demande)
                        .contains("Usage : ").contains("java -jar harmonie.jar " + commande);
                assertThat(erreurs.size()).as("%s %s", commande, demande).isZero();
            }
        }
        sortie.reset();
        assertThat(evaluer("evaluer")).isEqualTo(2);
        assertThat(erreurs.toString(StandardCharsets.UTF_8)).contains("Usage : java -jar harmonie.jar evaluer");
        assertThat(sortie.size()).isZero();
    }

    @Test
    void unDossierNonDeposableSortAvecUn() {
        int code = evaluer("evaluer", "src/test/resources/exemples/vefa-limoges-permis-non-depose.json");

        assertThat(code).isEqualTo(1);
        assertThat(sortie.toString(StandardCharsets.UTF_8)).contains("VEFA_PERMIS_NON_DEPOSE");
    }

    /** --date: the dossier as if deposited that day; Grenoble on 18 November gets the late-deposit notice, in October not. */
    @Test
    void avecDateLeDossierEstEvalueACetteDateDeReference() {
        String grenoble = "src/test/resources/exemples/programmation-grenoble.json";
        assertThat(evaluer("evaluer", grenoble)).isZero();
        assertThat(sortie.toString(StandardCharsets.UTF_8)).contains("\"dateReference\" : \"2026-11-18\"", "DEPOT_TARDIF");

        sortie.reset();
        assertThat(evaluer("evaluer", "--date", "2026-10-01", grenoble)).isZero();
        assertThat(sortie.toString(StandardCharsets.UTF_8)).contains("\"dateReference\" : \"2026-10-01\"")
                .doesNotContain("DEPOT_TARDIF");

        assertThat(evaluer("evaluer", "--date", "2026-10", grenoble)).isEqualTo(2);
        assertThat(erreurs.toString(StandardCharsets.UTF_8)).contains("Erreur : --date : « 2026-10 » n'est pas une date : AAAA-MM-JJ attendu, par exemple 2026-04-02.");
    }

    /**
     * --rapport: the bailleur's own tool prints the evaluation of the dossier it sends, as the service prints it; the
     * JSON stays on standard output for the tool, the exit code still says whether the dossier is deposable.
     */
    @Test
    void avecRapportLEvaluationEstAussiImprimeeEnPdf(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("limoges.pdf");

        assertThat(evaluer("evaluer", "--rapport", pdf.toString(), "--date", "2026-10-01",
                "src/test/resources/exemples/vefa-limoges-permis-non-depose.json")).isEqualTo(1);

        JsonNode resultat = Json.MAPPER.readTree(sortie.toString(StandardCharsets.UTF_8));
        assertThat(erreurs.toString(StandardCharsets.UTF_8)).isEqualTo("Rapport de l'évaluation : " + pdf + System.lineSeparator());
        String texte = TexteDuPdf.lire(Files.readAllBytes(pdf));
        assertThat(texte).contains("hors ligne (java -jar harmonie.jar evaluer) : ni le dossier ni l'évaluation ne sont conservés",
                "Règles en vigueur le 1er octobre 2026", "Reçu : " + resultat.get("empreinte").asString(),
                resultat.get("anomalies").get(0).get("message").asString());
    }

    /**
     * At the end of the year, a folder of dossiers and one run: a report each, at its dossier's name, which its JSON line
     * names; two dossiers of one name (each operation's dossier.json) do not overwrite each other.
     */
    @Test
    void avecUnRepertoireChaqueDossierASonRapport(@TempDir Path dir) throws Exception {
        Path rapports = Files.createDirectory(dir.resolve("rapports"));
        Path autre = Files.createDirectories(dir.resolve("autre"));
        Files.copy(Path.of("src/test/resources/exemples/construction-neuve-dijon.json"), autre.resolve("construction-neuve-dijon.json"));

        int code = evaluer("evaluer", "--rapport", rapports.toString(), "src/test/resources/exemples",
                autre.resolve("construction-neuve-dijon.json").toString());

        assertThat(code).isEqualTo(1);
        List<JsonNode> lignes = sortie.toString(StandardCharsets.UTF_8).lines().map(Json.MAPPER::readTree).toList();
        assertThat(lignes).extracting(l -> Path.of(l.get("rapport").asString()).getFileName().toString()).containsExactly(
                "construction-neuve-dijon.pdf", "programmation-grenoble.pdf", "vefa-limoges-permis-non-depose.pdf",
                "construction-neuve-dijon-2.pdf");
        for (JsonNode ligne : lignes) {
            assertThat(TexteDuPdf.lire(Files.readAllBytes(Path.of(ligne.get("rapport").asString()))))
                    .contains("Reçu : " + ligne.get("resultat").get("empreinte").asString());
        }
        assertThat(erreurs.toString(StandardCharsets.UTF_8)).contains("4 rapports écrits dans " + rapports);
    }

    /** Several dossiers need a directory; a report that cannot be written is said, with 4, the JSON still printed. */
    @Test
    void unRapportImpossibleDitPourquoi(@TempDir Path dir) throws Exception {
        String dijon = "src/test/resources/exemples/construction-neuve-dijon.json";
        Path pdf = dir.resolve("r.pdf");

        assertThat(evaluer("evaluer", "--rapport", pdf.toString(), dijon, dijon)).isEqualTo(2);
        assertThat(erreurs.toString(StandardCharsets.UTF_8))
                .startsWith("Erreur : --rapport : avec plusieurs dossiers, nommer un répertoire existant");
        assertThat(sortie.size()).isZero();
        assertThat(Files.exists(pdf)).isFalse();
        erreurs.reset();

        assertThat(evaluer("evaluer", "--rapport", dir.resolve("absent/r.pdf").toString(), dijon)).isEqualTo(Commandes.SORTIE_NON_ECRITE);
        assertThat(erreurs.toString(StandardCharsets.UTF_8)).startsWith("Erreur : le rapport n'a pas pu être écrit dans ");
        assertThat(Json.MAPPER.readTree(sortie.toString(StandardCharsets.UTF_8)).get("deposable").asBoolean()).isTrue();
    }

    @Test
    void leNomDUnRapportVientDeCeluiDuDossier() {
        assertThat(RapportHorsLigne.nomDuRapport("depots/2026/Résidence Les Tilleuls.JSON")).isEqualTo("Résidence_Les_Tilleuls");
        assertThat(RapportHorsLigne.nomDuRapport("export\\dossiers.jsonl:12")).isEqualTo("dossiers-12");
        assertThat(RapportHorsLigne.nomDuRapport("-")).isEqualTo("dossier");
        assertThat(RapportHorsLigne.nomDuRapport(".json")).isEqualTo("dossier");
    }

    @Test
    void leDossierPeutVenirDeLEntreeStandard() throws Exception {
        byte[] dossier = Files.readAllBytes(Path.of("src/test/resources/exemples/programmation-grenoble.json"));

        assertThat(evaluer(dossier, "evaluer", "-")).isZero();
        assertThat(sortie.toString(StandardCharsets.UTF_8)).contains("\"phase\" : \"PROGRAMMATION\"");
    }

    @Test
    void uneEntreeInvalideSortAvecDeuxEtUneErreurFrancaiseSurLaSortieDErreur(@TempDir Path dir) throws Exception {
        Path invalide = dir.resolve("invalide.json");
        Files.writeString(invalide, "{\"formatVersion\": \"1\", \"maitreOuvrage\": {}}");

        assertThat(evaluer("evaluer", invalide.toString())).isEqualTo(2);
        assertThat(erreurs.toString(StandardCharsets.UTF_8))
                .contains("Dossier non conforme au format 1").contains("/maitreOuvrage/siren").contains("/operation");
        assertThat(sortie.size()).isZero();

        Path tropTot = dir.resolve("trop-tot.json");
        Files.writeString(tropTot, Files.readString(Path.of("src/test/resources/exemples/construction-neuve-dijon.json"))
                .replaceFirst("\"dateReference\": \"[0-9-]+\"", "\"dateReference\": \"1999-12-31\""));
        assertThat(evaluer("evaluer", tropTot.toString())).isEqualTo(2);
        assertThat(erreurs.toString(StandardCharsets.UTF_8)).contains("Date de référence hors des règles")
                .contains("/dateReference : antérieure au 2000-01-01");
        assertThat(sortie.size()).isZero();

        // The reader serves the API too: its errors speak of the dossier, not of a request's body.
        Path vide = Files.writeString(dir.resolve("vide.json"), "");
        assertThat(evaluer("evaluer", vide.toString())).isEqualTo(2);
        assertThat(erreurs.toString(StandardCharsets.UTF_8)).contains("Erreur : Dossier absent : Aucun dossier JSON").doesNotContain("requête vide");
        Path tronque = Files.writeString(dir.resolve("tronque.json"), "{\"formatVersion\": \"1\",");
        assertThat(evaluer("evaluer", tronque.toString())).isEqualTo(2);
        assertThat(erreurs.toString(StandardCharsets.UTF_8)).contains("Erreur : JSON mal formé : Le dossier n'est pas un JSON valide (ligne 1");

        assertThat(evaluer("evaluer", dir.resolve("absent.json").toString())).isEqualTo(2);
        assertThat(erreurs.toString(StandardCharsets.UTF_8)).contains("fichier introuvable");
        assertThat(evaluer("evaluer")).isEqualTo(2);
        assertThat(erreurs.toString(StandardCharsets.UTF_8)).contains("Usage");
    }

    /** {@code evaluer "$DOSSIER"}, the variable unset: Java reads "" as the working directory, whose dossiers it evaluated. */
    @Test
    void unCheminVideEstRefuseAuLieuDEvaluerLeRepertoireCourant() {
        assertThat(evaluer("evaluer", "")).isEqualTo(2);
        assertThat(sortie.size()).isZero();
        assertThat(erreurs.toString(StandardCharsets.UTF_8)).contains("Erreur : chemin vide (une variable vide ou non définie");
        assertThat(evaluer("verifier", "--packs", " ")).isEqualTo(2);
        assertThat(erreurs.toString(StandardCharsets.UTF_8)).doesNotContain("Exception");
    }

    /**
     * The API's limit: a file beyond 2 MiB (a log taken for a dossier) is refused before being read whole, which ran a
     * small heap out of memory. The largest dossier the contract admits still passes.
     */
    @Test
    void unFichierAuDelaDeDeuxMioEstRefuseCommeParLApi(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("journal.json");
        try (RandomAccessFile f = new RandomAccessFile(journal.toFile(), "rw")) {
            f.setLength(300L * 1024 * 1024); // sparse: 300 MB announced, nothing written
        }
        assertThat(evaluer("evaluer", journal.toString())).isEqualTo(2);
        assertThat(erreurs.toString(StandardCharsets.UTF_8))
                .contains(journal + " dépasse 2 Mio, la taille maximale d'un dossier (celle de l'API)");
        // Standard input announces no size: read up to the limit, not beyond.
        byte[] tropLong = new byte[CorpsBorne.LIMITE + 1];
        Arrays.fill(tropLong, (byte) ' ');
        assertThat(evaluer(tropLong, "evaluer", "-")).isEqualTo(2);
        assertThat(erreurs.toString(StandardCharsets.UTF_8)).contains("l'entrée standard dépasse 2 Mio");

        Path leplusGros = dir.resolve("le-plus-gros.json");
        Files.write(leplusGros, Json.MAPPER.writeValueAsBytes(DossierAuxLimitesTest.lePlusGros()));
        assertThat(evaluer("evaluer", leplusGros.toString())).as(erreurs.toString(StandardCharsets.UTF_8)).isEqualTo(1);
    }

    @Test
    void plusieursFichiersDonnentUneLigneChacunEtLaPireSortie(@TempDir Path dir) throws Exception {
        Path invalide = dir.resolve("invalide.json");
        Files.writeString(invalide, "{\"formatVersion\": \"1\"}");
        String dijon = "src/test/resources/exemples/construction-neuve-dijon.json";
        String limoges = "src/test/resources/exemples/vefa-limoges-permis-non-depose.json";

        assertThat(evaluer("evaluer", dijon, limoges)).isEqualTo(1);
        assertThat(evaluer("evaluer", dijon, dijon)).isZero();
        sortie.reset();
        int code = evaluer("evaluer", dijon, invalide.toString(), limoges, dir.resolve("absent.json").toString());

        assertThat(code).isEqualTo(2);
        List<JsonNode> lignes = sortie.toString(StandardCharsets.UTF_8).lines().map(Json.MAPPER::readTree).toList();
        assertThat(lignes).extracting(l -> l.get("fichier").asString())
                .containsExactly(dijon, invalide.toString(), limoges, dir.resolve("absent.json").toString());
        assertThat(SchemaResultat.ecarts(lignes.get(0).get("resultat").toString())).isEmpty();
        assertThat(lignes.get(0).get("resultat").get("deposable").asBoolean()).isTrue();
        assertThat(lignes.get(1).get("erreur").get("titre").asString()).isEqualTo("Dossier non conforme au format 1");
        assertThat(lignes.get(1).get("erreur").get("violations").findValuesAsString("pointeur")).contains("/operation");
        assertThat(lignes.get(2).get("resultat").get("anomalies").findValuesAsString("code")).contains("VEFA_PERMIS_NON_DEPOSE");
        assertThat(lignes.get(3).get("erreur").get("detail").asString()).startsWith("fichier introuvable");
        assertThat(erreurs.toString(StandardCharsets.UTF_8)).contains(invalide + " : Erreur : Dossier non conforme au format 1")
                .contains("absent.json : Erreur : fichier introuvable")
                .endsWith("2 dossiers évalués : 1 déposable, 1 non déposable, 2 fichiers en erreur" + System.lineSeparator());

        assertThat(evaluer("evaluer", dijon, "-")).isEqualTo(2);
        assertThat(erreurs.toString(StandardCharsets.UTF_8)).contains("s'emploie seule");
    }

    /**
     * A JSON Lines file (the service's list with format=jsonl) holds one dossier per line, in format 1 or as the service
     * reads it; each line is named by its number as an editor shows it, blank lines skipped, a line too long refused
     * alone. A file without a dossier says so rather than « 0 dossiers évalués ».
     */
    @Test
    void unFichierJsonLinesDonneUneLigneParDossier(@TempDir Path dir) throws Exception {
        String dijon = Json.MAPPER.readTree(Path.of("src/test/resources/exemples/construction-neuve-dijon.json").toFile()).toString();
        String luDuService = "{\"id\": \"1b4e28ba-2fa1-11d2-883f-0016d3cca427\", \"statut\": \"DEPOSE\", \"dateReferenceDepot\": \"2026-12-07\","
                + " \"dossier\": " + dijon + "}";
        Path fichier = dir.resolve("dossiers.jsonl");
        Files.writeString(fichier, dijon + "\n\n{\"formatVersion\": \"1\"}\r\n" + luDuService + "\n" + " ".repeat(CorpsBorne.LIMITE + 1) + "x\n");

        assertThat(evaluer("evaluer", fichier.toString())).isEqualTo(2);

        List<JsonNode> lignes = sortie.toString(StandardCharsets.UTF_8).lines().map(Json.MAPPER::readTree).toList();
        assertThat(lignes).extracting(l -> l.get("fichier").asString())
                .containsExactly(fichier + ":1", fichier + ":3", fichier + ":4", fichier + ":5");
        assertThat(lignes.get(0).get("resultat").get("dateReference").asString()).isEqualTo("2026-04-02");
        assertThat(lignes.get(1).get("erreur").get("titre").asString()).isEqualTo("Dossier non conforme au format 1");
        assertThat(lignes.get(2).get("resultat").get("dateReference").asString()).isEqualTo("2026-12-07");
        assertThat(lignes.get(3).get("erreur").get("detail").asString()).isEqualTo("la ligne 5 de " + fichier
                + " dépasse 2 Mio, la taille maximale d'un dossier (celle de l'API)");
        assertThat(erreurs.toString(StandardCharsets.UTF_8))
                .endsWith("2 dossiers évalués : 2 déposables, 0 non déposable, 2 lignes en erreur" + System.lineSeparator());

        Path vide = dir.resolve("vide.ndjson");
        Files.writeString(vide, "\n");
        assertThat(evaluer("evaluer", vide.toString())).isEqualTo(2);
        assertThat(erreurs.toString(StandardCharsets.UTF_8)).contains(vide + " ne contient aucun dossier");
    }

    @Test
    void unRepertoireSEvalueFichierJsonParFichierJson(@TempDir Path dir) throws Exception {
        Path lot = Files.createDirectories(dir.resolve("lot"));
        Files.copy(Path.of("src/test/resources/exemples/vefa-limoges-permis-non-depose.json"), lot.resolve("b-limoges.json"));
        // Named by a Windows tool in capitals, a dossier is still one.
        Files.copy(Path.of("src/test/resources/exemples/construction-neuve-dijon.json"), lot.resolve("A-DIJON.JSON"));
        Files.writeString(lot.resolve("lisez-moi.txt"), "pas un dossier");

        assertThat(evaluer("evaluer", lot.toString())).isEqualTo(1);
        assertThat(sortie.toString(StandardCharsets.UTF_8).lines().map(l -> Json.MAPPER.readTree(l).get("fichier").asString()))
                .containsExactly(lot.resolve("A-DIJON.JSON").toString(), lot.resolve("b-limoges.json").toString());

        Path vide = Files.createDirectories(dir.resolve("vide"));
        assertThat(evaluer("evaluer", vide.toString())).isEqualTo(2);
        assertThat(erreurs.toString(StandardCharsets.UTF_8)).contains("aucun fichier .json dans " + vide + "\n");

        // One folder per operation: a directory is read at its first level, and the error says how to name them.
        for (String operation : new String[] {"dijon", "limoges"}) {
            Path sous = Files.createDirectories(dir.resolve("operations").resolve(operation));
            Files.copy(Path.of("src/test/resources/exemples/construction-neuve-dijon.json"), sous.resolve("dossier.json"));
        }
        Files.writeString(dir.resolve("operations/dijon/resultat.json"), "{}");
        assertThat(evaluer("evaluer", dir.resolve("operations").toString())).isEqualTo(2);
        assertThat(erreurs.toString(StandardCharsets.UTF_8)).contains("aucun fichier .json dans " + dir.resolve("operations")
                + " : un répertoire n'est lu qu'à son premier niveau, et ses sous-répertoires en ont 3 ; les nommer, par exemple "
                + dir.resolve("operations").resolve("*").resolve("dossier.json"));
    }

    /** Like a rule author: a copy of the repository, one file edited, then the command with --packs on that copy. */
    private int evaluerAvecDepotEdite(Path dir, String fichier, UnaryOperator<String> edition, String exemple) throws IOException {
        Path depot = CopieDuDepot.dans(dir);
        Path edite = depot.resolve(fichier);
        Files.writeString(edite, edition.apply(Files.readString(edite)));
        return evaluer("evaluer", "--packs", depot.toString(), "src/test/resources/exemples/" + exemple);
    }

    @Test
    void avecPacksLAuteurDUneRegleLEssaieSansReconstruireLeJar(@TempDir Path dir) throws Exception {
        int code = evaluerAvecDepotEdite(dir, "rules/regles/anomalies-operation.drl",
                drl -> drl.replace("n'est pas déposé, condition", "n'est toujours pas déposé, condition"),
                "vefa-limoges-permis-non-depose.json");

        assertThat(code).isEqualTo(1);
        assertThat(sortie.toString(StandardCharsets.UTF_8)).contains("le permis de construire du promoteur n'est toujours pas déposé");
        assertThat(erreurs.size()).isZero();
    }

    @Test
    void unPackRefuseSortAvecTroisEtDitOuEstLErreur(@TempDir Path dir) throws Exception {
        int code = evaluerAvecDepotEdite(dir, "territories/metropole-rouen-normandie/2026.1/regles/permis.drl",
                drl -> drl.replace("phase == Phase.PROGRAMMATION", "phaze == Phase.PROGRAMMATION"), "construction-neuve-dijon.json");

        assertThat(code).isEqualTo(3);
        assertThat(erreurs.toString(StandardCharsets.UTF_8)).contains("packs refusés")
                .contains("pack metropole-rouen-normandie@2026.1, regles/permis.drl ligne").contains("phaze");
        assertThat(sortie.size()).isZero();

        assertThat(evaluer("evaluer", "--packs", dir.resolve("territories").toString(), "-")).isEqualTo(3);
        assertThat(erreurs.toString(StandardCharsets.UTF_8)).contains("ne contient pas de dossier rules/");
    }

    @Test
    void desPacksSansTerritoiresNeReprennentPasCeuxDuJar(@TempDir Path dir) throws Exception {
        Path depot = CopieDuDepot.dans(dir);
        try (var fichiers = Files.walk(depot.resolve("territories"))) {
            for (Path p : fichiers.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }

        int code = evaluer("evaluer", "--packs", depot.toString(), "src/test/resources/exemples/programmation-grenoble.json");

        assertThat(code).isZero();
        assertThat(sortie.toString(StandardCharsets.UTF_8)).contains("aucun pack territorial").doesNotContain("region-84");
    }

    @Test
    void uneRegleQuiBoucleSortAvecTroisEtLaNomme(@TempDir Path dir) throws Exception {
        int code = evaluerAvecDepotEdite(dir, "rules/regles/qualification.drl", drl -> drl
                + "\nrule \"Une règle qui boucle\" @id(\"T-BOUCLE\") @reference(\"test\") ruleflow-group \"qualification\"\n"
                + "when\n  $l : LotFait(zoneLoyer != \"fin\")\nthen\n  modify($l) { setZoneLoyer(\"x\" + System.nanoTime()) }\nend\n",
                "construction-neuve-dijon.json");

        assertThat(code).isEqualTo(3);
        assertThat(erreurs.toString(StandardCharsets.UTF_8)).contains("« Une règle qui boucle » (T-BOUCLE, national@")
                .contains("se déclenche sans fin");
        assertThat(sortie.size()).isZero();
    }
}
