package fr.harmonie.stockage;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The programs of PostgreSQL, extracted beside the data, are extracted once: the mark that they have run PostgreSQL
 * must not make the library think its extraction unfinished (it did: the second start of every installation extracted
 * them all again), and an extraction that never ran PostgreSQL is still removed and made again.
 */
class ProgrammesEprouvesTest {

    @Test
    void apresUnDemarrageLaBibliothequeTientSonExtractionPourFinie(@TempDir Path racine) throws Exception {
        Path pg = Files.createDirectories(racine.resolve("postgres"));
        try (PostgresEmbarque serveur = PostgresEmbarque.demarrer(pg, false)) {
            assertThat(serveur.port()).isPositive();
        }
        List<Path> extractions;
        try (var entrees = Files.list(racine.resolve("postgres-binaires"))) {
            extractions = entrees.filter(Files::isDirectory).toList();
        }
        assertThat(extractions).hasSize(1);
        Path extraction = extractions.get(0);
        assertThat(ProgrammesEprouves.eprouvee(extraction)).isTrue();
        // The library's own test, the one its next start makes before extracting everything again.
        assertThat(pretePourLaBibliotheque(extraction)).as("extraction tenue pour finie au démarrage suivant").isTrue();
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

    private static boolean pretePourLaBibliotheque(Path extraction) throws Exception {
        Method pret = EmbeddedPostgres.class.getDeclaredMethod("isPgBinReady", File.class);
        pret.setAccessible(true);
        return (boolean) pret.invoke(null, extraction.resolve(".exists").toFile());
    }
}
