package fr.harmonie.territoires;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The pack id someone most likely meant by one no pack bears: the same letters and digits (« region84 » for
 * « region-84 »), or the start of exactly one id (« metropole-rouen »). Pack ids are public (GET /api/v1/territoires).
 */
public final class IdentifiantsDePacks {

    private IdentifiantsDePacks() {
    }

    /** The one id meant, or null when none fits or several do. */
    public static String proche(String texte, Collection<String> identifiants) {
        String cle = cle(texte);
        if (cle.isEmpty()) {
            return null;
        }
        List<String> memes = identifiants.stream().filter(id -> cle(id).equals(cle)).toList();
        if (memes.size() == 1) {
            return memes.get(0);
        }
        List<String> debuts = identifiants.stream().filter(id -> cle(id).startsWith(cle)).toList();
        return memes.isEmpty() && debuts.size() == 1 ? debuts.get(0) : null;
    }

    /** « ; le pack voulu est sans doute « region-84 » », or where to find the ids. */
    public static String suggestion(String texte, Collection<String> identifiants) {
        String proche = texte == null ? null : proche(texte, identifiants);
        return proche != null ? " ; le pack voulu est sans doute « " + proche + " »"
                : " ; les identifiants des packs : GET /api/v1/territoires";
    }

    private static String cle(String texte) {
        return texte.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
