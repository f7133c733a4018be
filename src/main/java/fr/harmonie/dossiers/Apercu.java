package fr.harmonie.dossiers;

import fr.harmonie.dossier.Produit;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ce qui fait reconnaître un dossier dans une liste sans l'ouvrir: sa référence, l'opération, la commune, le
 * maître d'ouvrage, les produits et le nombre de logements. Un instructeur qui en a deux cents en décembre trie
 * ainsi, plutôt que sur des identifiants.
 */
final class Apercu {

    /**
     * Read by PostgreSQL from the stored dossier: a list of 500 dossiers carries their apercus, not their contents (up to
     * 2 MiB each, 16 000 dwellings). The dossier was validated against the schema when stored, so these are strings
     * and arrays where the schema says so.
     */
    static final String COLONNES = """
            contenu->>'reference' AS apercu_reference, contenu->>'phase' AS apercu_phase,
            contenu#>>'{operation,nom}' AS apercu_operation, contenu#>>'{operation,nature}' AS apercu_nature,
            contenu#>>'{operation,commune,codeInsee}' AS apercu_code_insee, contenu#>>'{operation,commune,nom}' AS apercu_commune,
            contenu#>>'{maitreOuvrage,siren}' AS apercu_siren, contenu#>>'{maitreOuvrage,raisonSociale}' AS apercu_raison_sociale,
            (SELECT array_agg(DISTINCT l->>'produit') FROM jsonb_array_elements(contenu#>'{operation,lots}') l) AS apercu_produits,
            (SELECT coalesce(sum(jsonb_array_length(l->'logements')), 0)
             FROM jsonb_array_elements(contenu#>'{operation,lots}') l) AS apercu_logements""";

    private Apercu() {
    }

    /** Only what the dossier says: a field it leaves out is left out here too. Products in their usual order. */
    static Map<String, Object> de(ResultSet rs) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        texte(m, "reference", rs.getString("apercu_reference"));
        texte(m, "phase", rs.getString("apercu_phase"));
        texte(m, "operation", rs.getString("apercu_operation"));
        texte(m, "nature", rs.getString("apercu_nature"));
        texte(m, "codeInsee", rs.getString("apercu_code_insee"));
        texte(m, "commune", rs.getString("apercu_commune"));
        texte(m, "siren", rs.getString("apercu_siren"));
        texte(m, "raisonSociale", rs.getString("apercu_raison_sociale"));
        EnumSet<Produit> produits = EnumSet.noneOf(Produit.class);
        Array tableau = rs.getArray("apercu_produits");
        if (tableau != null) {
            for (Object p : (Object[]) tableau.getArray()) {
                produits.add(Produit.valueOf((String) p));
            }
        }
        m.put("produits", produits);
        m.put("logements", rs.getInt("apercu_logements"));
        return m;
    }

    private static void texte(Map<String, Object> m, String cle, String valeur) {
        if (valeur != null) {
            m.put(cle, valeur);
        }
    }
}
