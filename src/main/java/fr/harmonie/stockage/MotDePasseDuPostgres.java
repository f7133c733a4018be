package fr.harmonie.stockage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL asks a password of every connection.
 *
 * <p>The library's initdb trusts every local connection ({@code -A trust}): on a server with other accounts, any of them
 * could connect to the embedded port as the superuser {@code postgres}, read every dossier, alter sealed evaluations
 * (a superuser may disable their triggers) and run programs as the service's user ({@code COPY … TO PROGRAM}). So the
 * superuser gets a random password, kept in the data directory, which only the service's user can read (0700), and
 * pg_hba.conf asks it (scram-sha-256) of every connection. A base made by an earlier Harmonie, which trusted everyone,
 * is protected the same way at its next start. The password lives beside the base: a backup carries it, and a restored
 * base opens with it.
 */
final class MotDePasseDuPostgres {

    /** In PostgreSQL's data directory: inside it, so that a backup and a restore carry it with the base. */
    static final String FICHIER = "harmonie-motdepasse";

    private static final String MARQUE = "# Harmonie : chaque connexion donne le mot de passe de " + FICHIER;

    private static final String PG_HBA = MARQUE + """

            # (scram-sha-256) ; sans lui, pas de connexion, même depuis cette machine.
            local   all             all                                     scram-sha-256
            host    all             all             127.0.0.1/32            scram-sha-256
            host    all             all             ::1/128                 scram-sha-256
            local   replication     all                                     scram-sha-256
            host    replication     all             127.0.0.1/32            scram-sha-256
            host    replication     all             ::1/128                 scram-sha-256
            """;

    /** pg_hba.conf as the library's initdb writes it, for one start. */
    private static final String CONFIANCE = """
            local   all             all                                     trust
            host    all             all             127.0.0.1/32            trust
            host    all             all             ::1/128                 trust
            """;

    private static final Logger LOG = LoggerFactory.getLogger(MotDePasseDuPostgres.class);

    private MotDePasseDuPostgres() {
    }

    /**
     * The password of the base in {@code pg}: the one kept there, or a new one, which {@link #proteger} keeps. Read
     * before the server starts, when a new base's directory cannot hold a file yet (initdb wants it empty).
     */
    static String lireOuTirer(Path pg) throws IOException {
        String garde = lire(pg);
        if (garde != null) {
            return garde;
        }
        Path hba = pg.resolve("pg_hba.conf");
        if (Files.isRegularFile(hba) && Files.readString(hba, StandardCharsets.UTF_8).startsWith(MARQUE)) {
            // The password was removed (by hand, or a copy made without it): nothing could connect, and the start
            // would fail on the library's « Gave up waiting ». Whoever can write this directory owns the base anyway:
            // trusted for this start, the base gets a new password as soon as it runs.
            LOG.warn("Mot de passe du PostgreSQL embarqué introuvable ({}) : un nouveau est posé à ce démarrage",
                    pg.resolve(FICHIER));
            Files.writeString(hba, CONFIANCE, StandardCharsets.UTF_8);
        }
        byte[] alea = new byte[24];
        new SecureRandom().nextBytes(alea);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(alea);
    }

    /**
     * {@code motDePasse} in a file of its own beside {@code pg} (initdb wants {@code pg} empty), for initdb's
     * {@code --pwfile}, readable by the service's user alone from its creation; to remove once the base is made.
     */
    static Path pourInitdb(Path pg, String motDePasse) throws IOException {
        Path fichier = pg.resolveSibling(pg.getFileName() + "-initdb-motdepasse");
        Files.deleteIfExists(fichier); // left by a start killed during initdb
        Files.createFile(fichier, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(fichier, motDePasse + "\n", StandardCharsets.UTF_8);
        return fichier;
    }

    /** The password kept in {@code pg}, or null for a base that has none (made before this, or by a test). */
    static String lire(Path pg) throws IOException {
        Path fichier = pg.resolve(FICHIER);
        return Files.isRegularFile(fichier) ? Files.readString(fichier, StandardCharsets.UTF_8).strip() : null;
    }

    /**
     * Once the server on {@code pg} runs: unless pg_hba.conf asks for the password already, gives the superuser
     * {@code motDePasse}, keeps it in the directory, then asks it of every connection. Each step may be done again: a
     * start cut in between ends the job at the next.
     */
    static void proteger(Path pg, int port, String motDePasse) throws IOException {
        Path hba = pg.resolve("pg_hba.conf");
        if (Files.readString(hba, StandardCharsets.UTF_8).startsWith(MARQUE)) {
            return;
        }
        Path fichier = pg.resolve(FICHIER);
        if (!Files.isRegularFile(fichier)) {
            Files.writeString(fichier, motDePasse + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            FichiersDuService.proprietaireSeul(fichier);
        }
        try (Connection c = connecter(port, motDePasse); Statement s = c.createStatement()) {
            // Base64url: no quote to escape. PostgreSQL 17 keeps it as a SCRAM verifier, never in clear.
            s.execute("ALTER ROLE postgres PASSWORD '" + motDePasse + "'");
            Files.writeString(hba, PG_HBA, StandardCharsets.UTF_8);
            s.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("le mot de passe du PostgreSQL embarqué n'a pas pu être posé : " + e.getMessage(), e);
        }
    }

    /** A connection to the embedded server on {@code port} as its superuser. */
    static Connection connecter(int port, String motDePasse) throws SQLException {
        Properties proprietes = new Properties();
        proprietes.setProperty("user", "postgres");
        if (motDePasse != null) {
            proprietes.setProperty("password", motDePasse);
        }
        proprietes.setProperty("ApplicationName", "harmonie");
        proprietes.setProperty("connectTimeout", "10");
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", proprietes);
    }
}
