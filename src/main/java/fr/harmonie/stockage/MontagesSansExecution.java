package fr.harmonie.stockage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Whether a directory lies on a partition mounted {@code noexec}, where the system refuses to run any program: read
 * from the mount table of Linux ({@code /proc/self/mountinfo}), the only system the embedded PostgreSQL ships for here.
 */
final class MontagesSansExecution {

    private static final Path TABLE = Path.of("/proc/self/mountinfo");

    private MontagesSansExecution() {
    }

    /** Whether {@code repertoire} (which exists) is on a noexec mount; false when that cannot be known. */
    static boolean contient(Path repertoire) {
        try {
            return contient(repertoire.toRealPath(), Files.readAllLines(TABLE));
        } catch (IOException | RuntimeException inconnu) {
            return false;
        }
    }

    /**
     * The mount that holds {@code chemin} is the one with the longest mount point above it, the last listed when
     * several share that point (mounted over one another). A line: {@code 36 35 98:0 / /mnt/x rw,noexec,relatime - …},
     * the fifth field the mount point, the sixth its options.
     */
    static boolean contient(Path chemin, List<String> table) {
        int profondeur = -1;
        boolean noexec = false;
        for (String ligne : table) {
            String[] champs = ligne.split(" ");
            if (champs.length < 6) {
                continue;
            }
            Path point = Path.of(sansEchappements(champs[4]));
            if (chemin.startsWith(point) && point.getNameCount() >= profondeur) {
                profondeur = point.getNameCount();
                noexec = List.of(champs[5].split(",")).contains("noexec");
            }
        }
        return noexec;
    }

    /** The kernel writes a space in a mount point as {@code \040}, a tab {@code \011}, a backslash {@code \134}. */
    private static String sansEchappements(String point) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < point.length(); i++) {
            char c = point.charAt(i);
            if (c == '\\' && i + 3 < point.length() && point.substring(i + 1, i + 4).chars().allMatch(d -> d >= '0' && d <= '7')) {
                s.append((char) Integer.parseInt(point.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }
}
