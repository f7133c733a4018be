package fr.harmonie.dossiers;

import static fr.harmonie.web.SchemasDecrits.booleen;
import static fr.harmonie.web.SchemasDecrits.date;
import static fr.harmonie.web.SchemasDecrits.dateHeure;
import static fr.harmonie.web.SchemasDecrits.entier;
import static fr.harmonie.web.SchemasDecrits.liste;
import static fr.harmonie.web.SchemasDecrits.objet;
import static fr.harmonie.web.SchemasDecrits.ref;
import static fr.harmonie.web.SchemasDecrits.texte;

import fr.harmonie.stockage.ActionJournal;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The shapes of a kept dossier (DossiersController#resume) and of a sealed evaluation (CycleController) as the API
 * returns them, in the OpenAPI description: a bailleur's system generated from it reads the status, the overview, the
 * last evaluation, the result and the receipt by name, instead of untyped objects. OpenApiTest checks real answers
 * against them, so a field added to an answer and not here fails.
 */
@Configuration
class FormesDecrites {

    static final String DOSSIER_GARDE = "DossierGarde";
    static final String EVALUATION_SCELLEE = "EvaluationScellee";
    static final String LIGNE_DU_JOURNAL = "LigneDuJournal";

    @Bean
    OpenApiCustomizer formesDesDossiersDansOpenApi() {
        return api -> {
            api.getComponents().addSchemas(DOSSIER_GARDE, dossierGarde());
            api.getComponents().addSchemas(EVALUATION_SCELLEE, evaluationScellee());
            contenu(api, "/api/v1/dossiers", PathItem::getGet, "200", liste(ref(DOSSIER_GARDE)));
            api.getPaths().get("/api/v1/dossiers").getGet().getResponses().get("200").getContent().addMediaType("text/csv",
                    new MediaType().schema(texte("Avec format=csv (ou Accept: text/csv) : la liste pour un tableur, toute sans limite ni apres, une ligne"
                            + " par dossier (identifiant, référence, statut, phase, opération, nature, code INSEE, commune, SIREN,"
                            + " maître d'ouvrage, produits, logements, territoire, dates, puis la dernière évaluation : à jour,"
                            + " déposable, complet, niveau, score, pièces manquantes, anomalies par gravité ; enfin qui l'a pris en"
                            + " instruction).")))
                    .addMediaType("application/x-ndjson", new MediaType().schema(texte("Avec format=jsonl (ou Accept:"
                            + " application/x-ndjson) : les dossiers entiers, toute la liste sans limite ni apres, un objet JSON par"
                            + " ligne, chacun tel que GET /api/v1/dossiers/{id} le donne ; ce que prennent les commandes evaluer et"
                            + " comparer.")));
            contenu(api, "/api/v1/dossiers", PathItem::getPost, "201", ref(DOSSIER_GARDE));
            contenu(api, "/api/v1/dossiers/{id}/copie", PathItem::getPost, "201", ref(DOSSIER_GARDE));
            contenu(api, "/api/v1/dossiers/{id}", PathItem::getPut, "200", ref(DOSSIER_GARDE));
            contenu(api, "/api/v1/dossiers/{id}", PathItem::getGet, "200", new Schema<>().allOf(List.of(ref(DOSSIER_GARDE),
                    objet(null).addProperty("dossier", ref("Dossier")
                            .description("Le dossier tel qu'il est gardé (format 1)."))
                            .addProperty("autresDemandes", liste(objet(null)
                                    .addProperty("id", texte("L'identifiant de l'autre dossier."))
                                    .addProperty("phase", texte("Sa phase : PROGRAMMATION ou AGREMENT."))
                                    .addProperty("statut", texte("Son statut (DEPOSE, EN_INSTRUCTION, COMPLEMENTS_DEMANDES,"
                                            + " INSTRUIT, RETIRE)."))
                                    .addProperty("statutDepuis", texte("Depuis quand il est à ce statut : pour une demande"
                                            + " décidée, le jour de sa décision ; retirée, celui de son retrait."))
                                    .addProperty("premierDepotLe", texte("La date de sa demande, son premier dépôt."))
                                    .addProperty("decision", texte("Le sens de la décision qui l'a close : FAVORABLE ou DEFAVORABLE."))
                                    .addProperty("messageInstruction", texte("Le message de sa dernière étape d'instruction."))
                                    .addProperty("messageRetrait", texte("Pourquoi le bailleur l'a retirée."))
                                    .required(List.of("id", "phase", "statut")))
                                    .description("Les autres demandes déposées de la même opération (même organisation, même"
                                            + " référence sans égard à la casse ni aux espaces, l'une et l'autre phase) que le"
                                            + " compte voit, de la plus ancienne à la plus récente : sa programmation, une"
                                            + " nouvelle demande après un refus ou un retrait, et pourquoi. Vide pour un dossier"
                                            + " sans référence."))
                            .addProperty("nombreNotes", entier("Pour un instructeur ou une DREAL : combien de notes"
                                    + " d'instruction le service a écrites sur le dossier (GET …/notes les donne) ; absent pour le"
                                    + " bailleur."))
                            .required(List.of("dossier", "autresDemandes")))));
            contenu(api, "/api/v1/dossiers/{id}/evaluations", PathItem::getGet, "200",
                    liste(ref(EVALUATION_SCELLEE)));
            contenu(api, "/api/v1/dossiers/{id}/evaluations", PathItem::getPost, "201", objet(null)
                    .addProperty("id", texte("L'identifiant de l'évaluation scellée (son adresse : Location)."))
                    .addProperty("resultat", ref("Resultat")).required(List.of("id", "resultat")));
            contenu(api, "/api/v1/evaluations/{id}", PathItem::getGet, "200", new Schema<>().allOf(List.of(ref(EVALUATION_SCELLEE),
                    objet(null).addProperty("dossier", texte("L'identifiant du dossier évalué."))
                            .addProperty("chaine", liste(texte("id@version d'un pack."))
                                    .description("Les versions de packs de l'évaluation, du socle au plus précis."))
                            .addProperty("entree", ref("Dossier")
                                    .description("Le dossier tel qu'il a été évalué.")))));
            api.getComponents().addSchemas(LIGNE_DU_JOURNAL, ligneDuJournal());
            contenu(api, "/api/v1/journal", PathItem::getGet, "200", liste(ref(LIGNE_DU_JOURNAL)));
            contenu(api, "/api/v1/dossiers/{id}/historique", PathItem::getGet, "200", liste(ref(LIGNE_DU_JOURNAL)));
            contenu(api, "/api/v1/dossiers/{id}/depot", PathItem::getPost, "200", objet("Le dépôt fait.")
                    .addProperty("statut", texte("DEPOSE."))
                    .addProperty("evaluation", texte("L'évaluation scellée du dépôt, qui le juge désormais."))
                    .addProperty("territoire", texte("Le pack du dépôt : le service qui l'instruit."))
                    .addProperty("dateReference", date("Le jour du dépôt, auquel il est jugé."))
                    .addProperty("nombreChangements", entier("Pour une réponse à des"
                            + " compléments : combien de changements depuis le dépôt précédent (l'historique les détaille)."))
                    .addProperty("piecesDemandees", liste(objet(null).addProperty("code", texte("Le code de la pièce au catalogue."))
                                    .addProperty("libelle", texte("Son libellé."))
                                    .addProperty("modifiee", booleen("Vrai quand le dossier la déclare autrement qu'au dépôt"
                                            + " précédent (fournie, signée, datée, commentée, ajoutée ou retirée)."))
                                    .required(List.of("code", "libelle", "modifiee")))
                            .description("Pour une réponse à des compléments qui nommaient des pièces : chacune, et si elle a changé."))
                    .required(List.of("statut", "evaluation", "territoire", "dateReference")));
            contenu(api, "/api/v1/dossiers/{id}/instruction", PathItem::getPost, "200", objet("L'action faite.")
                    .addProperty("statut", texte("Le statut du dossier après l'action : EN_INSTRUCTION, COMPLEMENTS_DEMANDES ou INSTRUIT."))
                    .required(List.of("statut")));
            contenu(api, "/api/v1/evaluations/{id}/verification", PathItem::getGet, "200", objet("L'entrée scellée rejouée sur les"
                    + " versions de packs et la commune scellées.")
                    .addProperty("evaluation", texte(null))
                    .addProperty("empreinteScellee", texte("Le reçu scellé."))
                    .addProperty("empreinteRecalculee", texte("Le reçu du rejeu."))
                    .addProperty("concorde", booleen("Vrai quand les deux reçus sont égaux."))
                    .required(List.of("evaluation", "empreinteScellee", "empreinteRecalculee", "concorde")));
            contenu(api, "/api/v1/statistiques", PathItem::getGet, "200", statistiques());
            contenu(api, "/api/v1/dossiers/repartition", PathItem::getGet, "200", repartition());
            api.getPaths().get("/api/v1/statistiques").getGet().getResponses().get("200").getContent().addMediaType("text/csv",
                    new MediaType().schema(texte("Avec format=csv (ou Accept: text/csv) : pour un tableur, une ligne pour l'ensemble"
                            + " puis une par territoire : dépôts, réponses aux compléments, demandes de compléments, dossiers déposés"
                            + " par niveau de maturité, instructions closes, leurs délais et leurs décisions, les dépôts, les clôtures"
                            + " et les décisions favorables de chaque mois en colonnes, puis les pièces demandées et les anomalies au"
                            + " dépôt, chacune avec son nombre.")));
        };
    }

    /** The figures of a period: the whole, then each territory with the same figures and its id. */
    private static Schema<Object> repartition() {
        return objet("La file des dossiers en cours que le compte voit, à l'instant.")
                .addProperty("date", date("Aujourd'hui (Paris) : le jour auquel les délais de rejet implicite sont comparés."))
                .addProperty("enCours", charge("Tous les dossiers en cours."))
                .addProperty("nonAttribues", charge("Ceux de personne : déposés, jamais pris en instruction ni confiés."))
                .addProperty("instructeurs", liste(charge("Les dossiers d'un instructeur : pris en instruction ou confiés.")
                        .addProperty("instructeur", texte("L'identifiant de son compte."))
                        .addProperty("actif", new Schema<>().type("boolean").description("Faux pour un compte désactivé qui garde des"
                                + " dossiers : à confier à un collègue (CONFIER).")))
                        .description("Du plus chargé au moins ; pour un instructeur, chaque compte instructeur actif de son service,"
                                + " même sans dossier."))
                .addProperty("territoires", liste(charge("Les dossiers en cours d'un service : ceux déposés sous ce pack.")
                        .addProperty("territoire", texte("L'identifiant du pack du dépôt."))
                        .addProperty("nonAttribues", entier("Parmi eux, ceux de personne.")))
                        .description("Service par service, du plus chargé au moins : ce qu'une DREAL compare."))
                .required(List.of("date", "enCours", "nonAttribues", "instructeurs", "territoires"));
    }

    private static Schema<Object> charge(String description) {
        Schema<Object> charge = objet(description).addProperty("total", entier("Les dossiers en cours."));
        AttributionDesDossiers.CONFIABLES.forEach(statut -> charge.addProperty(statut, entier("Ceux au statut " + statut + ".")));
        return charge.addProperty("rejetImpliciteDepasse", entier("Les demandes d'agrément dont le dernier jour des quatre mois"
                + " (rejetImpliciteLe) est passé : réputées rejetées si le service n'a pas décidé à temps."));
    }

    private static Schema<Object> statistiques() {
        return objet("Les comptes de la période, pour les dossiers que le compte voit.")
                .addProperty("du", date("Le premier jour de la période."))
                .addProperty("au", date("Le dernier jour de la période."))
                .addProperty("ensemble", bilan("Tous les territoires ensemble."))
                .addProperty("territoires", liste(bilan("Un territoire (le pack du dépôt).")
                        .addProperty("territoire", texte("L'identifiant du pack.")))
                        .description("Chaque territoire où il y a eu un dépôt ou une demande, du plus de dépôts au moins."))
                .required(List.of("du", "au", "ensemble", "territoires"));
    }

    private static Schema<Object> bilan(String description) {
        return objet(description)
                .addProperty("depots", entier("Les dépôts, réponses à des compléments comprises."))
                .addProperty("reponsesAuxComplements", entier("Parmi eux, les réponses à des compléments."))
                .addProperty("depotsParMois", objet("Les dépôts de chaque mois de la période (AAAA-MM, heure de Paris), zéros compris.")
                        .additionalProperties(entier(null)))
                .addProperty("demandesDeComplements", entier("Les demandes de compléments."))
                .addProperty("demandesNommantDesPieces", entier("Parmi elles, celles qui nomment des pièces."))
                .addProperty("piecesDemandees", liste(objet(null)
                                .addProperty("code", texte("Le code de la pièce au catalogue."))
                                .addProperty("libelle", texte("Son libellé (absent pour une pièce qu'aucun pack servi ne connaît plus)."))
                                .addProperty("demandes", entier("Les demandes de compléments qui la nomment."))
                                .required(List.of("code", "demandes")))
                        .description("Les pièces nommées par les demandes de compléments, de la plus demandée à la moins."))
                .addProperty("piecesNonConformes", liste(objet(null)
                                .addProperty("code", texte("Le code de la pièce au catalogue."))
                                .addProperty("libelle", texte("Son libellé (absent pour une pièce qu'aucun pack servi ne connaît plus)."))
                                .addProperty("dossiers", entier("Les dossiers dont la liste de contrôle l'a jugée NON_CONFORME dans la"
                                        + " période (une fois par dossier)."))
                                .required(List.of("code", "dossiers")))
                        .description("Les pièces que les listes de contrôle des instructeurs ont jugées non conformes, de la plus"
                                + " fréquente à la moins."))
                .addProperty("dossiersDeposes", entier("Les dossiers dont le dernier dépôt tombe dans la période."))
                .addProperty("maturiteAuDepot", objet("Ces dossiers par niveau de maturité de l'évaluation de ce dépôt.")
                        .addProperty("PREMATUREE", entier(null)).addProperty("A_CONSOLIDER", entier(null)).addProperty("MURE", entier(null)))
                .addProperty("anomaliesAuDepot", liste(objet(null)
                                .addProperty("code", texte("Le code de l'anomalie."))
                                .addProperty("gravite", texte("Sa gravité dans l'évaluation du dépôt."))
                                .addProperty("dossiers", entier("Les dossiers qui la portent à leur dépôt."))
                                .required(List.of("code", "gravite", "dossiers")))
                        .description("Les anomalies que ces dossiers portent à leur dépôt (déposables : ni bloquante ni pièce"
                                + " bloquante manquante), de la plus fréquente à la moins."))
                .addProperty("instruits", entier("Les dossiers dont l'instruction s'est close (INSTRUIRE) dans la période ; une clôture"
                        + " défaite depuis par ROUVRIR_INSTRUCTION ne compte pas, l'instruction courant jusqu'à la clôture suivante."))
                .addProperty("instruitsParMois", objet("Ces clôtures, mois par mois (AAAA-MM, heure de Paris), zéros compris :"
                        + " la part des instructions closes en novembre et décembre, que la démarche de lissage veut réduire.")
                        .additionalProperties(entier(null)))
                .addProperty("decisions", objet("Ces clôtures par le sens de la décision que le service a dit : FAVORABLE"
                        + " (l'agrément), DEFAVORABLE (le refus), NON_RENSEIGNEE (clôture qui ne l'a pas dit), zéros compris.")
                        .addProperty("FAVORABLE", entier(null)).addProperty("DEFAVORABLE", entier(null))
                        .addProperty("NON_RENSEIGNEE", entier(null)))
                .addProperty("favorablesParMois", objet("Les décisions favorables (les agréments), mois par mois (AAAA-MM, heure"
                        + " de Paris), zéros compris : en Auvergne-Rhône-Alpes, deux tiers des agréments de 2019 l'ont été en"
                        + " novembre et décembre.").additionalProperties(entier(null)))
                .addProperty("retraits", entier("Les demandes que leur bailleur a retirées dans la période (RETIRE)."))
                .addProperty("instruitsApresRejetImplicite", entier("Parmi les instruits, les demandes d'agrément décidées après"
                        + " les quatre mois au terme desquels le silence du service vaut rejet : un jour après rejetImpliciteLe ("
                        + RejetImplicite.SOURCE + ")."))
                .addProperty("delaiMedianJours", new Schema<>().types(Set.of("number")).description("Pour eux, la médiane"
                        + " des jours entre leur premier dépôt et la clôture de leur instruction, compléments compris (au dixième ;"
                        + " absent sans dossier instruit)."))
                .addProperty("delaiMedianAuServiceJours", new Schema<>().types(Set.of("number")).description("Pour eux, la"
                        + " médiane des jours passés entre les mains du service : de chaque dépôt à la demande de compléments"
                        + " suivante ou à la clôture, l'attente de la réponse du bailleur ôtée (au dixième ; absent sans dossier"
                        + " instruit)."))
                .addProperty("delaiMedianReponseAuxComplementsJours", new Schema<>().types(Set.of("number")).description("Des"
                        + " réponses à des compléments déposées dans la période, la médiane des jours mis à répondre : de la"
                        + " demande du service au dépôt qui y répond (au dixième ; absent sans réponse)."));
    }

    /** JournalController#ligne. */
    private static Schema<Object> ligneDuJournal() {
        Schema<Object> action = texte("L'action (DEPOT, PRENDRE_EN_INSTRUCTION, CREATION_COMPTE…).");
        for (ActionJournal a : ActionJournal.values()) {
            action.addEnumItemObject(a.name());
        }
        return objet("Une ligne du journal : qui a fait quoi, sur quoi, et quand.")
                .addProperty("id", entier("Son numéro, croissant : « avant » en donne la page suivante."))
                .addProperty("quand", dateHeure(null))
                .addProperty("qui", texte("Le compte, ou systeme."))
                .addProperty("action", action)
                .addProperty("objet", texte("Ce sur quoi elle porte : dossier:<id>, compte:<identifiant>, organisation:<id>, jeton:<id>,"
                        + " <pack>@<version> ou base."))
                .addProperty("detail", objet("Ce que l'action dit de plus : le message d'un dépôt ou d'une instruction, les"
                        + " changements d'une réponse à des compléments (JSON Patch, RFC 6902), l'évaluation d'un dépôt…"))
                .required(List.of("id", "quand", "qui", "action", "objet"));
    }

    private static Schema<Object> evaluationScellee() {
        return objet("Une évaluation scellée : qui l'a faite, quand, son résultat au format 1 et son reçu.")
                .addProperty("id", texte("Son identifiant."))
                .addProperty("par", texte("Le compte qui l'a faite."))
                .addProperty("creeLe", dateHeure(null))
                .addProperty("empreinte", texte("Le reçu : sha256 de l'entrée, des packs et du résultat (celui du résultat)."))
                .addProperty("resultat", ref("Resultat"))
                .required(List.of("id", "par", "creeLe", "empreinte", "resultat"));
    }

    private static void contenu(OpenAPI api, String chemin, Function<PathItem, Operation> methode, String code, Schema<?> schema) {
        ApiResponse reponse = methode.apply(api.getPaths().get(chemin)).getResponses().get(code);
        reponse.content(new Content().addMediaType("application/json", new MediaType().schema(schema)));
    }

    private static Schema<Object> dossierGarde() {
        Schema<Object> apercu = objet("Ce qu'est le dossier, lu de son contenu.")
                .addProperty("reference", texte("Sa référence."))
                .addProperty("phase", texte("PROGRAMMATION ou AGREMENT."))
                .addProperty("operation", texte("Le nom de l'opération."))
                .addProperty("nature", texte("La nature de l'opération (CONSTRUCTION_NEUVE, VEFA…)."))
                .addProperty("codeInsee", texte("Le code INSEE de la commune."))
                .addProperty("commune", texte("Le nom de la commune, tel que le dossier l'écrit."))
                .addProperty("siren", texte("Le SIREN du maître d'ouvrage."))
                .addProperty("raisonSociale", texte("Sa raison sociale."))
                .addProperty("produits", liste(texte("PLAI, PLAI_ADAPTE, PLUS ou PLS."))
                        .description("Les produits de ses lots."))
                .addProperty("logements", entier("Le nombre de logements."));
        Schema<Object> anomalies = objet("Combien d'anomalies de chaque gravité.");
        for (String gravite : List.of("BLOQUANTE", "MAJEURE", "MINEURE", "INFO")) {
            anomalies.addProperty(gravite, entier(null));
        }
        Schema<Object> derniere = objet("La dernière évaluation du dossier, absente s'il n'a jamais été évalué (le détail : GET "
                + "/api/v1/evaluations/{id}).")
                .addProperty("id", texte("L'identifiant de l'évaluation scellée."))
                .addProperty("le", dateHeure("Quand elle a été faite."))
                .addProperty("aJour", booleen("Faux si le dossier a été modifié depuis."))
                .addProperty("deposable", booleen(null))
                .addProperty("complet", booleen(null))
                .addProperty("niveau", texte("PREMATUREE, A_CONSOLIDER ou MURE."))
                .addProperty("score", entier("Le score de maturité, de 0 à 100."))
                .addProperty("piecesManquantes", entier("Combien de pièces requises manquent."))
                .addProperty("anomalies", anomalies);
        Schema<Object> pack = objet(null).addProperty("id", texte(null)).addProperty("version", texte(null))
                .addProperty("empreinte", texte("sha256 du contenu du pack."));
        return objet("Un dossier gardé : son statut, sa version, ce qu'il est et ce qu'en a dit sa dernière évaluation.")
                .addProperty("id", texte("Son identifiant (UUID), celui de ses adresses."))
                .addProperty("statut", texte("BROUILLON, DEPOSE, EN_INSTRUCTION, COMPLEMENTS_DEMANDES, INSTRUIT ou RETIRE"
                        + " (demande retirée par le bailleur)."))
                .addProperty("version", entier("Sa version, que l'ETag donne entre guillemets."))
                .addProperty("apercu", apercu)
                .addProperty("derniereEvaluation", derniere)
                .addProperty("territoire", texte("Le pack de son dernier dépôt, qui désigne le service qui l'instruit."))
                .addProperty("chaineDepot", liste(pack)
                        .description("Les versions de packs qui le jugent depuis son dernier dépôt."))
                .addProperty("dateReferenceDepot", date("Le jour de son dernier dépôt, auquel il est jugé."))
                .addProperty("evaluationDepot", texte("L'évaluation scellée de son dernier dépôt."))
                .addProperty("deposeLe", dateHeure("Son dernier dépôt."))
                .addProperty("premierDepotLe", dateHeure("Son premier dépôt : la date de la demande, qu'une réponse à des"
                        + " compléments ne change pas."))
                .addProperty("rejetImpliciteLe", date("Pour une demande d'agrément qui attend sa décision (DEPOSE, EN_INSTRUCTION,"
                        + " COMPLEMENTS_DEMANDES) : le dernier jour pour la décider, celui où expirent les quatre mois depuis le premier"
                        + " dépôt (" + RejetImplicite.SOURCE + ") ; absent pour une demande de programmation, décidée ou retirée."))
                .addProperty("instructeur", texte("Qui l'a pris en instruction, la dernière fois (l'identifiant de son compte) :"
                        + " les compléments qu'il a demandés lui reviennent."))
                .addProperty("messageInstruction", texte("Le dernier message du service instructeur."))
                .addProperty("piecesDemandees", liste(objet(null).addProperty("code", texte("Le code de la pièce au catalogue."))
                                .addProperty("libelle", texte("Son libellé."))
                                .addProperty("modifiee", booleen("Une fois la demande répondue (le dossier déposé de nouveau) :"
                                        + " vrai quand la réponse déclare la pièce autrement qu'au dépôt précédent (fournie, signée,"
                                        + " datée, commentée, ajoutée ou retirée) ; absent tant que le bailleur n'a pas répondu."))
                                .required(List.of("code", "libelle")))
                        .description("Les pièces que nomme la dernière demande de compléments, dans l'ordre du catalogue"
                                + " (absent si elle n'en nomme aucune)."))
                .addProperty("messageDepot", texte("Ce que le bailleur a dit avec son dernier dépôt."))
                .addProperty("decision", texte("Une fois l'instruction close (INSTRUIT), le sens de la décision que le service a dit"
                        + " en la clôturant : FAVORABLE (l'agrément) ou DEFAVORABLE (le refus) ; absent s'il ne l'a pas dit.")
                        ._enum(List.<Object>of("FAVORABLE", "DEFAVORABLE")))
                .addProperty("messageRetrait", texte("Ce que le bailleur a dit en retirant sa demande (RETIRE)."))
                .addProperty("creeLe", dateHeure(null))
                .addProperty("modifieLe", dateHeure("Son dernier changement : création, modification, dépôt, étape d'instruction,"
                        + " retrait (une évaluation ne le change pas)."))
                .addProperty("modifiePar", texte("Qui a fait ce dernier changement (l'identifiant de son compte) : le collègue"
                        + " dont la modification rend la vôtre périmée (412)."))
                .addProperty("statutDepuis", dateHeure("Depuis quand il est à son statut : pour un dossier instruit, sa décision ;"
                        + " en compléments, la demande du service qui attend la réponse ; en instruction, le début de"
                        + " l'instruction (ou sa réouverture) ; déposé, son dernier dépôt ; retiré, son retrait ; un brouillon, sa"
                        + " création. Ni CONFIER, ni CORRIGER_DECISION, ni une modification ne la changent."))
                .required(List.of("id", "statut", "version", "apercu", "creeLe", "modifieLe", "statutDepuis"));
    }
}
