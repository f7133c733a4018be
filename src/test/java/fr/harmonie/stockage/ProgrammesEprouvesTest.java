package fr.harmonie.stockage;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.ServiceEnProcessus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The programs of PostgreSQL, extracted beside the data, are extracted once: the mark that they have run PostgreSQL
 * must not make the library think its extraction unfinished (it did: the second start of every installation extracted
 * them all again), and an extraction that never ran PostgreSQL is still removed and made again.
 */
class ProgrammesEprouvesTest {

    /** Each start in a JVM of its own, as a restart of the service: the library prepares its programs once per JVM. */
    @Test
    void unDeuxiemeDemarrageNExtraitPasDeNouveauLesProgrammes(@TempDir Path racine) throws Exception {
        Path pg = Files.createDirectories(racine.resolve("postgres"));
        demarrerPuisArreter(pg, racine.resolve("premier.log"));
        Path binaires = racine.resolve("postgres-binaires");
        assertThat(binaires).as("programmes extraits à côté des données (partition qui permet de les exécuter)").isDirectory();
        List<Path> extractions;
        try (var entrees = Files.list(binaires)) {
            extractions = entrees.filter(Files::isDirectory).toList();
        }
        assertThat(extractions).hasSize(1);
        Path fin = extractions.get(0).resolve(".exists");
        FileTime extraiteLe = Files.getLastModifiedTime(fin);
        assertThat(ProgrammesEprouves.eprouvee(extractions.get(0))).isTrue();

        demarrerPuisArreter(pg, racine.resolve("second.log"));
        assertThat(Files.getLastModifiedTime(fin)).as("programmes extraits de nouveau au second démarrage").isEqualTo(extraiteLe);
    }

    @Test
    void uneExtractionQuiNAJamaisDemarreSEfface(@TempDir Path binaires) throws Exception {
        Path jamais = extraction(binaires, "PG-aaaa");
        Path eprouvee = extraction(binaires, "PG-bbbb");
        Path refaite = extraction(binaires, "PG-cccc");
        ProgrammesEprouves.marquer(binaires);
        Files.delete(ProgrammesEprouves.marqueDe(jamais));
        // Extracted again by the library since its mark (a later date on its .exists), and not yet started.
        Files.setLastModifiedTime(refaite.resolve(".exists"), FileTime.from(Instant.now().plusSeconds(5)));
        Path orpheline = Files.writeString(binaires.resolve("PG-dddd.demarre"), "1");
        FileTime avant = Files.getLastModifiedTime(eprouvee);

        ProgrammesEprouves.oublierLesNonEprouves(binaires);

        assertThat(jamais).doesNotExist();
        assertThat(refaite).doesNotExist();
        assertThat(ProgrammesEprouves.marqueDe(refaite)).doesNotExist();
        assertThat(orpheline).doesNotExist();
        assertThat(eprouvee.resolve("bin/postgres")).exists();
        assertThat(Files.getLastModifiedTime(eprouvee)).as("rien écrit dans une extraction éprouvée").isEqualTo(avant);
    }

    private static Path extraction(Path binaires, String nom) throws Exception {
        Path dir = Files.createDirectories(binaires.resolve(nom).resolve("bin"));
        Files.writeString(dir.resolve("postgres"), "programme");
        Files.createFile(dir.getParent().resolve(".exists"));
        Files.setLastModifiedTime(dir.getParent().resolve(".exists"), FileTime.from(Instant.now().minusSeconds(60)));
        return dir.getParent();
    }

    private static void demarrerPuisArreter(Path pg, Path journal) throws Exception {
        Process p = new ProcessBuilder(ServiceEnProcessus.java(), "-cp", System.getProperty("java.class.path"),
                DemarrerPuisArreter.class.getName(), pg.toString()).redirectErrorStream(true).redirectOutput(journal.toFile()).start();
        try {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("PostgreSQL démarré puis arrêté en deux minutes").isTrue();
            assertThat(p.exitValue()).as(Files.readString(journal)).isZero();
        } finally {
            p.destroyForcibly();
        }
    }

    /** The kept (not ephemeral) embedded PostgreSQL of the directory given, started then stopped. */
    static final class DemarrerPuisArreter {
        public static void main(String[] args) throws Exception {
            try (PostgresEmbarque serveur = PostgresEmbarque.demarrer(Path.of(args[0]), false)) {
                System.out.println("PostgreSQL embarqué démarré sur le port " + serveur.port());
            }
        }
    }
}
