package fr.harmonie.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.dossier.LecteurDossier;
import fr.harmonie.json.Json;
import fr.harmonie.regles.FichiersPack;
import fr.harmonie.regles.LecteurPack;
import fr.harmonie.regles.Pack;
import fr.harmonie.regles.SocleNational;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Les anomalies d'un même code dans l'ordre du dossier, comme un instructeur le lit : la pièce 2 avant la pièce 11, le
 * logement 2 avant le logement 10. Depuis le socle 2026.13 ; une évaluation scellée sur une version d'avant se rejoue
 * dans l'ordre de son reçu.
 */
class OrdreDesAnomaliesTest {

    /** The base dossier with a twelfth piece first, and two pieces supplied and dated after the date of reference. */
    private static byte[] deuxPiecesDateesDuFutur() throws Exception {
        ObjectNode dossier = (ObjectNode) Json.MAPPER.readTree(Files.readString(Path.of("rules/cas/agrement.json")));
        ArrayNode pieces = (ArrayNode) dossier.get("pieces");
        pieces.insert(0, Json.MAPPER.readTree("{\"code\": \"AVIS_COMMUNE\", \"fournie\": false}"));
        for (JsonNode p : pieces) {
            if (List.of("FICHE_DESCRIPTIVE", "PERMIS_CONSTRUIRE").contains(p.get("code").asString())) {
                ((ObjectNode) p).put("dateDocument", "2027-01-05");
            }
        }
        return Json.MAPPER.writeValueAsBytes(dossier);
    }

    private static List<String> champsDesDatesFutures(Pack socle) throws Exception {
        Resultat r = new Evaluateur(new SocleNational(socle), Clock.systemUTC()).evaluer(new LecteurDossier().lire(deuxPiecesDateesDuFutur()));
        return r.anomalies().stream().filter(a -> a.code().equals("DATE_FUTURE")).map(Resultat.AnomalieRelevee::champ).toList();
    }

    @Test
    void dansLOrdreDuDossierDepuisLeSocle2026_13() throws Exception {
        assertThat(champsDesDatesFutures(SocleNational.charger(Path.of("rules"))))
                .containsExactly("/pieces/3/dateDocument", "/pieces/11/dateDocument");
    }

    @Test
    void dansLOrdreDuTexteSurUnSocleDAvant() throws Exception {
        TreeMap<String, byte[]> fichiers = new TreeMap<>(FichiersPack.depuisDossier(Path.of("rules")).fichiers());
        fichiers.put("pack.yaml", new String(fichiers.get("pack.yaml"), StandardCharsets.UTF_8)
                .replaceFirst("(?m)^version: .*$", "version: \"2026.12\"").getBytes(StandardCharsets.UTF_8));
        assertThat(champsDesDatesFutures(LecteurPack.lire(new FichiersPack("socle 2026.12", fichiers))))
                .containsExactly("/pieces/11/dateDocument", "/pieces/3/dateDocument");
    }
}
