package fr.harmonie;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real partitions (tmpfs) for the tests that need a full disk or a noexec mount, as servers have them. Only root can
 * mount: elsewhere, the test that asks for one is skipped. {@link #demonter} in the test's {@code @AfterEach}.
 */
public final class PartitionsMontees {

    private final List<Path> montees = new ArrayList<>();

    /** A tmpfs mounted on {@code point} (created), with mount {@code options} such as {@code size=1m} or {@code noexec}. */
    public Path monter(Path point, String options) throws Exception {
        Files.createDirectories(point);
        String dit = commande("mount", "-t", "tmpfs", "-o", options, "tmpfs", point.toString());
        assumeTrue(dit == null, "monter une partition demande root : " + dit);
        montees.add(point);
        return point;
    }

    public void demonter() throws Exception {
        for (Path point : montees) {
            commande("umount", "-l", point.toString());
        }
        montees.clear();
    }

    /** Null when the command succeeds, else what it said. */
    public static String commande(String... commande) throws Exception {
        Process p = new ProcessBuilder(commande).redirectErrorStream(true).start();
        String dit = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? null : dit;
    }
}
