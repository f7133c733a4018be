package fr.harmonie.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.dossier.LecteurDossier;
import fr.harmonie.json.Json;
import fr.harmonie.regles.FichiersPack;
import fr.harmonie.regles.LecteurPack;
import fr.harmonie.regles.Pack;
import fr.harmonie.territoires.ChargeurPacks;
import fr.harmonie.territoires.Geographie;
import fr.harmonie.territoires.RegistrePacks;
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
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An evaluation sealed with an earlier version of the national pack must replay, with today's engine, to the same
 * receipt: that is how a deposited dossier is judged again and how {@code /verification} says a receipt holds. The
 * rules are versioned, but the engine around them (stages, maturity planning) is code, and a change there can break
 * old receipts without any pack changing.
 *
 * <p>{@code rejeu/national-2026.2.zip} is {@code rules/} as published in version 2026.2 (its content hash is checked
 * against {@code versions.lock}); {@code scelles-national-2026.2.jsonl} holds 39 dossiers (the reference dossiers and
 * variations: every maturity level, several blocking anomalies, identical steps) with the level, next steps and receipt
 * that the engine of commit 03fa172 gave them with that pack ({@code java -jar harmonie.jar evaluer --packs}).
 */
class RejeuDesVersionsPublieesTest {

    @Test
    void lesEvaluationsScelleesAvecLeSocle2026_2DonnentEncoreLeurRecu() throws Exception {
        Pack national = LecteurPack.lire(new FichiersPack("rejeu/national-2026.2.zip", dezipper("/rejeu/national-2026.2.zip")));
        assertThat(national.reference()).isEqualTo("national@2026.2");
        assertThat(Files.readAllLines(Path.of("territories/versions.lock"))).contains("national@2026.2 " + national.empreinte());

        Geographie geographie = Geographie.chargerEmbarquee();
        List<Pack> territoriaux = new ArrayList<>();
        for (List<Pack> chaine : ChargeurPacks.charger(Path.of("."), geographie).chainesDesPacks()) {
            if (chaine.size() > 1) {
                territoriaux.add(chaine.get(chaine.size() - 1));
            }
        }
        Evaluateur evaluateur = new Evaluateur(new RegistrePacks(national, territoriaux, geographie), Clock.systemUTC());
        LecteurDossier lecteur = new LecteurDossier();

        List<String> scelles = Files.readAllLines(Path.of("src/test/resources/rejeu/scelles-national-2026.2.jsonl"));
        assertThat(scelles).hasSize(39);
        for (String ligne : scelles) {
            JsonNode scelle = Json.MAPPER.readTree(ligne);
            Resultat r = evaluateur.evaluer(lecteur.lire(Json.MAPPER.writeValueAsBytes(scelle.get("dossier"))));
            String quoi = scelle.get("dossier").get("reference").asString();
            assertThat(r.territoire().packs().get(0).version()).as(quoi).isEqualTo("2026.2");
            assertThat(r.maturite().niveau().name()).as(quoi).isEqualTo(scelle.get("niveau").asString());
            assertThat(r.maturite().prochainesEtapes()).as(quoi)
                    .isEqualTo(Json.MAPPER.convertValue(scelle.get("prochainesEtapes"), List.class));
            assertThat(r.empreinte()).as(quoi).isEqualTo(scelle.get("empreinte").asString());
        }
    }

    private static SortedMap<String, byte[]> dezipper(String ressource) throws IOException {
        SortedMap<String, byte[]> fichiers = new TreeMap<>();
        try (InputStream in = RejeuDesVersionsPublieesTest.class.getResourceAsStream(ressource);
             ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (!e.isDirectory()) {
                    fichiers.put(e.getName().replaceFirst("^\\./", ""), zip.readAllBytes());
                }
            }
        }
        return fichiers;
    }
}
