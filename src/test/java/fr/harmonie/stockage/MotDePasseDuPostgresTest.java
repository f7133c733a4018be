package fr.harmonie.stockage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.harmonie.ServiceEnProcessus;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Le PostgreSQL embarqué écoute sur un port de la machine : sans mot de passe, n'importe quel compte de celle-ci s'y
 * connectait en superutilisateur (lire tous les dossiers, modifier des évaluations scellées, lancer des programmes sous
 * l'utilisateur du service). Il demande désormais le mot de passe que seul le service peut lire, y compris une base
 * créée par une version précédente, protégée à son premier démarrage.
 */
class MotDePasseDuPostgresTest {

    @Test
    void sansLeMotDePasseDuRepertoireDeDonneesPersonneNeSeConnecte(@TempDir Path racine) throws Exception {
        Path pg = Files.createDirectories(racine.resolve("postgres"));
        try (PostgresEmbarque serveur = PostgresEmbarque.demarrer(pg, true)) {
            refuse(serveur.port(), null);
            refuse(serveur.port(), "postgres");
            assertThat(selectUn(serveur.port(), MotDePasseDuPostgres.lire(pg))).isEqualTo(1);
            assertThat(Files.getPosixFilePermissions(pg.resolve(MotDePasseDuPostgres.FICHIER)))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
        // Started again, the base keeps its password, and the service its access.
        String premier = MotDePasseDuPostgres.lire(pg);
        try (PostgresEmbarque serveur = PostgresEmbarque.demarrer(pg, true)) {
            refuse(serveur.port(), null);
            assertThat(serveur.motDePasse()).isEqualTo(premier);
            assertThat(selectUn(serveur.port(), serveur.motDePasse())).isEqualTo(1);
        }
        // Its file removed, the base still starts, under a new password, and the old one opens nothing.
        Files.delete(pg.resolve(MotDePasseDuPostgres.FICHIER));
        try (PostgresEmbarque serveur = PostgresEmbarque.demarrer(pg, true)) {
            refuse(serveur.port(), null);
            refuse(serveur.port(), premier);
            assertThat(MotDePasseDuPostgres.lire(pg)).isEqualTo(serveur.motDePasse()).isNotEqualTo(premier);
            assertThat(selectUn(serveur.port(), serveur.motDePasse())).isEqualTo(1);
        }
    }

    /**
     * At the first start of a new base, someone on the machine who keeps knocking on the port while it starts gets in
     * at no moment: the base asks the password from its very first connection, not once the service has set it.
     */
    @Test
    void aSonPremierDemarrageLaBaseNOuvreAucunInstantSansMotDePasse(@TempDir Path racine) throws Exception {
        Path pg = Files.createDirectories(racine.resolve("postgres"));
        int port = ServiceEnProcessus.portLibre();
        AtomicBoolean fini = new AtomicBoolean();
        AtomicInteger entrees = new AtomicInteger();
        AtomicInteger refuseesParLeServeur = new AtomicInteger();
        Thread intrus = new Thread(() -> {
            while (!fini.get()) {
                try (Connection c = MotDePasseDuPostgres.connecter(port, null)) {
                    entrees.incrementAndGet();
                } catch (SQLException e) {
                    // 08001: nothing listens yet. Otherwise the server answered, and asked a password (08004 from the
                    // driver, which has none to give).
                    if (!"08001".equals(e.getSQLState())) {
                        refuseesParLeServeur.incrementAndGet();
                    }
                }
            }
        });
        intrus.start();
        try (PostgresEmbarque serveur = PostgresEmbarque.demarrer(pg, true, port)) {
            assertThat(selectUn(port, serveur.motDePasse())).isEqualTo(1);
        } finally {
            fini.set(true);
            intrus.join();
        }
        assertThat(entrees).as("connexions sans mot de passe acceptées pendant le premier démarrage").hasValue(0);
        assertThat(refuseesParLeServeur.get()).as("essais auxquels le serveur a répondu").isPositive();
        assertThat(racine.resolve("postgres-initdb-motdepasse")).doesNotExist();
    }

    @Test
    void uneBaseQuiFaisaitConfianceATousEstProtegeeASonDemarrageSansRienPerdre(@TempDir Path racine) throws Exception {
        Path pg = Files.createDirectories(racine.resolve("postgres"));
        // As an earlier Harmonie left it: the library's initdb -A trust.
        try (EmbeddedPostgres ancienne = EmbeddedPostgres.builder().setDataDirectory(pg).setCleanDataDirectory(false).start();
             Connection c = ancienne.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE dossier_ancien (nom text)");
            s.execute("INSERT INTO dossier_ancien VALUES ('gardé')");
        }
        try (PostgresEmbarque serveur = PostgresEmbarque.demarrer(pg, true)) {
            refuse(serveur.port(), null);
            try (Connection c = MotDePasseDuPostgres.connecter(serveur.port(), serveur.motDePasse());
                 Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT nom FROM dossier_ancien")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo("gardé");
            }
        }
    }

    private static void refuse(int port, String motDePasse) {
        assertThatThrownBy(() -> selectUn(port, motDePasse)).as("connexion avec le mot de passe " + motDePasse)
                .isInstanceOf(SQLException.class);
    }

    private static int selectUn(int port, String motDePasse) throws SQLException {
        try (Connection c = MotDePasseDuPostgres.connecter(port, motDePasse); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT 1")) {
            r.next();
            return r.getInt(1);
        }
    }
}
