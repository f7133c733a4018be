package fr.harmonie.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Le seul ObjectMapper de Harmonie: partagé, sans état, sûr entre threads. */
public final class Json {

    /**
     * The deepest legitimate dossier is 6 levels deep (dossier, operation, lots, lot, logements, logement):
     * anything much deeper is an attack or a mistake, refused before it costs stack or memory.
     */
    public static final int PROFONDEUR_MAX = 32;

    public static final JsonMapper MAPPER = JsonMapper.builder(
                    JsonFactory.builder()
                            .streamReadConstraints(StreamReadConstraints.builder()
                                    .maxNestingDepth(PROFONDEUR_MAX)
                                    .maxStringLength(1_000_000)
                                    .maxNumberLength(100)
                                    .build())
                            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                            .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // An absent boolean takes the schema's default (false), as the contract says.
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .changeDefaultPropertyInclusion(v -> JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    /**
     * Canonical JSON for receipts: no whitespace, nulls left out, record components in their declaration order (Jackson
     * writes creator properties first, in creator order, before any alphabetical sorting), map entries sorted by key.
     * The same value always gives the same bytes, whatever the order in which a client wrote its keys. Sealed
     * receipts are checked again later: these bytes are pinned by {@code FormeCanoniqueTest}, so that a library
     * upgrade cannot change them unnoticed. This mapper defines the bytes; {@link EcrivainCanonique} writes the same
     * bytes faster for each receipt ({@code EcrivainCanoniqueTest} compares the two).
     */
    public static final JsonMapper CANONIQUE = MAPPER.rebuild()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(tools.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /** Les fichiers YAML des packs (manifeste, paramètres, cas): une clé inconnue est une faute de frappe, refusée. */
    public static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /**
     * Said to whoever sends bytes that are not UTF-8: JSON between systems is UTF-8 (RFC 8259, 8.1), and a French text
     * exported as ISO-8859-1 or Windows-1252 (an "é" as the byte E9) otherwise reads as a mere unexpected character.
     */
    public static final String PAS_EN_UTF8 = "le texte n'est pas encodé en UTF-8 (seul encodage d'un JSON, RFC 8259) :"
            + " un texte en ISO-8859-1 ou Windows-1252 doit être converti en UTF-8";

    /** Whether the parser stopped on bytes that are not UTF-8 (Jackson says "Invalid UTF-8 start/middle byte"). */
    public static boolean pasEnUtf8(JacksonException e) {
        String m = e.getOriginalMessage();
        return m != null && m.startsWith("Invalid UTF-8");
    }

    private Json() {
    }
}
