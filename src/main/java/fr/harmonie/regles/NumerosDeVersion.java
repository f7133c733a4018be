package fr.harmonie.regles;

import java.util.List;
import java.util.stream.Stream;

/** « 2026.13 » lu comme des nombres, pour que 2026.13 vienne après 2026.9, comme chaque pack nomme ses versions. */
public final class NumerosDeVersion {

    private NumerosDeVersion() {
    }

    /** The numbers of {@code version}, or null when it is not written as numbers separated by dots. */
    public static List<Integer> lire(String version) {
        if (version == null || !version.matches("\\d{1,9}(\\.\\d{1,9})*")) {
            return null;
        }
        return Stream.of(version.split("\\.")).map(Integer::valueOf).toList();
    }

    public static int comparer(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** Whether {@code version} is {@code seuil} or later; a version not written in numbers is not. */
    public static boolean auMoins(String version, String seuil) {
        List<Integer> v = lire(version);
        return v != null && comparer(v, lire(seuil)) >= 0;
    }
}
