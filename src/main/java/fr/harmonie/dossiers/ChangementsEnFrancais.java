package fr.harmonie.dossiers;

import fr.harmonie.regles.faits.Fr;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Un changement du dossier dit comme un instructeur le lit, sans pointeur : « Lot PLUS, logement P01, loyer mensuel :
 * 399,3 → 390 », « Ajout : pièce AVIS_COMMUNE ». Les éléments d'une liste sont nommés par ce qui les désigne dans le
 * dossier (le produit d'un lot, la désignation d'un logement, le code d'une pièce), pas par leur rang.
 */
final class ChangementsEnFrancais {

    /** The dossier's properties, in French; a property not listed keeps its name (a later contract's, say). */
    private static final Map<String, String> PROPRIETES = Map.ofEntries(
            Map.entry("formatVersion", "version du format"), Map.entry("reference", "référence"), Map.entry("phase", "phase"),
            Map.entry("dateReference", "date de référence"), Map.entry("territoire", "territoire"),
            Map.entry("maitreOuvrage", "maître d'ouvrage"), Map.entry("siren", "SIREN"), Map.entry("raisonSociale", "raison sociale"),
            Map.entry("famille", "famille"), Map.entry("agrementMOI", "agrément MOI"), Map.entry("premiereDemande", "première demande"),
            Map.entry("nom", "nom"), Map.entry("nature", "nature"), Map.entry("typeHebergement", "type d'hébergement"),
            Map.entry("autorisationSpecifiqueL4412", "autorisation spécifique (L.441-2)"), Map.entry("commune", "commune"),
            Map.entry("codeInsee", "code INSEE"), Map.entry("zone123", "zone 1/2/3"), Map.entry("zoneABC", "zone A/B/C"),
            Map.entry("ascenseur", "ascenseur"), Map.entry("quartierPrioritaire", "quartier prioritaire"),
            Map.entry("foncier", "foncier"), Map.entry("maitrise", "maîtrise foncière"), Map.entry("dateMaitrise", "date de maîtrise"),
            Map.entry("dejaProprietaire", "déjà propriétaire"), Map.entry("dateAcquisition", "date d'acquisition"),
            Map.entry("vendeurOrganismeHlm", "vendeur organisme HLM"), Map.entry("prixAcquisition", "prix d'acquisition"),
            Map.entry("urbanisme", "urbanisme"), Map.entry("permisConstruire", "permis de construire"),
            Map.entry("dateDepotPermis", "date de dépôt du permis"), Map.entry("dateObtentionPermis", "date d'obtention du permis"),
            Map.entry("calendrier", "calendrier"), Map.entry("dateOrdreServicePrevue", "ordre de service prévu le"),
            Map.entry("dateLivraisonPrevue", "livraison prévue le"), Map.entry("avisCommune", "avis de la commune"),
            Map.entry("dureeUsufruitAnnees", "durée de l'usufruit (années)"), Map.entry("lots", "lots"), Map.entry("produit", "produit"),
            Map.entry("loyerZoneM2", "loyer de zone (€/m²)"), Map.entry("margeLocale", "marge locale"),
            Map.entry("loyerMensuelM2", "loyer mensuel (€/m²)"), Map.entry("logements", "logements"),
            Map.entry("designation", "désignation"), Map.entry("typologie", "typologie"),
            Map.entry("surfaceHabitable", "surface habitable"), Map.entry("surfaceAnnexes", "surface des annexes"),
            Map.entry("surfaceUtile", "surface utile"), Map.entry("loyerMensuel", "loyer mensuel"),
            Map.entry("financement", "financement"), Map.entry("prixRevientTTC", "prix de revient TTC"), Map.entry("postes", "postes"),
            Map.entry("chargeFonciere", "charge foncière"), Map.entry("batiment", "bâtiment"),
            Map.entry("honorairesEtDivers", "honoraires et divers"), Map.entry("ressources", "ressources"), Map.entry("type", "type"),
            Map.entry("financeur", "financeur"), Map.entry("montant", "montant"), Map.entry("statut", "statut"),
            Map.entry("pieces", "pièces"), Map.entry("code", "code"), Map.entry("fournie", "fournie"), Map.entry("signee", "signée"),
            Map.entry("dateDocument", "date du document"), Map.entry("commentaire", "commentaire"));

    private ChangementsEnFrancais() {
    }

    /**
     * How {@code nom}, a property of the object at {@code parent} (its name, or "" for the dossier), is said where it
     * stands; null for the operation itself, which holds nearly everything and would open every sentence.
     */
    static String propriete(String parent, String nom) {
        if (parent.isEmpty() && nom.equals("operation")) {
            return null;
        }
        if (nom.equals("nom")) {
            return parent.equals("operation") ? "nom de l'opération" : "nom";
        }
        return PROPRIETES.getOrDefault(nom, nom);
    }

    /** An element of a list the dossier names by one of its properties: the word for it, and that property. */
    private record Designation(String mot, String propriete) { }

    private static final Map<String, Designation> DESIGNATIONS = Map.of(
            "lots", new Designation("lot", "produit"),
            "logements", new Designation("logement", "designation"),
            "pieces", new Designation("pièce", "code"),
            "ressources", new Designation("ressource", "type"));

    /** Whether the elements of {@code tableau} are named by what designates them (a lot by its produit…). */
    static boolean nommeSesElements(String tableau) {
        return DESIGNATIONS.containsKey(tableau);
    }

    /** An element of the list {@code tableau}, by what designates it in the dossier, else by its rank. */
    static String element(String tableau, JsonNode element, int rang) {
        Designation d = DESIGNATIONS.get(tableau);
        JsonNode designation = d == null ? null : element.get(d.propriete());
        return designation != null && designation.isString() ? d.mot() + " " + designation.asString()
                : PROPRIETES.getOrDefault(tableau, tableau) + " n° " + (rang + 1);
    }

    static String remplace(List<String> lieu, JsonNode avant, JsonNode apres) {
        return phrase(lieu) + (avant.isValueNode() && apres.isValueNode() ? " : " + valeur(avant) + " → " + valeur(apres) : " : remplacé");
    }

    static String ajout(List<String> lieu, JsonNode valeur) {
        return "Ajout : " + String.join(", ", lieu) + (valeur.isValueNode() ? " : " + valeur(valeur) : "");
    }

    static String retrait(List<String> lieu, JsonNode valeur) {
        return "Retrait : " + String.join(", ", lieu) + (valeur.isValueNode() ? " (était : " + valeur(valeur) + ")" : "");
    }

    private static String phrase(List<String> lieu) {
        String s = String.join(", ", lieu);
        return s.isEmpty() ? "Dossier" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String valeur(JsonNode v) {
        if (v.isNumber()) {
            return Fr.nombre(v.doubleValue(), 4);
        }
        if (v.isBoolean()) {
            return v.asBoolean() ? "oui" : "non";
        }
        if (v.isNull()) {
            return "rien";
        }
        return "« " + v.asString() + " »";
    }
}
