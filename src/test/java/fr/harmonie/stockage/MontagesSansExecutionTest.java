package fr.harmonie.stockage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the mount table: which partition holds a directory, and whether it forbids running programs. */
class MontagesSansExecutionTest {

    private static final List<String> TABLE = List.of(
            "27 1 254:1 / / rw,relatime shared:1 - ext4 /dev/vda1 rw",
            "40 27 0:35 / /tmp rw,nosuid,nodev,noexec,relatime shared:2 - tmpfs tmpfs rw",
            "41 27 254:2 / /srv rw,noexec,relatime shared:3 - ext4 /dev/vda2 rw",
            "42 41 254:3 / /srv/mes\\040données rw,relatime shared:4 - ext4 /dev/vda3 rw",
            "43 27 0:36 / /srvx rw,relatime - tmpfs tmpfs rw",
            "44 27 0:37 / /opt rw,noexec,relatime - tmpfs tmpfs rw",
            "45 27 0:38 / /opt rw,relatime - tmpfs tmpfs rw");

    @Test
    void laPartitionQuiContientLeRepertoireEstCelleDuPointDeMontageLePlusProche() {
        assertThat(MontagesSansExecution.contient(Path.of("/home/bailleur/harmonie/data"), TABLE)).isFalse();
        assertThat(MontagesSansExecution.contient(Path.of("/tmp/embedded-pg"), TABLE)).isTrue();
        assertThat(MontagesSansExecution.contient(Path.of("/srv/harmonie/data"), TABLE)).isTrue();
        // A partition mounted below a noexec one has its own options; /srvx is not under /srv.
        assertThat(MontagesSansExecution.contient(Path.of("/srv/mes données/harmonie"), TABLE)).isFalse();
        assertThat(MontagesSansExecution.contient(Path.of("/srvx/data"), TABLE)).isFalse();
        // Mounted over one another: the last one is what the directory sees.
        assertThat(MontagesSansExecution.contient(Path.of("/opt/harmonie"), TABLE)).isFalse();
    }
}
