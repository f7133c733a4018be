package fr.harmonie.json;

/** Des pointeurs JSON (RFC 6901) dans l'ordre du document : « /logements/2 » avant « /logements/10 ». */
public final class PointeursJson {

    private PointeursJson() {
    }

    /**
     * Segment by segment: two array indices (digits only) as numbers, anything else as text; a pointer before those it
     * leads to ({@code /lots/0} before {@code /lots/0/produit}).
     */
    public static int comparer(String a, String b) {
        String[] x = a.split("/", -1);
        String[] y = b.split("/", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = estIndice(x[i]) && estIndice(y[i])
                    ? x[i].length() != y[i].length() ? Integer.compare(x[i].length(), y[i].length()) : x[i].compareTo(y[i])
                    : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
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
