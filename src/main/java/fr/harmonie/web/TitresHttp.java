package fr.harmonie.web;

import java.util.Map;

/** Les titres et détails français des statuts HTTP, pour toutes les façons dont une erreur sort du service. */
final class TitresHttp {

    private static final Map<Integer, String> TITRES = Map.of(
            400, "Requête invalide",
            404, "Ressource introuvable",
            405, "Méthode non autorisée pour cette ressource",
            406, "Format de réponse non disponible",
            413, "Corps de requête trop volumineux",
            415, "Type de contenu non pris en charge",
            500, "Erreur interne");

    private static final Map<Integer, String> DETAILS = Map.of(
            400, "La requête est mal formée (adresse, en-têtes ou corps) : elle ne peut pas être traitée.",
            404, "Aucune ressource à cette adresse.",
            405, "Cette méthode HTTP n'est pas acceptée ici.",
            406, "La réponse n'existe qu'en application/json (la liste des dossiers aussi en text/csv : format=csv, et en"
                    + " application/x-ndjson : format=jsonl).",
            415, "Le corps de la requête doit être en JSON (Content-Type: application/json).",
            500, "Une erreur inattendue est survenue ; elle a été journalisée.");

    private TitresHttp() {
    }

    static String titre(int statut) {
        return TITRES.getOrDefault(statut, statut >= 400 && statut < 500 ? "Requête refusée" : TITRES.get(500));
    }

    static String detail(int statut) {
        return DETAILS.getOrDefault(statut, statut >= 400 && statut < 500 ? "La requête ne peut pas être traitée." : DETAILS.get(500));
    }
}
