package fr.harmonie.json;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * Canonical JSON for receipts: object keys sorted, no whitespace, numbers in their shortest exact decimal form
 * (62.0 and 62 are the same number, so they hash the same). Two JSON texts that mean the same thing give the
 * same bytes.
 */
public final class JsonCanonique {

    private JsonCanonique() {
    }

    public static void ecrire(JsonNode noeud, OutputStream sortie) {
        try (JsonGenerator g = Json.MAPPER.createGenerator(sortie)) {
            ecrire(noeud, g);
        }
    }

    private static void ecrire(JsonNode n, JsonGenerator g) {
        if (n.isObject()) {
            g.writeStartObject();
            List<Map.Entry<String, JsonNode>> champs = new ArrayList<>(n.properties());
            champs.sort(Map.Entry.comparingByKey());
            for (Map.Entry<String, JsonNode> champ : champs) {
                g.writeName(champ.getKey());
                ecrire(champ.getValue(), g);
            }
            g.writeEndObject();
        } else if (n.isArray()) {
            g.writeStartArray();
            for (JsonNode element : n) {
                ecrire(element, g);
            }
            g.writeEndArray();
        } else if (n.isNumber()) {
            g.writeNumber(nombreCanonique(n));
        } else {
            g.writeTree(n);
        }
    }

    static String nombreCanonique(JsonNode n) {
        if (n.isIntegralNumber()) {
            BigInteger entier = n.bigIntegerValue();
            return entier.toString();
        }
        BigDecimal d = n.decimalValue().stripTrailingZeros();
        if (d.signum() == 0) {
            return "0";
        }
        return d.scale() <= 0 ? d.toBigIntegerExact().toString() : d.toPlainString();
    }
}
