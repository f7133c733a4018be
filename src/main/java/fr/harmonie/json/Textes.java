package fr.harmonie.json;

/**
 * PostgreSQL keeps neither a NUL character (U+0000) nor a lone surrogate (U+D800 to U+DFFF without its pair), which
 * JSON can carry ({@code \u005Cu0000}, {@code \u005CuD800}). The first is refused by the database; the second would be
 * written as "?" by the driver, silently, so that a text would come back other than it was sent.
 */
public final class Textes {

    private Textes() {
    }

    public static boolean conservable(String texte) {
        for (int i = 0; i < texte.length(); i++) {
            char c = texte.charAt(i);
            if (c == 0 || Character.isLowSurrogate(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == texte.length() || !Character.isLowSurrogate(texte.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }
}
