package fr.harmonie.web;

import io.swagger.v3.oas.models.media.Schema;
import java.util.Set;

/** The JSON Schema pieces the OpenAPI description of each feature is written with, each with its French description. */
public final class SchemasDecrits {

    private SchemasDecrits() {
    }

    /** A component of the description, by name (Dossier, Resultat, DossierGarde…). */
    public static Schema<Object> ref(String composant) {
        return new Schema<>().$ref("#/components/schemas/" + composant);
    }

    public static Schema<Object> objet(String description) {
        return new Schema<>().types(Set.of("object")).description(description);
    }

    public static Schema<Object> liste(Schema<?> element) {
        return new Schema<>().types(Set.of("array")).items(element);
    }

    public static Schema<Object> texte(String description) {
        return new Schema<>().types(Set.of("string")).description(description);
    }

    public static Schema<Object> entier(String description) {
        return new Schema<>().types(Set.of("integer")).description(description);
    }

    public static Schema<Object> booleen(String description) {
        return new Schema<>().types(Set.of("boolean")).description(description);
    }

    public static Schema<Object> date(String description) {
        return new Schema<>().types(Set.of("string")).format("date").description(description);
    }

    public static Schema<Object> dateHeure(String description) {
        return new Schema<>().types(Set.of("string")).format("date-time").description(description);
    }
}
