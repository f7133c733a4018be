package fr.harmonie.json;

/** Des pointeurs JSON (RFC 6901) dans l'ordre du document : « /logements/2 » avant « /logements/10 ». */
public final class PointeursJson {

    private PointeursJson() {
    }

    /**
     * Segment by segment: two array indices (digits only) as numbers, anything else as text; a pointer before those it
     * leads to ({@code /lots/0} before {@code /lots/0/produit}). Read where the two first differ, without splitting
     * them: every evaluation sorts its anomalies.
     */
    public static int comparer(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (i == n) {
            return Integer.compare(a.length(), b.length());
        }
        int debut = a.lastIndexOf('/', i - 1) + 1;
        String x = segment(a, debut);
        String y = segment(b, debut);
        if (estIndice(x) && estIndice(y)) {
            return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
        }
        return Character.compare(a.charAt(i), b.charAt(i));
    }

    private static String segment(String pointeur, int debut) {
        int fin = pointeur.indexOf('/', debut);
        return pointeur.substring(debut, fin < 0 ? pointeur.length() : fin);
    }

    /** RFC 6901 indices have no leading zero: their length orders them, then their digits. */
    private static boolean estIndice(String segment) {
        if (segment.isEmpty() || (segment.length() > 1 && segment.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            if (segment.charAt(i) < '0' || segment.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
