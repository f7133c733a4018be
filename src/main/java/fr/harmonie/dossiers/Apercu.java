package fr.harmonie.dossiers;

import fr.harmonie.dossier.Produit;
import fr.harmonie.json.Json;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Ce qui fait reconnaître un dossier dans une liste sans l'ouvrir: sa référence, l'opération, la commune, le
 * maître d'ouvrage, les produits et le nombre de logements. Un instructeur qui en a deux cents en décembre trie
 * ainsi, plutôt que sur des identifiants.
 */
final class Apercu {

    private Apercu() {
    }

    /** Only what the dossier says: a field it leaves out is left out here too. */
    static Map<String, Object> de(String contenu) {
        JsonNode d = Json.MAPPER.readTree(contenu);
        JsonNode operation = d.path("operation");
        Map<String, Object> m = new LinkedHashMap<>();
        texte(m, "reference", d.path("reference"));
        texte(m, "phase", d.path("phase"));
        texte(m, "operation", operation.path("nom"));
        texte(m, "nature", operation.path("nature"));
        texte(m, "codeInsee", operation.path("commune").path("codeInsee"));
        texte(m, "commune", operation.path("commune").path("nom"));
        texte(m, "siren", d.path("maitreOuvrage").path("siren"));
        texte(m, "raisonSociale", d.path("maitreOuvrage").path("raisonSociale"));
        int logements = 0;
        EnumSet<Produit> produits = EnumSet.noneOf(Produit.class);
        for (JsonNode lot : operation.path("lots")) {
            logements += lot.path("logements").size();
            produits.add(Produit.valueOf(lot.path("produit").asString()));
        }
        m.put("produits", produits);
        m.put("logements", logements);
        return m;
    }

    private static void texte(Map<String, Object> m, String cle, JsonNode valeur) {
        if (valeur.isString()) {
            m.put(cle, valeur.asString());
        }
    }
}
