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
}
