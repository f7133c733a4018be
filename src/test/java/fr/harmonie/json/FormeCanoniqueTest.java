package fr.harmonie.json;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.dossier.Dossier;
import fr.harmonie.dossier.LecteurDossier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Receipts are sha256 over {@link Json#CANONIQUE} bytes, and sealed evaluations are checked again months later by
 * recomputing them. If this test fails after a dependency upgrade, every stored receipt would stop verifying: keep the
 * old bytes (configure the mapper back), do not re-approve.
 */
class FormeCanoniqueTest {

    private static final Path DOSSIER = Path.of("src/test/resources/golden/01-construction-neuve-dijon/dossier.json");
    private static final Path CANONIQUE = Path.of("src/test/resources/golden/01-construction-neuve-dijon/dossier.canonique.json");

    @Test
    void lesOctetsCanoniquesDUnDossierNeChangentPas() throws IOException {
        Dossier d = new LecteurDossier().lire(Files.readAllBytes(DOSSIER));
        String octets = new String(Json.CANONIQUE.writeValueAsBytes(d), StandardCharsets.UTF_8);
        if (Boolean.getBoolean("canonique.ecrire")) {
            Files.writeString(CANONIQUE, octets, StandardCharsets.UTF_8);
        }
        assertThat(octets).isEqualTo(Files.readString(CANONIQUE, StandardCharsets.UTF_8));
    }

    @Test
    void lOrdreDesClesEcritParLeClientNeChangeRien() throws IOException {
        ObjectNode melange = (ObjectNode) inverser(Json.MAPPER.readTree(Files.readAllBytes(DOSSIER)));
        Dossier d = new LecteurDossier().lire(Json.MAPPER.writeValueAsBytes(melange));
        assertThat(new String(Json.CANONIQUE.writeValueAsBytes(d), StandardCharsets.UTF_8))
                .isEqualTo(Files.readString(CANONIQUE, StandardCharsets.UTF_8));
    }

    private static JsonNode inverser(JsonNode n) {
        if (n instanceof ObjectNode o) {
            List<Map.Entry<String, JsonNode>> champs = new ArrayList<>(o.properties());
            Collections.reverse(champs);
            ObjectNode inverse = Json.MAPPER.createObjectNode();
            champs.forEach(e -> inverse.set(e.getKey(), inverser(e.getValue())));
            return inverse;
        }
        if (n.isArray()) {
            var a = Json.MAPPER.createArrayNode();
            n.forEach(e -> a.add(inverser(e)));
            return a;
        }
        return n;
    }
}
