package fr.harmonie.dossier;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import fr.harmonie.json.FautesDeSaisie;
import fr.harmonie.json.Json;
import fr.harmonie.json.Ressources;
import fr.harmonie.regles.faits.Fr;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a dossier the way the API and the CLI both need it: bounded JSON parsing, validation against the
 * project's copy of the format 1 schema, then mapping to {@link Dossier}. Thread-safe; build one and share it.
 */
public final class LecteurDossier {

    public static final String SCHEMA = "contrat/dossier.schema.json";

    private final Schema schema;
    private final EcartsEnFrancais enFrancais;

    public LecteurDossier() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .locale(Locale.FRENCH)
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_POINTER)
                .build();
        SchemaRegistry registre = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(config));
        String texte = Ressources.texte(SCHEMA);
        this.schema = registre.getSchema(texte, InputFormat.JSON);
        this.enFrancais = new EcartsEnFrancais(Json.MAPPER.readTree(texte));
    }

    public Dossier lire(byte[] json) {
        JsonNode arbre = analyser(json);
        valider(arbre);
        try {
            return Json.MAPPER.treeToValue(arbre, Dossier.class);
        } catch (DatabindException e) {
            // The schema lets through nothing the mapping refuses, except impossible calendar dates.
            throw new DossierInvalideException("Dossier non conforme au format 1",
                    "Une valeur ne peut pas être interprétée.",
                    List.of(new Violation(pointeur(e), "valeur invalide : " + FautesDeSaisie.premiereLigne(e.getOriginalMessage()))));
        }
    }

    private static JsonNode analyser(byte[] json) {
        try {
            JsonNode arbre = Json.MAPPER.readTree(json);
            if (arbre == null || arbre.isMissingNode()) {
                // Neutral words: the same reader serves a request's body and the CLI's file.
                throw new DossierInvalideException("Dossier absent", "Aucun dossier JSON : le corps de la requête ou le fichier est vide.",
                        List.of());
            }
            return arbre;
        } catch (StreamConstraintsException e) {
            throw new DossierInvalideException("Dossier refusé : structure JSON trop profonde ou trop grande",
                    "Le document dépasse les limites admises (imbrication au plus " + Json.PROFONDEUR_MAX + " niveaux).",
                    List.of());
        } catch (JacksonException e) {
            throw new DossierInvalideException("JSON mal formé",
                    "Le dossier n'est pas un JSON valide " + JsonMalForme.expliquer(e, json), List.of());
        }
    }

    /**
     * Enough to correct a dossier by. A body of 2 MiB can hold 150 000 unknown properties, and listing each one
     * answered with 23 MB: the count stays exact, the list stops here.
     */
    static final int VIOLATIONS_LISTEES = 1_000;

    private void valider(JsonNode arbre) {
        List<Error> erreurs = schema.validate(arbre);
        if (!erreurs.isEmpty()) {
            // Ordered and counted on the validator's words; only the listed ones are said in French (a body can hold
            // 150 000 unknown properties, each compared with its object's known ones).
            List<Ecart> ecarts = erreurs.stream()
                    .map(e -> new Ecart(pointeurDe(e), e.getMessage(), e))
                    .distinct()
                    .sorted(Comparator.comparing(Ecart::pointeur).thenComparing(Ecart::brut))
                    .toList();
            int total = ecarts.size();
            String autre = AutresDocuments.reconnaitre(arbre);
            String detail = Fr.compte(total, "écart", "écarts") + " au contrat du dossier (format 1)."
                    + (autre == null ? "" : " " + autre)
                    + (total > VIOLATIONS_LISTEES ? " Les " + VIOLATIONS_LISTEES + " premiers, dans l'ordre des pointeurs, sont listés." : "");
            throw new DossierInvalideException("Dossier non conforme au format 1", detail,
                    ecarts.subList(0, Math.min(total, VIOLATIONS_LISTEES)).stream()
                            .map(e -> new Violation(e.pointeur(), enFrancais.message(e.erreur()))).toList());
        }
    }

    /** One écart, equal to another at the same place with the same words (the validator may report one twice). */
    private record Ecart(String pointeur, String brut, Error erreur) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Ecart e && e.pointeur.equals(pointeur) && e.brut.equals(brut);
        }

        @Override
        public int hashCode() {
            return pointeur.hashCode() * 31 + brut.hashCode();
        }
    }

    private static String pointeurDe(Error e) {
        String p = e.getInstanceLocation().toString();
        // The validator reports a missing or unknown property on its parent object: point at the property itself.
        if (e.getProperty() != null && ("required".equals(e.getKeyword()) || "additionalProperties".equals(e.getKeyword()))) {
            p = p + "/" + e.getProperty().replace("~", "~0").replace("/", "~1");
        }
        return p.isEmpty() ? "" : p;
    }

    private static String pointeur(DatabindException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            sb.append('/').append(ref.getPropertyName() != null ? ref.getPropertyName() : String.valueOf(ref.getIndex()));
        }
        return sb.toString();
    }
}
