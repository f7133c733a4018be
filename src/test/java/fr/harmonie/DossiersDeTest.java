package fr.harmonie;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.json.Json;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** Le dossier d'agrément des cas du socle, au nom du bailleur de démonstration, placé dans une commune. */
public final class DossiersDeTest {

    private static final AtomicInteger OPERATIONS = new AtomicInteger();

    private DossiersDeTest() {
    }

    /**
     * {@code corps} (whose reference is CAS-AGREMENT) as a distinct operation, CAS-AGREMENT-n: an organisation does not
     * deposit one operation twice, and the tests of one service deposit many.
     */
    public static String uneOperation(String corps) {
        return corps.replace("\"CAS-AGREMENT\"", "\"CAS-AGREMENT-" + OPERATIONS.incrementAndGet() + "\"");
    }

    /** A distinct operation each time; deposable in Rouen, Grenoble (with the note descriptive region-84 asks for) and Dijon. */
    public static String agrement(String commune) throws Exception {
        String corps = uneOperation(Files.readString(Path.of("rules/cas/agrement.json"))).replace("\"356000000\"", "\"732829320\"")
                .replace("\"21231\"", "\"" + commune + "\"").replace("\"2026-03-16\"", "\"2026-06-16\"");
        return commune.startsWith("38") ? corps.replace("\"pieces\": [", "\"pieces\": [{\"code\": \"NOTE_DESCRIPTIVE\", \"fournie\": true},")
                : corps;
    }

    /** Créé par {@code bailleur}, et déposé si {@code deposer}; rend son id. */
    public static String creer(int port, String commune, boolean deposer) throws Exception {
        HttpResponse<String> cree = ClientHttp.appeler(port, "POST", "/api/v1/dossiers", "bailleur", agrement(commune), null);
        assertThat(cree.statusCode()).isEqualTo(201);
        String id = Json.MAPPER.readTree(cree.body()).get("id").asString();
        if (deposer) {
            assertThat(ClientHttp.appeler(port, "POST", "/api/v1/dossiers/" + id + "/depot", "bailleur", null, null).statusCode())
                    .isEqualTo(200);
        }
        return id;
    }
}
