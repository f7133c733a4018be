package fr.harmonie.stockage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The server running on a PostgreSQL data directory, as its {@code postmaster.pid} names it: the process on the first
 * line, the port on the fourth. The file stays behind a server that was killed: the process is looked up, not assumed.
 */
final class Postmaster {

    private Postmaster() {
    }

    /** The live process named in {@code pg}'s postmaster.pid, if the file is there and readable. */
    static Optional<ProcessHandle> processus(Path pg) {
        return ligne(pg, 0).flatMap(pid -> nombre(pid).flatMap(ProcessHandle::of)).filter(ProcessHandle::isAlive);
    }

    /** The port of the server running on {@code pg}, if its process lives. */
    static Optional<Integer> port(Path pg) {
        return processus(pg).flatMap(p -> ligne(pg, 3)).flatMap(Postmaster::nombre).map(Long::intValue);
    }

    /** A file being written, or damaged, may hold anything. */
    private static Optional<Long> nombre(String texte) {
        try {
            return Optional.of(Long.parseLong(texte));
        } catch (NumberFormatException illisible) {
            return Optional.empty();
        }
    }

    private static Optional<String> ligne(Path pg, int numero) {
        try {
            List<String> lignes = Files.readAllLines(pg.resolve("postmaster.pid"));
            return lignes.size() > numero ? Optional.of(lignes.get(numero).trim()) : Optional.empty();
        } catch (IOException | RuntimeException absentOuIllisible) {
            return Optional.empty();
        }
    }
}
