package fr.harmonie.dossiers;

import fr.harmonie.web.ProblemeHttpException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * « Lilas Rouen » : les dossiers dont la référence, le nom de l'opération, la commune ou le maître d'ouvrage contiennent
 * chacun des mots, sans égard à la casse, aux accents, aux apostrophes ni aux tirets. Ce qu'un instructeur tape quand un
 * bailleur l'appelle pour « l'opération des Lilas » sans en avoir la référence. Le texte des dossiers est replié par
 * PostgreSQL à leur écriture (colonne {@code texte_recherche}, V29), les mots tapés ici, par la même table.
 */
final class RechercheDeTexte {

    /**
     * Each letter of {@link #DE} becomes the one at its place in {@link #VERS}: accents off, apostrophes and hyphens to
     * spaces. Capitals too: PostgreSQL's lower() leaves them as they are under the C locale. V29 writes the same table
     * (a test compares the two foldings).
     */
    static final String DE = "àâäáãåéèêëíìîïóòôöõúùûüýÿçñœæÀÂÄÁÃÅÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÝŸÇÑŒÆ'’‘-‐–—";
    static final String VERS = "aaaaaaeeeeiiiiooooouuuuyycnoaaaaaaaeeeeiiiiooooouuuuyycnoa       ";

    private static final int MOTS_AU_PLUS = 10;
    private static final int LONGUEUR_AU_PLUS = 200;

    private RechercheDeTexte() {
    }

    /** The words of {@code texte}, folded; an empty list when it holds none (only spaces or hyphens). */
    static List<String> mots(String texte) {
        if (texte == null) {
            return List.of();
        }
        if (texte.length() > LONGUEUR_AU_PLUS) {
            throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Filtre invalide", "« recherche » : " + LONGUEUR_AU_PLUS
                    + " caractères au plus (quelques mots du nom de l'opération, de la commune, du maître d'ouvrage ou de la référence).");
        }
        List<String> mots = new ArrayList<>();
        for (String mot : replier(texte).split("\\s+")) {
            if (!mot.isEmpty() && !mots.contains(mot)) {
                mots.add(mot);
            }
        }
        if (mots.size() > MOTS_AU_PLUS) {
            throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Filtre invalide", "« recherche » : " + MOTS_AU_PLUS
                    + " mots au plus.");
        }
        return mots;
    }

    static String replier(String texte) {
        StringBuilder replie = new StringBuilder(texte.length());
        texte.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            int i = DE.indexOf(c);
            replie.append(i >= 0 ? VERS.charAt(i) : Character.toString(c));
        });
        return replie.toString();
    }

    /** The SQL that keeps the dossiers holding every word, the words bound by {@link #parametres}. */
    static String sql(List<String> mots) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < mots.size(); i++) {
            // position() rather than LIKE: a « % » or « _ » typed is a character looked for, not a wildcard.
            sql.append(" AND position(:recherche").append(i).append(" in texte_recherche) > 0");
        }
        return sql.toString();
    }

    static Map<String, Object> parametres(List<String> mots) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < mots.size(); i++) {
            p.put("recherche" + i, mots.get(i));
        }
        return p;
    }
}
