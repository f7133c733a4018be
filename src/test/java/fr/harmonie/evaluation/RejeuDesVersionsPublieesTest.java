package fr.harmonie.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.Socle;
import fr.harmonie.dossier.LecteurDossier;
import fr.harmonie.json.Json;
import fr.harmonie.regles.FichiersPack;
import fr.harmonie.regles.LecteurPack;
import fr.harmonie.regles.Pack;
import fr.harmonie.territoires.ChargeurPacks;
import fr.harmonie.territoires.Geographie;
import fr.harmonie.territoires.RegistrePacks;
import fr.harmonie.territoires.VersionsPubliees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * An evaluation sealed with an earlier version of the national pack must replay, with today's engine, to the same
 * receipt: that is how a deposited dossier is judged again and how {@code /verification} says a receipt holds. The
 * rules are versioned, but the engine around them (stages, maturity planning) is code, and a change there can break
 * old receipts without any pack changing.
 *
 * <p>{@code src/test/resources/rejeu/} keeps, for each earlier version V of the national pack, {@code national-V.zip}
 * ({@code rules/} as published; its content hash is checked against {@code versions.lock}) and
 * {@code scelles-national-V.jsonl}: dossiers (the reference dossiers and variations: every maturity level, several
 * blocking anomalies, identical steps) with the level, next steps and receipt the engine of the day gave them.
 * Version 2026.2 was sealed by the engine of commit 03fa172. Since 2026.3, a version is archived when it is
 * published ({@code scripts/archiver-socle.py}), so that its sealed evaluations are those of the engine that published
 * it, the one that sealed real receipts: archived later, a change of the engine in between would go unseen.
 */
class RejeuDesVersionsPublieesTest {

    private static final Path REJEU = Path.of("src/test/resources/rejeu");

    @TestFactory
    Stream<DynamicTest> chaqueEvaluationScelleeAvecUneVersionArchiveeDonneEncoreSonRecu() throws IOException {
        Geographie geographie = Geographie.chargerEmbarquee();
        List<Pack> territoriaux = new ArrayList<>();
        for (List<Pack> chaine : ChargeurPacks.charger(Path.of("."), geographie).chainesDesPacks()) {
            if (chaine.size() > 1) {
                territoriaux.add(chaine.get(chaine.size() - 1));
            }
        }
        VersionsPubliees verrou = VersionsPubliees.de(Path.of("."));
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> archives = Files.list(REJEU)) {
            for (Path archive : archives.filter(p -> p.getFileName().toString().matches("national-.*\\.zip")).sorted().toList()) {
                String version = archive.getFileName().toString().replaceAll("^national-|\\.zip$", "");
                tests.add(DynamicTest.dynamicTest("national@" + version, () -> rejouer(archive, version, verrou, territoriaux, geographie)));
            }
        }
        assertThat(tests).as("versions archivées").isNotEmpty();
        return tests.stream();
    }

    @Test
    void laVersionEnVigueurDuSocleEstArchiveeDesSaPublication() {
        assertThat(REJEU.resolve("national-" + Socle.VERSION + ".zip"))
                .as(Socle.REFERENCE + " publiée sans archive : construire le jar et lancer scripts/archiver-socle.py")
                .exists();
    }

    private static void rejouer(Path archive, String version, VersionsPubliees verrou, List<Pack> territoriaux, Geographie geographie)
            throws IOException {
        Pack national = LecteurPack.lire(new FichiersPack(archive.toString(), dezipper(archive)));
        assertThat(national.reference()).isEqualTo("national@" + version);
        assertThat(verrou.publiee(national)).as("l'archive est une version publiée").isTrue();
        assertThat(verrou.ecart(national)).as("l'archive est la version publiée").isNull();
        Evaluateur evaluateur = new Evaluateur(new RegistrePacks(national, territoriaux, geographie), Clock.systemUTC());
        LecteurDossier lecteur = new LecteurDossier();

        List<String> scelles = Files.readAllLines(REJEU.resolve("scelles-national-" + version + ".jsonl"));
        assertThat(scelles).hasSizeGreaterThanOrEqualTo(39);
        for (String ligne : scelles) {
            JsonNode scelle = Json.MAPPER.readTree(ligne);
            Resultat r = evaluateur.evaluer(lecteur.lire(Json.MAPPER.writeValueAsBytes(scelle.get("dossier"))));
            String quoi = scelle.get("dossier").get("reference").asString();
            assertThat(r.territoire().packs().get(0).version()).as(quoi).isEqualTo(version);
            assertThat(r.maturite().niveau().name()).as(quoi).isEqualTo(scelle.get("niveau").asString());
            assertThat(r.maturite().prochainesEtapes()).as(quoi)
                    .isEqualTo(Json.MAPPER.convertValue(scelle.get("prochainesEtapes"), List.class));
            assertThat(r.empreinte()).as(quoi).isEqualTo(scelle.get("empreinte").asString());
        }
    }

    private static SortedMap<String, byte[]> dezipper(Path archive) throws IOException {
        SortedMap<String, byte[]> fichiers = new TreeMap<>();
        try (InputStream in = Files.newInputStream(archive); ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (!e.isDirectory()) {
                    fichiers.put(e.getName().replaceFirst("^\\./", ""), zip.readAllBytes());
                }
            }
        }
        return fichiers;
    }
}
