package fr.harmonie.stockage;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an ephemeral instance (the tests, a demonstration) leaves when it is killed (kill -9, a test run cut short): its
 * temporary directory, about 40 MB, and its PostgreSQL, still running. Its own close would have removed both; nothing
 * else ever comes back to that directory. So each ephemeral start removes those of the instances that are gone.
 *
 * <p>An instance is gone when its {@link RepertoireDonnees#VERROU} is free: the system drops the lock when the process
 * dies. A directory whose lock file is younger than a minute is left alone, since it may be one that another instance
 * is just creating and has not locked yet.
 */
final class EphemeresAbandonnes {

    static final String PREFIXE = "harmonie-donnees";

    private static final Logger LOG = LoggerFactory.getLogger(EphemeresAbandonnes.class);
    private static final Duration AGE_MINIMAL = Duration.ofMinutes(1);

    private EphemeresAbandonnes() {
    }

    /** Best effort: whatever cannot be removed stays, and the start goes on. */
    static void nettoyer(Path temporaires) {
        try (DirectoryStream<Path> candidats = Files.newDirectoryStream(temporaires, PREFIXE + "*")) {
            for (Path candidat : candidats) {
                if (Files.isDirectory(candidat, LinkOption.NOFOLLOW_LINKS)) {
                    nettoyerSiAbandonne(candidat);
                }
            }
        } catch (IOException | DirectoryIteratorException | SecurityException e) {
            LOG.debug("Répertoires éphémères abandonnés non parcourus dans {} : {}", temporaires, e.toString());
        }
    }

    private static void nettoyerSiAbandonne(Path repertoire) {
        Path verrou = repertoire.resolve(RepertoireDonnees.VERROU);
        try {
            if (!Files.isRegularFile(verrou, LinkOption.NOFOLLOW_LINKS) || recent(verrou)
                    || !Files.getOwner(repertoire, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"))) {
                return;
            }
            // Held until the directory is gone, so that no one else sweeps or reuses it meanwhile.
            Optional<VerrouDuRepertoire> libre = VerrouDuRepertoire.essayer(repertoire, false);
            if (libre.isEmpty()) {
                return;
            }
            try (VerrouDuRepertoire tenu = libre.get()) {
                PostgresOrphelin.arreter(repertoire.resolve("postgres"));
                effacer(repertoire);
                LOG.info("Répertoire éphémère d'une instance arrêtée sans nettoyer effacé : {}", repertoire);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Répertoire éphémère abandonné non effacé ({}) : {}", repertoire, e.toString());
        }
    }

    private static boolean recent(Path verrou) throws IOException {
        Instant cree = Files.getLastModifiedTime(verrou, LinkOption.NOFOLLOW_LINKS).toInstant();
        return cree.isAfter(Instant.now().minus(AGE_MINIMAL));
    }

    /** Links are removed, never followed ({@link Files#walk} does not follow them). */
    static void effacer(Path repertoire) throws IOException {
        try (Stream<Path> contenu = Files.walk(repertoire)) {
            for (Path p : contenu.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
