package fr.harmonie.web;

import static fr.harmonie.web.SchemasDecrits.texte;

import fr.harmonie.json.Json;
import fr.harmonie.json.Ressources;
import fr.harmonie.stockage.ActionJournal;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the OpenAPI description says beyond what springdoc infers: who the API is for, how to authenticate, and the
 * contract itself. The endpoints that take a dossier read the raw body (to bound it and validate it against the JSON
 * Schema), so springdoc saw no body at all: the dossier and result schemas of the contract, as the service applies
 * them, are now the request and response bodies a bailleur's system integrates against.
 */
@Configuration(proxyBeanMethods = false)
class DescriptionOpenApi {

    private static final String DOSSIER = "Dossier";
    private static final String RESULTAT = "Resultat";
    private static final String PROBLEME = "Probleme";
    private static final List<String> ORDRE_DES_TAGS = List.of("Évaluation", "Territoires", "Dossiers",
            "Évaluations scellées, dépôt et instruction", "Statistiques", "Mon compte", "Jetons", "Journal", "Administration");
    private static final String ETAG = "La version du dossier, à renvoyer dans If-Match pour le modifier ou le supprimer.";

    /** What each query parameter and header means, by name: the same name means the same thing wherever it is taken. */
    private static final Map<String, String> PARAMETRES = Map.ofEntries(
            Map.entry("limite", "Le nombre d'éléments par page, de 1 à " + Pagination.LIMITE
                    + " (" + Pagination.LIMITE + " par défaut)."),
            Map.entry("apres", "Où reprendre la liste : la page suivante est celle que donne l'en-tête Link (rel=\"next\")."),
            Map.entry("avant", "Où reprendre le journal (les lignes plus anciennes) : la page suivante est celle que donne "
                    + "l'en-tête Link (rel=\"next\")."),
            Map.entry("statut", "Seulement les dossiers à ce statut (BROUILLON, DEPOSE, EN_INSTRUCTION, COMPLEMENTS_DEMANDES, "
                    + "INSTRUIT, RETIRE) ; répétable : ?statut=DEPOSE&statut=EN_INSTRUCTION."),
            Map.entry("decision", "Seulement les dossiers dont l'instruction s'est close sur cette décision : FAVORABLE (les"
                    + " agréments) ou DEFAVORABLE (les refus)."),
            Map.entry("rejetImpliciteAvant", "Seulement les demandes d'agrément qui attendent leur décision (DEPOSE,"
                    + " EN_INSTRUCTION, COMPLEMENTS_DEMANDES) dont les quatre mois, au terme desquels le silence vaut rejet, expirent ce jour-là (AAAA-MM-JJ,"
                    + " à Paris) ou avant : quatre mois après leur premier dépôt, selon l'ancien article R. 331-6 du CCH ;"
                    + " ?rejetImpliciteAvant=2027-01-15 donne celles à décider d'abord (rejetImpliciteLe de chaque dossier)."),
            Map.entry("modifieDepuis", "Seulement les dossiers modifiés à cet instant ou depuis (modifieLe : contenu, dépôt,"
                    + " étape d'instruction, retrait) : un instant comme la liste les écrit, 2026-12-07T21:31:05.641Z, ou un jour"
                    + " AAAA-MM-JJ (depuis minuit, heure de Paris). Le système d'un bailleur suit ainsi ses dossiers sans tout relire ;"
                    + " chaque changement étant daté du début de son écriture, reprendre un peu avant le dernier modifieLe lu (une"
                    + " minute) ne manque rien, et les dossiers relus en double se reconnaissent à leur version. Un brouillon"
                    + " supprimé n'y est plus : GET /api/v1/dossiers/supprimes?depuis= les donne."),
            Map.entry("statutDepuisAvant", "Seulement les dossiers à leur statut depuis ce jour-là (AAAA-MM-JJ, à Paris) ou"
                    + " avant (statutDepuis) : ?statut=COMPLEMENTS_DEMANDES&statutDepuisAvant=2026-11-08, les demandes de"
                    + " compléments qui attendent leur réponse depuis un mois au moins, à relancer."),
            Map.entry("recherche", "Seulement les dossiers dont la référence, le nom de l'opération, la commune ou le maître"
                    + " d'ouvrage contiennent chacun de ces mots, sans égard à la casse, aux accents, aux apostrophes ni aux tirets :"
                    + " ?recherche=lilas rouen trouve « Résidence Les Lilas » à Rouen ; 10 mots et 200 caractères au plus."),
            Map.entry("depuis", "Seulement les brouillons supprimés à cet instant ou depuis : un instant comme la liste les écrit"
                    + " (2026-12-07T21:31:05.641Z) ou un jour AAAA-MM-JJ (depuis minuit, heure de Paris) ; sans lui, tous."),
            Map.entry("reference", "Seulement les dossiers de cette référence (celle du bailleur, ou un numéro d'opération SIAP)."),
            Map.entry("commune", "Seulement les dossiers de cette commune (code INSEE)."),
            Map.entry("tri", "creation (par défaut) : du plus ancien dossier créé au plus récent ; depot : du plus ancien "
                    + "dépôt au plus récent (le dernier dépôt de chacun, réponse à des compléments comprise) ; premierDepot : "
                    + "du plus ancien premier dépôt au plus récent (la date de chaque demande : pour les demandes d'agrément, "
                    + "l'ordre où expirent leurs quatre mois, rejetImpliciteLe) ; les dossiers jamais déposés n'ont pas de "
                    + "dépôt et sont en moins ; statutDepuis : depuis quand chacun est à son statut, le plus ancien d'abord"
                    + " (?statut=COMPLEMENTS_DEMANDES&tri=statutDepuis : les demandes de compléments qui attendent leur réponse"
                    + " depuis le plus longtemps)."),
            Map.entry("territoire", "Seulement les dossiers déposés sous ce pack territorial (son identifiant)."),
            Map.entry("siren", "Seulement les dossiers de ce maître d'ouvrage (son SIREN, neuf chiffres ; les espaces de "
                    + "« 552 100 554 » sont ôtés)."),
            Map.entry("instructeur", "Seulement les dossiers que ce compte a pris en instruction, la dernière fois (son "
                    + "identifiant, celui que donne GET /api/v1/moi) : la part de la file d'un instructeur."),
            Map.entry("attribue", "false : seulement les dossiers de personne (déposés, jamais pris en instruction ni confiés),"
                    + " ceux à répartir (CONFIER) ; true : seulement ceux qu'un instructeur a pris ou qu'on lui a confiés."),
            Map.entry("phase", "Seulement les dossiers de cette phase : PROGRAMMATION ou AGREMENT (un dossier qui n'en dit pas "
                    + "est une demande d'agrément, comme le contrat le veut)."),
            Map.entry("deposeDu", "Seulement les dossiers déposés ce jour-là (AAAA-MM-JJ, à Paris) ou depuis, à leur dernier dépôt "
                    + "(réponse à des compléments comprise) : ?deposeDu=2026-11-01 ; un dossier jamais déposé n'y est pas."),
            Map.entry("deposeAu", "Seulement les dossiers déposés ce jour-là (AAAA-MM-JJ, à Paris) ou avant, à leur dernier dépôt : "
                    + "?deposeDu=2026-11-01&deposeAu=2026-12-31, les deux jours compris."),
            Map.entry("niveau", "Seulement les dossiers dont la dernière évaluation donne cette maturité (PREMATUREE, A_CONSOLIDER,"
                    + " MURE) ; répétable : ?niveau=PREMATUREE&niveau=A_CONSOLIDER. Un dossier jamais évalué n'en a pas."),
            Map.entry("objet", "Seulement les lignes de cet objet : dossier:<id>, compte:<identifiant>, organisation:<id>, "
                    + "jeton:<id>, <pack>@<version> ou base."),
            Map.entry("action", "Seulement les lignes de cette action ; par objet, " + ActionJournal.parObjet() + "."),
            Map.entry("codeInsee", "Le code INSEE de la commune (5 caractères : 76540 pour Rouen), pas son code postal."),
            Map.entry("nom", "Le nom de la commune, ou son début, sans égard aux accents, à la casse ni aux tirets."),
            Map.entry("codePostal", "Un code postal (5 chiffres) : les communes qui le portent."),
            Map.entry("du", "Le premier jour de la période (AAAA-MM-JJ, à Paris, compris) ; pour les statistiques, par défaut,"
                    + " un an avant « au »."),
            Map.entry("au", "Le dernier jour de la période (AAAA-MM-JJ, à Paris, compris) ; pour les statistiques, aujourd'hui"
                    + " par défaut."),
            Map.entry("qui", "Seulement les lignes de ce compte (son identifiant, sans égard à la casse) : ce qu'il a fait."),
            Map.entry("date", "La date (AAAA-MM-JJ) à laquelle lire les règles en vigueur ; aujourd'hui (Europe/Paris) par défaut."),
            Map.entry("If-Match", "L'ETag du dossier tel qu'il a été lu : refusé (412) s'il a changé depuis. Requis pour une "
                    + "modification (428 sinon), facultatif pour une suppression, une évaluation, un dépôt ou une étape "
                    + "d'instruction (le dossier évalué, déposé ou instruit est alors celui qui a été lu)."),
            Map.entry("format", "json (par défaut), csv : la liste pour un tableur (séparateur point-virgule, UTF-8 avec "
                    + "BOM, heures de Paris, une ligne par dossier avec son aperçu et sa dernière évaluation), en pièce jointe "
                    + "dossiers.csv, ou jsonl : les dossiers entiers, un par ligne tel que GET /api/v1/dossiers/{id} le donne "
                    + "(application/x-ndjson, dossiers.jsonl), ce que prend la commande comparer ; les mêmes filtres, le même "
                    + "ordre et X-Total-Count. Sans limite ni apres, le fichier tient toute la liste filtrée, 10 000 dossiers au "
                    + "plus (400 au-delà : filtrer, ou lire par pages) ; avec limite, une page comme en JSON, et son en-tête Link."),
            Map.entry("Accept", "text/csv (ou application/x-ndjson), nommé avant application/json, donne la liste comme "
                    + "format=csv (ou format=jsonl) ; JSON sinon."));

    @Bean
    OpenAPI descriptionHarmonie() {
        return new OpenAPI()
                .info(new Info().title("Harmonie").version("v1").description("""
                        Pièces requises, anomalies et maturité d'un dossier de demande d'agrément (PLAI, PLUS, PLS), selon le \
                        socle national et les packs du territoire de l'opération. Sans compte : POST /api/v1/evaluations. \
                        Avec un compte (HTTP Basic) ou un jeton d'organisation (Bearer) : dossiers gardés, dépôt, instruction. \
                        Les erreurs sont en application/problem+json (RFC 9457), en français."""))
                .components(new Components()
                        .addSecuritySchemes("compte", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("jeton", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("compte"))
                .addSecurityItem(new SecurityRequirement().addList("jeton"));
    }

    @Bean
    OpenApiCustomizer contratDansOpenApi() {
        return api -> {
            schemas("contrat/dossier.schema.json", DOSSIER).forEach(api.getComponents()::addSchemas);
            schemas("contrat/evaluation.schema.json", RESULTAT).forEach(api.getComponents()::addSchemas);
            corps(api, "/api/v1/evaluations", PathItem::getPost);
            reponse(api, "/api/v1/evaluations", PathItem::getPost, RESULTAT);
            // ?format=pdf: the same evaluation on paper.
            api.getPaths().get("/api/v1/evaluations").getPost().getResponses().get("200")
                    .description("L'évaluation au format 1 ; avec ?format=pdf (ou Accept: application/pdf), son rapport en PDF (A4).")
                    .getContent().addMediaType("application/pdf", new MediaType().schema(new Schema<>().types(Set.of("string")).format("binary")));
            ApiResponse sature = api.getPaths().get("/api/v1/evaluations").getPost().getResponses().get("503");
            sature.description(sature.getDescription() + " Ou, pour le rapport : " + ReponsesDecrites.IMPRESSIONS_SATUREES);
            corps(api, "/api/v1/dossiers", PathItem::getPost);
            corps(api, "/api/v1/dossiers/{id}", PathItem::getPut);
            entete(api, "/api/v1/dossiers", PathItem::getPost, "201", "Location", "L'adresse du dossier créé.");
            entete(api, "/api/v1/dossiers", PathItem::getPost, "201", "ETag", ETAG);
            entete(api, "/api/v1/dossiers/{id}", PathItem::getGet, "200", "ETag", ETAG);
            entete(api, "/api/v1/dossiers/{id}", PathItem::getPut, "200", "ETag", ETAG);
            entete(api, "/api/v1/dossiers/{id}/evaluations", PathItem::getPost, "201", "Location", "L'adresse de l'évaluation scellée.");
            entete(api, "/api/v1/admin/organisations", PathItem::getPost, "201", "Location", "L'adresse de l'organisation créée.");
            entete(api, "/api/v1/communes", PathItem::getGet, "200", "X-Total-Count",
                    "Combien de communes répondent (un nom en montre 20 au plus).");
            enPages(api, "/api/v1/dossiers", true);
            enPages(api, "/api/v1/dossiers/{id}/evaluations", true);
            enPages(api, "/api/v1/journal", false);
            // Open to anyone, as the security configuration says: no account asked.
            api.getPaths().forEach((chemin, item) -> {
                if (AdressesOuvertes.ouverte(chemin)) {
                    item.readOperations().forEach(o -> o.setSecurity(List.of()));
                }
            });
            // In the order of a dossier's life: the evaluation anyone may call first, the administration last.
            if (api.getTags() != null) {
                api.getTags().sort(Comparator.comparingInt(t -> ORDRE_DES_TAGS.indexOf(t.getName()) < 0
                        ? ORDRE_DES_TAGS.size() : ORDRE_DES_TAGS.indexOf(t.getName())));
            }
            api.getComponents().addSchemas(PROBLEME, probleme());
            api.getPaths().forEach(DescriptionOpenApi::problemes);
        };
    }

    /**
     * The problems every operation of a kind may answer, beside those its controller documents: a client generated from
     * the description then knows each status it may meet, and that the body is then problem+json in French.
     */
    private static void problemes(String chemin, PathItem item) {
        for (Operation o : item.readOperations()) {
            if (o.getParameters() != null) {
                o.getParameters().stream().filter(p -> p.getDescription() == null)
                        .forEach(p -> p.setDescription(PARAMETRES.get(p.getName())));
            }
            ApiResponses reponses = o.getResponses();
            boolean ouverte = o.getSecurity() != null && o.getSecurity().isEmpty();
            if (!ouverte) {
                reponses.putIfAbsent("401", new ApiResponse().description("Sans compte ni jeton, ou identifiants refusés."));
                reponses.putIfAbsent("429", new ApiResponse().description("Trop de mots de passe erronés de suite pour cet identifiant "
                        + "(HTTP Basic) : Retry-After dit dans combien de secondes réessayer."));
                ApiResponse indisponible = reponses.get("503");
                if (indisponible == null) {
                    reponses.addApiResponse("503", new ApiResponse().description(ReponsesDecrites.BASE_INDISPONIBLE));
                } else if (!indisponible.getDescription().contains(ReponsesDecrites.BASE_INDISPONIBLE)) {
                    indisponible.description(indisponible.getDescription() + " Ou : " + ReponsesDecrites.BASE_INDISPONIBLE);
                }
            }
            if (chemin.startsWith("/api/v1/admin/")) {
                reponses.putIfAbsent("403", new ApiResponse()
                        .description("Réservé à un compte administrateur (un jeton n'y suffit pas)."));
            }
            if (chemin.contains("{")) {
                reponses.putIfAbsent("404", new ApiResponse().description(
                        "Rien à cette adresse que le compte puisse voir : la réponse ne dit pas si la ressource existe ailleurs."));
            }
            boolean parametres = o.getParameters() != null && o.getParameters().stream().anyMatch(p -> "query".equals(p.getIn()));
            if (o.getRequestBody() != null || parametres) {
                reponses.putIfAbsent("400", new ApiResponse().description("Demande invalide : detail dit ce qui ne va pas."));
            }
            reponses.forEach((code, r) -> {
                if (code.startsWith("4") || code.startsWith("5")) {
                    r.content(new Content().addMediaType("application/problem+json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEME))));
                } else if (r.getContent() != null && r.getContent().containsKey("*/*")) {
                    // springdoc's guess for a body it cannot type: the service answers JSON, and says so.
                    r.getContent().put("application/json", r.getContent().remove("*/*"));
                }
            });
            ApiResponses triees = new ApiResponses();
            reponses.keySet().stream().sorted().forEach(c -> triees.addApiResponse(c, reponses.get(c)));
            o.setResponses(triees);
        }
    }

    private static Schema<?> probleme() {
        Schema<Object> violation = new Schema<>().types(Set.of("object"))
                .addProperty("pointeur", texte("Le pointeur JSON (RFC 6901) du champ en cause, dans le corps envoyé."))
                .addProperty("message", texte("Ce qui ne va pas, en français : la valeur trouvée, ce qui est attendu et, "
                        + "quand elle se devine, la correction. Un texte pour une personne : ne pas le comparer."));
        return new Schema<>().types(Set.of("object")).description("Un problème (RFC 9457, application/problem+json), en français.")
                .addProperty("type", texte("Le genre du problème, stable (urn:harmonie:probleme:…), quand il en a un."))
                .addProperty("title", texte("Son titre."))
                .addProperty("status", new Schema<>().types(Set.of("integer")).description("Le statut HTTP."))
                .addProperty("detail", texte("Ce qui ne va pas, avec les valeurs en cause, et comment y remédier."))
                .addProperty("instance", texte("L'adresse de la requête."))
                .addProperty("violations", new Schema<>().types(Set.of("array")).items(violation)
                        .description("Pour un dossier non conforme au contrat : chaque écart, avec son champ."))
                .addProperty("dateReference", texte("Pour un dépôt refusé (urn:harmonie:probleme:non-deposable) : le jour où il a été jugé."))
                .addProperty("piecesManquantes", new Schema<>().types(Set.of("array")).items(new Schema<>().types(Set.of("object"))
                                .addProperty("code", texte("Le code de la pièce.")).addProperty("libelle", texte("Son libellé.")))
                        .description("Pour un dépôt refusé : les pièces bloquantes manquantes, par leur code."))
                .addProperty("anomalies", new Schema<>().types(Set.of("array")).items(new Schema<>().types(Set.of("object"))
                                .addProperty("code", texte("Le code de l'anomalie, comme dans le résultat."))
                                .addProperty("gravite", texte("Sa gravité.")).addProperty("champ", texte("Le pointeur JSON du champ."))
                                .addProperty("message", texte("Le message, en français.")))
                        .description("Pour un dépôt refusé : les anomalies qui l'empêchent (BLOQUANTE, TERRITOIRE_INCOHERENT)."))
                .addProperty("territoire", texte("Pour une réponse à des compléments déplacée "
                        + "(urn:harmonie:probleme:complements-d-un-autre-territoire) : le territoire qui les a demandés."))
                .addProperty("territoireDuDossierModifie", texte("Et celui où irait le dossier modifié."))
                .addProperty("dossierDepose", texte("Pour une opération déjà déposée (urn:harmonie:probleme:deja-depose) : "
                        + "l'identifiant du dossier déposé."))
                .required(List.of("title", "status"));
    }


    /**
     * A contract schema as the service applies it, under {@code nom}; its {@code $defs} become components of their own
     * ({@code nom_<def>}), where its references now point.
     */
    private static Map<String, Schema> schemas(String ressource, String nom) {
        ObjectNode racine = (ObjectNode) Json.MAPPER.readTree(Ressources.texte(ressource));
        racine.remove("$schema");
        racine.remove("$id");
        JsonNode definitions = racine.remove("$defs");
        Map<String, Schema> schemas = new LinkedHashMap<>();
        if (definitions != null) {
            definitions.properties().forEach(d -> schemas.put(nom + "_" + d.getKey(), lire(d.getValue(), nom)));
        }
        schemas.put(nom, lire(racine, nom));
        return schemas;
    }

    private static Schema lire(JsonNode schema, String nom) {
        try {
            return Json31.mapper().readValue(schema.toString().replace("\"#/$defs/", "\"#/components/schemas/" + nom + "_"), Schema.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Schéma du contrat illisible : " + nom, e);
        }
    }

    /** An operation that reads a dossier raw ({@link CorpsBorne}), bounded and validated, within the body budget. */
    private static void corps(OpenAPI api, String chemin, Function<PathItem, Operation> methode) {
        Operation o = methode.apply(api.getPaths().get(chemin));
        o.requestBody(new RequestBody().required(true).description("Un dossier au format 1.").content(json(DOSSIER)));
        o.getResponses()
                .addApiResponse("400", new ApiResponse().description("JSON mal formé, ou dossier non conforme au contrat (format 1) : "
                        + "violations donne chaque écart avec son pointeur JSON."))
                .addApiResponse("413", new ApiResponse().description("Corps de plus de 2 Mio."))
                .addApiResponse("415", new ApiResponse().description("Corps qui n'est pas en JSON (Content-Type: application/json)."))
                .addApiResponse("503", new ApiResponse().description(ReponsesDecrites.SATURE));
    }

    private static void reponse(OpenAPI api, String chemin, Function<PathItem, Operation> methode, String schema) {
        ApiResponse ok = methode.apply(api.getPaths().get(chemin)).getResponses().get("200");
        ok.description("L'évaluation au format 1.").content(json(schema));
    }

    private static void entete(OpenAPI api, String chemin, Function<PathItem, Operation> methode, String code, String nom,
                               String description) {
        methode.apply(api.getPaths().get(chemin)).getResponses().get(code)
                .addHeaderObject(nom, new Header().description(description).schema(new Schema<>().types(Set.of("string"))));
    }

    /** The headers of a list read by pages ({@link Pagination}), which springdoc cannot see in a ResponseEntity. */
    private static void enPages(OpenAPI api, String chemin, boolean avecTotal) {
        ApiResponse ok = api.getPaths().get(chemin).getGet().getResponses().get("200");
        ok.addHeaderObject("Link", new Header().description("rel=\"next\" : l'adresse de la page suivante, tant que la page est pleine.")
                .schema(new Schema<>().types(Set.of("string"))));
        if (avecTotal) {
            ok.addHeaderObject("X-Total-Count", new Header().description("Le nombre d'éléments du filtre, toutes pages comprises.")
                    .schema(new Schema<>().types(Set.of("integer"))));
        }
    }

    private static Content json(String schema) {
        return new Content().addMediaType("application/json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schema)));
    }
}
