package fr.harmonie.dossier;

import tools.jackson.databind.JsonNode;

/**
 * What a document sent for a dossier is when it is another document of Harmonie: a kept dossier as the API answers
 * it (read, edited, sent back whole: the common way of a REST client), a sealed evaluation, an evaluation's result.
 * Each is a dozen « unknown property » écarts to its sender; one sentence says which field holds the dossier.
 */
final class AutresDocuments {

    private AutresDocuments() {
    }

    /** The sentence, or null when the document is not recognisably another one (or is a dossier after all). */
    static String reconnaitre(JsonNode arbre) {
        if (!arbre.isObject() || arbre.has("formatVersion") && arbre.has("maitreOuvrage")) {
            return null;
        }
        if (arbre.path("dossier").isObject() && arbre.has("statut")) {
            return "Ce document est un dossier gardé tel que l'API le rend (GET /api/v1/dossiers/{id}) : le dossier au format 1"
                    + " en est le champ « dossier », à envoyer seul.";
        }
        if (arbre.path("entree").isObject() && arbre.has("resultat")) {
            return "Ce document est une évaluation scellée (GET /api/v1/evaluations/{id}) : le dossier évalué en est le champ"
                    + " « entree », à envoyer seul.";
        }
        if (arbre.has("piecesRequises") && arbre.has("maturite")) {
            return "Ce document est le résultat d'une évaluation, pas un dossier : envoyer le dossier évalué.";
        }
        return null;
    }
}
