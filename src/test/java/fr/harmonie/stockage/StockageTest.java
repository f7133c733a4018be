package fr.harmonie.stockage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fr.harmonie.NormandieRenumerotee;
import fr.harmonie.regles.Pack;
import fr.harmonie.territoires.RegistreCourant;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Un vrai PostgreSQL: migrations appliquées, versions de packs importées une fois, journal en ajout seul. */
@SpringBootTest
class StockageTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ImportPacks importPacks;

    @Autowired
    RegistreCourant registre;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DataSource dataSource;

    @Autowired
    Flyway flyway;

    /**
     * The embedded default, like a configured base (ReseauMuetTest): a request whose base stops answering gives up
     * after 30 s; a schema migration waits as long as it takes, and its connection, back in the pool, gives up again.
     */
    @Test
    void lesRequetesAbandonnentUneBaseMuetteApres30SecondesLesMigrationsJamais() throws Exception {
        try (Connection migration = flyway.getConfiguration().getDataSource().getConnection()) {
            assertThat(migration.getNetworkTimeout()).isZero();
        }
        List<Connection> toutes = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                toutes.add(dataSource.getConnection());
            }
            assertThat(toutes).allSatisfy(c -> assertThat(c.getNetworkTimeout()).isEqualTo(30_000));
        } finally {
            for (Connection c : toutes) {
                c.close();
            }
        }
    }

    @Test
    void chaqueVersionDePackEstEnBaseAvecSesFichiersEtLImportEstIdempotent() {
        long versions = registre.registre().chainesDesPacks().size();

        assertThat(jdbc.sql("SELECT count(*) FROM pack_version").query(Long.class).single()).isEqualTo(versions);
        assertThat(jdbc.sql("SELECT empreinte FROM pack_version WHERE pack_id = 'metropole-rouen-normandie'")
                .query(String.class).single()).isEqualTo(registre.registre().enVigueur("metropole-rouen-normandie",
                java.time.LocalDate.of(2026, 6, 1)).empreinte());
        assertThat(jdbc.sql("SELECT count(*) FROM pack_fichier WHERE pack_id = 'national' AND chemin = 'regles/pieces.drl'")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(importPacks.importer(registre.registre().chainesDesPacks().stream().map(c -> c.get(c.size() - 1)).toList(), "systeme"))
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM journal WHERE action = 'IMPORT_PACK' AND qui = 'systeme'").query(Long.class).single())
                .isEqualTo(versions);
    }

    /**
     * Two instances starting together on one database import the same versions at once. The second one's insert waits
     * for the first one's transaction, then must find the version there, not fail (and its instance with it).
     */
    @Test
    void deuxImportsSimultanesDUneMemeVersionReussissentTousDeux() throws Exception {
        Pack nouvelle = NormandieRenumerotee.enVersion("2026.7");
        CountDownLatch importee = new CountDownLatch(1);
        CountDownLatch valider = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> premier = threads.submit(() -> transactions.execute(t -> {
                int n = importPacks.importer(List.of(nouvelle), "instance-1");
                importee.countDown();
                attendre(valider);
                return n;
            }));
            attendre(importee);
            Future<Integer> second = threads.submit(() -> importPacks.importer(List.of(nouvelle), "instance-2"));
            // The second import is blocked on the first one's row lock before the first commits.
            long debut = System.nanoTime();
            while (jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'").query(Long.class).single() == 0) {
                assertThat(System.nanoTime() - debut).as("le second import attend le premier").isLessThan(10_000_000_000L);
                Thread.sleep(20);
            }
            valider.countDown();

            assertThat(premier.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(second.get(10, TimeUnit.SECONDS)).isZero();
            assertThat(jdbc.sql("SELECT qui FROM journal WHERE action = 'IMPORT_PACK' AND objet = ?").param(nouvelle.reference())
                    .query(String.class).list()).containsExactly("instance-1");
        } finally {
            valider.countDown();
            threads.shutdownNow();
            // The other tests count the versions in the database (the journal keeps its line: it is append-only).
            jdbc.sql("DELETE FROM pack_fichier WHERE pack_id = ? AND version = ?").params(nouvelle.id(), "2026.7").update();
            jdbc.sql("DELETE FROM pack_version WHERE pack_id = ? AND version = ?").params(nouvelle.id(), "2026.7").update();
        }
    }

    private static void attendre(CountDownLatch l) {
        try {
            assertThat(l.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void leJournalRefuseToutesModificationEtSuppression() {
        assertThatThrownBy(() -> jdbc.sql("UPDATE journal SET qui = 'pirate'").update()).hasMessageContaining("La table journal est en ajout seul : UPDATE refusé");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM journal").update()).hasMessageContaining("La table journal est en ajout seul : DELETE refusé");
    }

    /** A base migrated up to {@code version}, to hold rows as they were before the migrations that follow it. */
    private static JdbcClient baseEnVersion(EmbeddedPostgres pg, String version) {
        Flyway.configure().dataSource(pg.getPostgresDatabase()).locations("classpath:db/migration").target(version).load().migrate();
        return JdbcClient.create(pg.getPostgresDatabase());
    }

    /** The migrations that follow, up to the last: what the service runs at its start on an older base. */
    private static void migrerJusquAuBout(EmbeddedPostgres pg) {
        Flyway.configure().dataSource(pg.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
    }

    private static long unBailleur(JdbcClient base) {
        return base.sql("INSERT INTO organisation (type, nom, siren) VALUES ('BAILLEUR', 'B', '732829320') RETURNING id")
                .query(Long.class).single();
    }

    /**
     * V19 keeps who took each dossier in instruction: for those taken before it, the last to do so in the journal (a
     * colleague who took it up after compléments), and for a dossier deposited again since, still him.
     */
    @Test
    void laMigrationV19RetrouveQuiAPrisChaqueDossierEnInstruction(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("postgres")).start()) {
            JdbcClient base = baseEnVersion(pg, "18");
            long organisation = unBailleur(base);
            String repris = "00000000-0000-0000-0000-000000000001";
            String jamaisPris = "00000000-0000-0000-0000-000000000002";
            base.sql("INSERT INTO dossier (id, organisation_id, statut, contenu, version) VALUES (?::uuid, ?, 'DEPOSE', '{}', 6)")
                    .params(repris, organisation).update();
            base.sql("INSERT INTO dossier (id, organisation_id, statut, contenu, version) VALUES (?::uuid, ?, 'DEPOSE', '{}', 2)")
                    .params(jamaisPris, organisation).update();
            for (String[] ligne : new String[][] {{"premier", "PRENDRE_EN_INSTRUCTION"}, {"premier", "DEMANDER_COMPLEMENTS"},
                    {"collegue", "PRENDRE_EN_INSTRUCTION"}, {"collegue", "DEMANDER_COMPLEMENTS"}, {"b", "DEPOT"}}) {
                base.sql("INSERT INTO journal (qui, action, objet) VALUES (?, ?, ?)").params(ligne[0], ligne[1], "dossier:" + repris).update();
            }

            migrerJusquAuBout(pg);

            assertThat(base.sql("SELECT instructeur FROM dossier WHERE id = ?::uuid").param(repris).query(String.class).single())
                    .isEqualTo("collegue");
            assertThat(base.sql("SELECT instructeur IS NULL FROM dossier WHERE id = ?::uuid").param(jamaisPris).query(Boolean.class).single())
                    .isTrue();
        }
    }

    /**
     * V23 keeps the date of each request, from which its four months of silence run: for dossiers deposited before it,
     * their first deposit in the journal (not the answer to compléments that deposited them again), else their last
     * deposit known; a draft has none.
     */
    @Test
    void laMigrationV23RetrouveLePremierDepotDeChaqueDemande(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("postgres")).start()) {
            JdbcClient base = baseEnVersion(pg, "22");
            long organisation = unBailleur(base);
            String redepose = "00000000-0000-0000-0000-000000000001";
            String sansJournal = "00000000-0000-0000-0000-000000000002";
            String brouillon = "00000000-0000-0000-0000-000000000003";
            base.sql("""
                    INSERT INTO dossier (id, organisation_id, statut, contenu, version, depose_le)
                    VALUES (?::uuid, ?, 'DEPOSE', '{}', 5, '2026-12-01T09:00:00Z'), (?::uuid, ?, 'EN_INSTRUCTION', '{}', 3,
                            '2026-06-15T09:00:00Z'), (?::uuid, ?, 'BROUILLON', '{}', 1, NULL)""")
                    .params(redepose, organisation, sansJournal, organisation, brouillon, organisation).update();
            for (String quand : new String[] {"2026-10-02T08:00:00Z", "2026-12-01T09:00:00Z"}) {
                base.sql("INSERT INTO journal (quand, qui, action, objet) VALUES (?::timestamptz, 'b', 'DEPOT', ?)")
                        .params(quand, "dossier:" + redepose).update();
            }

            migrerJusquAuBout(pg);

            String premier = "SELECT to_char(premier_depot_le AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') FROM dossier WHERE id = ?::uuid";
            assertThat(base.sql(premier).param(redepose).query(String.class).single()).isEqualTo("2026-10-02 08:00");
            assertThat(base.sql(premier).param(sansJournal).query(String.class).single()).isEqualTo("2026-06-15 09:00");
            assertThat(base.sql("SELECT premier_depot_le IS NULL FROM dossier WHERE id = ?::uuid").param(brouillon)
                    .query(Boolean.class).single()).isTrue();
        }
    }

    /**
     * V27 dates each dossier's status: for dossiers from before it, the last journal line that changed it (the
     * decision, not the correction of its sense or a CONFIER after it), else their last deposit, else their creation.
     * V28 names who made the last change: the last line that is not an evaluation (which changes nothing).
     */
    @Test
    void lesMigrationsV27EtV28DatentLeStatutEtNommentLAuteurParLeJournal(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("postgres")).start()) {
            JdbcClient base = baseEnVersion(pg, "26");
            long organisation = unBailleur(base);
            String instruit = "00000000-0000-0000-0000-000000000001";
            String sansJournal = "00000000-0000-0000-0000-000000000002";
            String brouillon = "00000000-0000-0000-0000-000000000003";
            base.sql("""
                    INSERT INTO dossier (id, organisation_id, statut, contenu, version, depose_le, cree_le)
                    VALUES (?::uuid, ?, 'INSTRUIT', '{}', 6, '2026-10-02T08:00:00Z', '2026-09-01T08:00:00Z'),
                           (?::uuid, ?, 'DEPOSE', '{}', 2, '2026-06-15T09:00:00Z', '2026-06-01T08:00:00Z'),
                           (?::uuid, ?, 'BROUILLON', '{}', 1, NULL, '2026-05-01T08:00:00Z')""")
                    .params(instruit, organisation, sansJournal, organisation, brouillon, organisation).update();
            String[][] lignes = {{"2026-10-02T08:00:00Z", "DEPOT"}, {"2026-10-05T08:00:00Z", "PRENDRE_EN_INSTRUCTION"},
                    {"2026-11-20T15:00:00Z", "INSTRUIRE"}, {"2026-11-20T16:00:00Z", "EVALUATION"},
                    {"2026-11-21T09:00:00Z", "CORRIGER_DECISION"}, {"2026-11-22T09:00:00Z", "CONFIER"},
                    {"2026-11-23T09:00:00Z", "EVALUATION"}};
            for (String[] ligne : lignes) {
                base.sql("INSERT INTO journal (quand, qui, action, objet) VALUES (?::timestamptz, ?, ?, ?)")
                        .params(ligne[0], ligne[1].equals("CONFIER") ? "chef" : "i", ligne[1], "dossier:" + instruit).update();
            }

            migrerJusquAuBout(pg);

            String depuis = "SELECT to_char(statut_depuis AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') FROM dossier WHERE id = ?::uuid";
            assertThat(base.sql(depuis).param(instruit).query(String.class).single()).isEqualTo("2026-11-20 15:00");
            assertThat(base.sql(depuis).param(sansJournal).query(String.class).single()).isEqualTo("2026-06-15 09:00");
            assertThat(base.sql(depuis).param(brouillon).query(String.class).single()).isEqualTo("2026-05-01 08:00");
            assertThat(base.sql("SELECT modifie_par FROM dossier WHERE id = ?::uuid").param(instruit).query(String.class).single())
                    .isEqualTo("chef");
        }
    }

    /**
     * V7 and V8 keep the date of rules and the sealed evaluation of a deposit; dossiers deposited before them get the
     * date they carried (which was applied then), else the day, in Paris, of their last deposit in the journal (here
     * 20 December: 23:30 UTC on the 19th is past midnight in Paris), and the evaluation sealed then, not a later one.
     */
    @Test
    void lesMigrationsV7EtV8RetrouventLeDernierDepotDesDossiersDejaDeposes(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("postgres")).start()) {
            JdbcClient base = baseEnVersion(pg, "6");
            long organisation = unBailleur(base);
            String depose = "00000000-0000-0000-0000-000000000001";
            String brouillon = "00000000-0000-0000-0000-000000000002";
            base.sql("INSERT INTO dossier (id, organisation_id, statut, contenu, version, chaine) VALUES (?::uuid, ?, 'DEPOSE', '{}', 3, '[]')")
                    .params(depose, organisation).update();
            base.sql("INSERT INTO dossier (id, organisation_id, statut, contenu, version) VALUES (?::uuid, ?, 'BROUILLON', '{}', 1)")
                    .params(brouillon, organisation).update();
            // Deposited with its own dateReference: that date was the one applied then.
            String date = "00000000-0000-0000-0000-000000000003";
            base.sql("""
                    INSERT INTO dossier (id, organisation_id, statut, contenu, version, chaine)
                    VALUES (?::uuid, ?, 'EN_INSTRUCTION', '{"dateReference": "2026-03-16"}', 3, '[]')""").params(date, organisation).update();
            base.sql("INSERT INTO journal (quand, qui, action, objet) VALUES ('2026-04-01T10:00:00Z', 'b', 'DEPOT', ?)")
                    .param("dossier:" + date).update();
            for (String quand : new String[] {"2025-11-02T10:00:00Z", "2025-12-19T23:30:00Z"}) {
                base.sql("INSERT INTO journal (quand, qui, action, objet) VALUES (?::timestamptz, 'b', 'DEPOT', ?)")
                        .params(quand, "dossier:" + depose).update();
            }
            // Sealed at each deposit (same instant, same transaction), then once by the instructeur after the last one.
            String[][] evaluations = {{"00000000-0000-0000-0000-00000000000a", "2025-11-02T10:00:00Z"},
                    {"00000000-0000-0000-0000-00000000000b", "2025-12-19T23:30:00Z"}, {"00000000-0000-0000-0000-00000000000c", "2026-01-05T09:00:00Z"}};
            for (String[] e : evaluations) {
                base.sql("""
                        INSERT INTO evaluation (id, dossier_id, par, cree_le, entree, chaine, resultat, empreinte)
                        VALUES (?::uuid, ?::uuid, 'b', ?::timestamptz, '{}', '[]', '{}', 'sha256:x')""").params(e[0], depose, e[1]).update();
            }

            migrerJusquAuBout(pg);

            assertThat(base.sql("SELECT date_reference_depot::text FROM dossier WHERE id = ?::uuid").param(depose)
                    .query(String.class).single()).isEqualTo("2025-12-20");
            assertThat(base.sql("SELECT date_reference_depot::text FROM dossier WHERE id = ?::uuid").param(date)
                    .query(String.class).single()).isEqualTo("2026-03-16");
            assertThat(base.sql("SELECT evaluation_depot::text FROM dossier WHERE id = ?::uuid").param(depose)
                    .query(String.class).single()).isEqualTo("00000000-0000-0000-0000-00000000000b");
            assertThat(base.sql("SELECT date_reference_depot IS NULL AND evaluation_depot IS NULL FROM dossier WHERE id = ?::uuid")
                    .param(brouillon).query(Boolean.class).single()).isTrue();
        }
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

    /**
     * Ephemeral data (tests, demonstrations) leaves nothing behind and no error in the log, even when the library's own
     * shutdown hook is the one stopping PostgreSQL and Spring's close returns at once.
     */
    @Test
    void unRepertoireEphemereDisparaitSansErreurMemeQuandPostgresSArreteEncore() throws Exception {
        RepertoireDonnees repertoire = RepertoireDonnees.ouvrir(Path.of("inutilise"), true);
        Path racine = repertoire.postgres().getParent();
        Files.createDirectories(repertoire.postgres());
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(repertoire.postgres()).setCleanDataDirectory(false).start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE a_jeter AS SELECT generate_series(1, 100000) AS n");
        }
        Logger journal = (Logger) LoggerFactory.getLogger(EmbeddedPostgres.class);
        ListAppender<ILoggingEvent> erreurs = new ListAppender<>();
        erreurs.start();
        journal.addAppender(erreurs);
        try {
            Thread arret = new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            arret.start();

            repertoire.close();
            arret.join();
        } finally {
            journal.detachAppender(erreurs);
        }

        assertThat(racine).doesNotExist();
        assertThat(erreurs.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    }
}
