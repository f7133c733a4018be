package fr.harmonie;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Une copie de rules/ et territories/, que le test peut éditer comme un auteur de règles sans toucher au dépôt. */
public final class CopieDuDepot {

    private CopieDuDepot() {
    }

    public static Path dans(Path cible) {
        try {
            for (String racine : new String[] {"rules", "territories"}) {
                try (Stream<Path> s = Files.walk(Path.of(racine))) {
                    for (Path p : (Iterable<Path>) s::iterator) {
                        Path copie = cible.resolve(p.toString());
                        if (Files.isDirectory(p)) {
                            Files.createDirectories(copie);
                        } else {
                            Files.copy(p, copie);
                        }
                    }
                }
            }
            return cible;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path temporaire() {
        try {
            return dans(Files.createTempDirectory("harmonie-depot"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A pack's version 2026.1 copied as version 2026.2 (in force from 2026-03-01), as a rule author publishes one: with
     * whatever the test edited in the copy.
     */
    public static void publierCommeNouvelleVersion(Path version) throws IOException {
        Path nouvelle = version.resolveSibling("2026.2");
        try (var fichiers = Files.walk(version)) {
            for (Path p : (Iterable<Path>) fichiers::iterator) {
                Files.copy(p, nouvelle.resolve(version.relativize(p).toString()));
            }
        }
        Path manifeste = nouvelle.resolve("pack.yaml");
        Files.writeString(manifeste, Files.readString(manifeste).replace("version: \"2026.1\"", "version: \"2026.2\"")
                .replace("validFrom: 2026-01-01", "validFrom: 2026-03-01"));
    }
}
