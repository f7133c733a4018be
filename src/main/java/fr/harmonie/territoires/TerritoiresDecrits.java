package fr.harmonie.territoires;

import static fr.harmonie.web.SchemasDecrits.date;
import static fr.harmonie.web.SchemasDecrits.entier;
import static fr.harmonie.web.SchemasDecrits.liste;
import static fr.harmonie.web.SchemasDecrits.objet;
import static fr.harmonie.web.SchemasDecrits.ref;
import static fr.harmonie.web.SchemasDecrits.texte;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the open addresses of territories and communes return, in the OpenAPI description. Their controllers write
 * prepared JSON bytes, which springdoc took for a base64 string (type string, format byte): a client generated from the
 * description would have decoded the JSON as base64. OpenApiTest checks real answers against these shapes.
 */
@Configuration
class TerritoiresDecrits {

    static final String COMMUNE = "Commune";

    @Bean
    OpenApiCustomizer territoiresDansOpenApi() {
        return api -> {
            api.getComponents().addSchemas(COMMUNE, commune());
            contenu(api, "/api/v1/communes", liste(ref(COMMUNE)));
            contenu(api, "/api/v1/communes/{codeInsee}", new Schema<>().allOf(List.of(ref(COMMUNE), objet(null)
                    .addProperty("date", date("La date à laquelle le territoire est résolu."))
                    .addProperty("territoire", objet("Le territoire qu'une évaluation d'un dossier de cette commune trouverait à la"
                            + " date : la même forme que territoire dans le résultat (chaîne de packs, phrase de résolution)."))
                    .addProperty("notes", liste(texte(null)).description("Les niveaux sautés, faute de version en vigueur."))
                    .addProperty("regles", texte("L'adresse des règles en vigueur de ce territoire à la date.")))));
            contenu(api, "/api/v1/territoires", liste(pack()));
            contenu(api, "/api/v1/territoires/{id}/regles", objet("Les règles en vigueur d'un territoire à une date.")
                    .addProperty("territoire", texte("L'identifiant du pack."))
                    .addProperty("date", date(null))
                    .addProperty("notes", liste(texte(null)).description("Les niveaux sautés, faute de version en vigueur."))
                    .addProperty("chaine", liste(objet("Un pack de la chaîne, du socle au plus précis : sa version, ses sources, ses"
                            + " surcharges déclarées et son catalogue de pièces.")))
                    .addProperty("regles", liste(objet("Une règle : id, nom, étape, pack, source (reference), pièce exigée ou"
                            + " anomalie posée, écartable ou non (derogeable).")))
                    .addProperty("parametres", liste(objet("Un paramètre : clé, libellé, valeur (ou nonVerifiable), depuis, pack qui"
                            + " la fixe, source (reference)."))));
        };
    }

    private static void contenu(OpenAPI api, String chemin, Schema<?> schema) {
        api.getPaths().get(chemin).getGet().getResponses().get("200")
                .content(new Content().addMediaType("application/json", new MediaType().schema(schema)));
    }

    private static Schema<Object> commune() {
        return objet("Une commune du découpage administratif (@etalab/decoupage-administratif).")
                .addProperty("codeInsee", texte(null))
                .addProperty("nom", texte(null))
                .addProperty("departement", texte("Le code du département."))
                .addProperty("region", texte("Le code de la région."))
                .addProperty("epci", objet("L'EPCI à fiscalité propre dont elle est membre.").addProperty("code", texte("Son SIREN."))
                        .addProperty("nom", texte(null)))
                .addProperty("codesPostaux", liste(texte(null)))
                .addProperty("ancienneCommune", objet("L'ancienne commune (déléguée ou associée) dont le nom a été trouvé.")
                        .addProperty("codeInsee", texte(null)).addProperty("nom", texte(null))
                        .addProperty("rattachement", texte("DELEGUEE ou ASSOCIEE.")))
                .required(List.of("codeInsee", "nom", "departement", "region"));
    }

    private static Schema<Object> pack() {
        Schema<Object> perimetre = objet("Le périmètre déclaré, et le nombre de communes couvertes.")
                .addProperty("departements", liste(texte(null)))
                .addProperty("epci", liste(texte(null)))
                .addProperty("communes", liste(texte(null)))
                .addProperty("nombreCommunes", entier(null));
        Schema<Object> version = objet(null)
                .addProperty("version", texte(null))
                .addProperty("validFrom", date(null))
                .addProperty("validUntil", date(null))
                .addProperty("empreinte", texte("sha256 du contenu de la version."))
                .addProperty("perimetre", perimetre);
        return objet("Un pack : le socle, une région, une DDT ou un délégataire, et ses versions.")
                .addProperty("id", texte(null))
                .addProperty("libelle", texte(null))
                .addProperty("niveau", texte("NATIONAL, REGION, DEPARTEMENT ou DELEGATAIRE."))
                .addProperty("parent", texte(null))
                .addProperty("versions", liste(version));
    }
}
