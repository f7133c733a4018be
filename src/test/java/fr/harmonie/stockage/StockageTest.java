package fr.harmonie.stockage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.harmonie.territoires.RegistreCourant;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Un vrai PostgreSQL: migrations appliquées, versions de packs importées une fois, journal en ajout seul. */
@SpringBootTest
class StockageTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ImportPacks importPacks;

    @Autowired
    RegistreCourant registre;

    @Test
    void chaqueVersionDePackEstEnBaseAvecSesFichiersEtLImportEstIdempotent() {
        long versions = registre.registre().chainesDesPacks().size();

        assertThat(jdbc.sql("SELECT count(*) FROM pack_version").query(Long.class).single()).isEqualTo(versions);
        assertThat(jdbc.sql("SELECT empreinte FROM pack_version WHERE pack_id = 'metropole-rouen-normandie'")
                .query(String.class).single()).isEqualTo(registre.registre().enVigueur("metropole-rouen-normandie",
                java.time.LocalDate.of(2026, 6, 1)).empreinte());
        assertThat(jdbc.sql("SELECT count(*) FROM pack_fichier WHERE pack_id = 'national' AND chemin = 'regles/pieces.drl'")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(importPacks.importer(registre.registre().chainesDesPacks().stream().map(c -> c.get(c.size() - 1)).toList()))
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM journal WHERE action = 'IMPORT_PACK'").query(Long.class).single()).isEqualTo(versions);
    }

    @Test
    void leJournalRefuseToutesModificationEtSuppression() {
        assertThatThrownBy(() -> jdbc.sql("UPDATE journal SET qui = 'pirate'").update()).hasMessageContaining("La table journal est en ajout seul : UPDATE refusé");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM journal").update()).hasMessageContaining("La table journal est en ajout seul : DELETE refusé");
    }

    @Test
    void lesDonneesDuPostgresEmbarqueSurviventAUnRedemarrage(@TempDir Path dir) throws Exception {
        Path donnees = dir.resolve("postgres");
        Files.createDirectories(donnees);
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(donnees).setCleanDataDirectory(false).start();
             Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE dossier_test (nom text)");
            s.execute("INSERT INTO dossier_test VALUES ('conservé')");
        }
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(donnees).setCleanDataDirectory(false).start();
             Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT nom FROM dossier_test")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("conservé");
        }
    }
}
