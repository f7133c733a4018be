package fr.harmonie.stockage;

import fr.harmonie.comptes.MotDePasseDemo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Les données du PostgreSQL embarqué (dossiers, évaluations scellées, journal, comptes, jetons, versions de packs)
 * copiées dans une base à soi, celle que le service utilisera ensuite par SPRING_DATASOURCE_URL: qui a essayé Harmonie
 * avec sa base embarquée passe à son serveur PostgreSQL (ou au docker-compose.yml) sans rien perdre.
 *
 * <p>The embedded server brings no pg_dump, and a physical backup only restores into the same server's files. So this
 * starts the embedded server on the stopped service's directory (under its lock: no service writes meanwhile, and
 * what it would write would be lost), brings both schemas to this jar's migrations with Flyway, then copies every table
 * with COPY in one transaction on the target, which must hold no data: all or nothing. Sequences follow, so that new rows do not take old ids. Before committing, each table's rows are compared
 * (count and a digest of their text) on both sides. The demo accounts that still have the password {@code demo} are
 * deactivated in the target, where the service listens on the network; the journal says so, and says the migration.
 */
public final class MigrationVersUneBase {

    /** Flyway's own table: the target has its own history, written by its migration. */
    private static final String HISTORIQUE = "flyway_schema_history";

    /** Where the service will keep its data from now on: what SPRING_DATASOURCE_URL and its companions name. */
    public record BaseCible(String url, String utilisateur, String motDePasse) {
    }

    /**
     * Rows copied per table (in copy order), and the demo accounts deactivated; whether an administrator is left, and
     * whether the data directory is marked as migrated ({@link MigrationFaite}), so that no service starts on it.
     */
    public record Bilan(Map<String, Long> lignes, List<String> comptesDesactives, boolean administrateurActif,
                        boolean repertoireMarque) {
    }

    private MigrationVersUneBase() {
    }

    /**
     * Copies the embedded base under {@code racine} (the service's {@code HARMONIE_DATA_DIR}, service stopped) into
     * {@code cible}, which holds no data of Harmonie.
     *
     * @throws OperationRefuseeException when there is nothing to copy, a service runs on {@code racine}, or the target
     *         refuses or already holds data: the target has received nothing (at most the schema, as a start would)
     * @throws IOException when the copy failed midway: the target's transaction is rolled back, it holds no data
     */
    public static Bilan migrer(Path racine, BaseCible cible) throws IOException {
        Path donnees = racine.toAbsolutePath().normalize();
        if (!Files.isRegularFile(donnees.resolve("postgres").resolve("PG_VERSION"))) {
            throw new OperationRefuseeException("aucune donnée d'Harmonie dans " + donnees + " (pas de base dans "
                    + donnees.resolve("postgres") + ") : donnez le répertoire de données du service (HARMONIE_DATA_DIR, ou"
                    + " --donnees).");
        }
        if (!cible.url().startsWith("jdbc:postgresql:")) {
            throw new OperationRefuseeException("SPRING_DATASOURCE_URL doit désigner une base PostgreSQL"
                    + " (jdbc:postgresql://hote:5432/harmonie), pas « " + AdresseDeBase.sansParametres(cible.url()) + " ».");
        }
        try (Connection vers = connecter(cible); RepertoireDonnees repertoire = tenir(donnees);
             PostgresEmbarque embarque = demarrer(repertoire)) {
            DriverManagerDataSource depuis = new DriverManagerDataSource("jdbc:postgresql://localhost:" + embarque.port()
                    + "/postgres", "postgres", embarque.motDePasse());
            try {
                // A base left by an older Harmonie: brought to this jar's schema, as its next start would.
                Flyway.configure().dataSource(depuis).load().migrate();
            } catch (FlywayException e) {
                // A base from a newer Harmonie, whose migrations this jar does not know: that one migrates it.
                throw new OperationRefuseeException("le schéma de la base embarquée de " + donnees + " ne peut pas être"
                        + " amené à celui de ce jar (" + e.getMessage() + ") : lancez la migration avec le jar qui s'en"
                        + " servait.", e);
            }
            preparer(vers, cible);
            try (Connection source = depuis.getConnection()) {
                exigerLeMemeSchema(source, vers, donnees, cible);
                // One snapshot of the source for every table: nothing writes to it, but the digests must agree anyway.
                source.setAutoCommit(false);
                source.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                source.setReadOnly(true);
                Bilan bilan = copier(source, vers, cible);
                // Committed: from now on, a service started here would write where nobody reads.
                try {
                    MigrationFaite.marquer(donnees, cible.url());
                    return bilan;
                } catch (IOException e) {
                    return new Bilan(bilan.lignes(), bilan.comptesDesactives(), bilan.administrateurActif(), false);
                }
            }
        } catch (SQLException e) {
            throw new IOException("la copie vers " + AdresseDeBase.sansParametres(cible.url()) + " a échoué, et la base"
                    + " cible n'en a rien gardé (PostgreSQL a répondu : " + e.getMessage() + ")", e);
        }
    }

    private static Connection connecter(BaseCible cible) {
        Properties proprietes = new Properties();
        if (cible.utilisateur() != null) {
            proprietes.setProperty("user", cible.utilisateur());
        }
        if (cible.motDePasse() != null) {
            proprietes.setProperty("password", cible.motDePasse());
        }
        proprietes.setProperty("ApplicationName", "harmonie-migration");
        proprietes.setProperty("connectTimeout", "10");
        try {
            return DriverManager.getConnection(cible.url(), proprietes);
        } catch (SQLException e) {
            throw refus(cible, e);
        }
    }

    private static RepertoireDonnees tenir(Path donnees) {
        try {
            return RepertoireDonnees.ouvrir(donnees, false);
        } catch (DonneesInutilisablesException e) {
            throw new OperationRefuseeException("le répertoire " + donnees + " est tenu par un service Harmonie en marche"
                    + " (ou une sauvegarde) : arrêtez-le d'abord. La migration copie la base telle qu'elle restera ; ce"
                    + " que le service y écrirait pendant ou après serait perdu.", e);
        }
    }

    private static PostgresEmbarque demarrer(RepertoireDonnees repertoire) throws IOException {
        try {
            return PostgresEmbarque.demarrer(repertoire.postgres(), false);
        } catch (RuntimeException e) {
            throw new IOException("le PostgreSQL embarqué ne démarre pas sur " + repertoire.postgres() + " : "
                    + e.getMessage(), e);
        }
    }

    /** The target in UTF8 and at this jar's schema, as a start of the service would make it. */
    private static void preparer(Connection vers, BaseCible cible) throws SQLException {
        try {
            BaseEnUtf8.exiger(vers);
        } catch (DonneesInutilisablesException e) {
            throw new OperationRefuseeException(e.getMessage() + " "
                    + e.action().replace("puis redémarrer", "puis relancer la migration"), e);
        }
        try {
            Flyway.configure().dataSource(cible.url(), cible.utilisateur(), cible.motDePasse()).load().migrate();
        } catch (FlywayException e) {
            Throwable cause = e;
            while (cause != null && !(cause instanceof SQLException)) {
                cause = cause.getCause();
            }
            if (cause != null) {
                throw refus(cible, (SQLException) cause);
            }
            // A migration of this jar that does not apply there (changed since, or failing on that server).
            throw new OperationRefuseeException("le schéma de " + AdresseDeBase.sansParametres(cible.url())
                    + " ne peut pas être amené à celui de ce jar (" + e.getMessage() + ").", e);
        }
    }

    /**
     * Flyway ignores the migrations it does not know (a base last run by a newer Harmonie): the copy, made with the
     * target's columns and tables, would then leave the newer ones' data behind without a word.
     */
    private static void exigerLeMemeSchema(Connection source, Connection vers, Path donnees, BaseCible cible)
            throws SQLException {
        String requete = "SELECT version FROM " + HISTORIQUE + " WHERE success AND version IS NOT NULL ORDER BY installed_rank";
        List<String> embarque = liste(source, requete);
        List<String> cibles = liste(vers, requete);
        if (!cibles.containsAll(embarque)) {
            throw new OperationRefuseeException("la base embarquée de " + donnees + " a des migrations que ce jar ne"
                    + " connaît pas (" + String.join(", ", embarque) + ") : elle vient d'un Harmonie plus récent, dont"
                    + " les données ne passeraient pas toutes. Lancez migrer avec le jar qui s'en servait.");
        }
        if (!embarque.containsAll(cibles)) {
            throw new OperationRefuseeException("la base " + AdresseDeBase.sansParametres(cible.url()) + " a des"
                    + " migrations que ce jar ne connaît pas (" + String.join(", ", cibles) + ") : un Harmonie plus récent"
                    + " y a démarré. Donnez une base vide, ou lancez migrer avec ce jar-là.");
        }
    }

    private static Bilan copier(Connection source, Connection vers, BaseCible cible) throws SQLException {
        vers.setAutoCommit(false);
        try {
            List<String> tables = liste(vers, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                    + " AND tablename <> '" + HISTORIQUE + "' ORDER BY tablename");
            exigerVides(vers, tables, cible);
            Map<String, Long> lignes = copierLesTables(source, vers, tables);
            for (String table : tables) {
                if (!empreinte(source, table).equals(empreinte(vers, table))) {
                    throw new SQLException(table + " : les lignes copiées diffèrent de celles du PostgreSQL embarqué");
                }
            }
            suivreLesSequences(source, vers);
            List<String> desactives = desactiverLesComptesDeDemonstration(vers);
            journaliser(vers, lignes, desactives);
            boolean administrateur = administrateurActif(vers);
            vers.commit();
            return new Bilan(lignes, desactives, administrateur, true);
        } catch (SQLException | RuntimeException e) {
            vers.rollback();
            throw e;
        }
    }

    /** Locks the target's tables until the commit, and refuses when one of them holds a row. */
    private static void exigerVides(Connection vers, List<String> tables, BaseCible cible) throws SQLException {
        try (Statement s = vers.createStatement()) {
            // A service started on the target meanwhile waits for the copy instead of writing its pack versions first,
            // which would have made the copy fail on them.
            s.execute("LOCK TABLE " + String.join(", ", tables.stream().map(MigrationVersUneBase::nom).toList())
                    + " IN EXCLUSIVE MODE");
        }
        Map<String, Long> occupees = new TreeMap<>();
        for (String table : tables) {
            long n = compter(vers, table);
            if (n > 0) {
                occupees.put(table, n);
            }
        }
        if (!occupees.isEmpty()) {
            throw new OperationRefuseeException(AdresseDeBase.sansParametres(cible.url()) + " tient déjà des données"
                    + " d'Harmonie (lignes par table : " + occupees + ") : la migration ne les mêle pas à celles du"
                    + " PostgreSQL embarqué. Donnez une base vide (DROP DATABASE puis CREATE DATABASE … OWNER …), et"
                    + " n'y démarrez pas le service avant la migration.");
        }
    }

    /** Every row of {@code tables} from the source into the target, by COPY; rows copied per table. */
    private static Map<String, Long> copierLesTables(Connection source, Connection vers, List<String> tables)
            throws SQLException {
        // Foreign keys go in a circle (a dossier names the evaluation of its deposit, which names its dossier): no
        // order of tables satisfies them row by row. They are set aside and put back once every row is in, which
        // checks every row against them, all inside the transaction.
        List<String[]> cles = clesEtrangeres(vers);
        try (Statement s = vers.createStatement()) {
            for (String[] cle : cles) {
                s.execute("ALTER TABLE " + nom(cle[0]) + " DROP CONSTRAINT " + nom(cle[1]));
            }
        }
        PGConnection copieSource = source.unwrap(PGConnection.class);
        PGConnection copieCible = vers.unwrap(PGConnection.class);
        Map<String, Long> lignes = new LinkedHashMap<>();
        for (String table : tables) {
            String colonnes = String.join(", ", colonnes(vers, table).stream().map(MigrationVersUneBase::nom).toList());
            CopyOut lecture = copieSource.getCopyAPI().copyOut("COPY " + nom(table) + " (" + colonnes + ") TO STDOUT");
            CopyIn ecriture = copieCible.getCopyAPI().copyIn("COPY " + nom(table) + " (" + colonnes + ") FROM STDIN");
            byte[] ligne;
            while ((ligne = lecture.readFromCopy()) != null) {
                ecriture.writeToCopy(ligne, 0, ligne.length);
            }
            long ecrites = ecriture.endCopy();
            if (ecrites != lecture.getHandledRowCount()) {
                throw new SQLException(table + " : " + lecture.getHandledRowCount() + " lignes lues, " + ecrites + " écrites");
            }
            lignes.put(table, ecrites);
        }
        try (Statement s = vers.createStatement()) {
            for (String[] cle : cles) {
                s.execute("ALTER TABLE " + nom(cle[0]) + " ADD CONSTRAINT " + nom(cle[1]) + " " + cle[2]);
            }
        }
        return lignes;
    }

    /** Each foreign key of the target's schema: its table, its name and its definition. */
    private static List<String[]> clesEtrangeres(Connection vers) throws SQLException {
        List<String[]> cles = new ArrayList<>();
        try (Statement s = vers.createStatement(); ResultSet r = s.executeQuery("SELECT c.relname, k.conname,"
                + " pg_get_constraintdef(k.oid) FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid"
                + " WHERE k.contype = 'f' AND k.connamespace = current_schema()::regnamespace ORDER BY 1, 2")) {
            while (r.next()) {
                cles.add(new String[] {r.getString(1), r.getString(2), r.getString(3)});
            }
        }
        return cles;
    }

    /** The columns COPY may write: generated ones are computed by the target itself. */
    private static List<String> colonnes(Connection vers, String table) throws SQLException {
        try (PreparedStatement s = vers.prepareStatement("SELECT column_name FROM information_schema.columns WHERE"
                + " table_schema = current_schema() AND table_name = ? AND is_generated = 'NEVER' ORDER BY ordinal_position")) {
            s.setString(1, table);
            return liste(s);
        }
    }

    private static long compter(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM " + nom(table))) {
            r.next();
            return r.getLong(1);
        }
    }

    /** A digest of every row's text, whatever their physical order. */
    private static String empreinte(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) || ':' || coalesce(md5("
                + "string_agg(h, '' ORDER BY h)), '') FROM (SELECT md5(t::text) AS h FROM " + nom(table) + " t) x")) {
            r.next();
            return r.getString(1);
        }
    }

    /** Each sequence where the source left it: ids already given (deleted rows' included) are not given again. */
    private static void suivreLesSequences(Connection source, Connection vers) throws SQLException {
        // Named without their schema: the target's may be another one (?currentSchema=… in its URL), as its tables'.
        try (Statement s = source.createStatement(); ResultSet r = s.executeQuery("SELECT quote_ident(sequencename),"
                + " last_value FROM pg_sequences WHERE schemaname = current_schema() AND last_value IS NOT NULL");
             PreparedStatement poser = vers.prepareStatement("SELECT setval(?::regclass, ?, true)")) {
            while (r.next()) {
                poser.setString(1, r.getString(1));
                poser.setLong(2, r.getLong(2));
                poser.execute();
            }
        }
    }

    private static List<String> desactiverLesComptesDeDemonstration(Connection vers) throws SQLException {
        List<String> desactives = new ArrayList<>();
        try (PreparedStatement lire = vers.prepareStatement("SELECT identifiant, mot_de_passe FROM compte WHERE actif"
                + " AND identifiant = ANY (?) ORDER BY identifiant");
             PreparedStatement desactiver = vers.prepareStatement("UPDATE compte SET actif = false WHERE identifiant = ?");
             PreparedStatement journal = vers.prepareStatement("INSERT INTO journal (qui, action, objet) VALUES"
                     + " ('migration', '" + ActionJournal.DESACTIVATION_COMPTE + "', ?)")) {
            lire.setArray(1, vers.createArrayOf("text", MotDePasseDemo.IDENTIFIANTS.toArray()));
            try (ResultSet r = lire.executeQuery()) {
                while (r.next()) {
                    if (MotDePasseDemo.inchange(r.getString(2))) {
                        desactives.add(r.getString(1));
                    }
                }
            }
            for (String identifiant : desactives) {
                desactiver.setString(1, identifiant);
                desactiver.executeUpdate();
                journal.setString(1, "compte:" + identifiant);
                journal.executeUpdate();
            }
        }
        return desactives;
    }

    private static void journaliser(Connection vers, Map<String, Long> lignes, List<String> desactives) throws SQLException {
        try (PreparedStatement s = vers.prepareStatement("INSERT INTO journal (qui, action, objet, detail) VALUES"
                + " ('migration', '" + ActionJournal.MIGRATION_DEPUIS_EMBARQUE + "', 'base', jsonb_build_object('lignes', ?::jsonb,"
                + " 'comptesDesactives', ?::jsonb))")) {
            StringBuilder parTable = new StringBuilder("{");
            lignes.forEach((table, n) -> parTable.append(parTable.length() > 1 ? "," : "").append('"').append(table)
                    .append("\":").append(n));
            s.setString(1, parTable.append('}').toString());
            s.setString(2, desactives.stream().map(c -> '"' + c + '"').toList().toString());
            s.executeUpdate();
        }
    }

    private static boolean administrateurActif(Connection vers) throws SQLException {
        try (Statement s = vers.createStatement();
             ResultSet r = s.executeQuery("SELECT EXISTS (SELECT 1 FROM compte WHERE actif AND role = 'ADMIN')")) {
            r.next();
            return r.getBoolean(1);
        }
    }

    private static OperationRefuseeException refus(BaseCible cible, SQLException e) {
        BaseRefuseeAuDemarrage.Refus refus = BaseRefuseeAuDemarrage.refus(cible.url(),
                cible.utilisateur() == null ? "" : cible.utilisateur(), e, "la migration doit y écrire");
        String base = AdresseDeBase.sansParametres(cible.url());
        return new OperationRefuseeException(refus == null
                ? "la base " + base + " a refusé la migration (PostgreSQL a répondu : " + e.getMessage() + ")."
                : refus.constat() + " (PostgreSQL a répondu : " + e.getMessage() + "). " + refus.action() + ".", e);
    }

    private static List<String> liste(Connection c, String requete) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(requete)) {
            return liste(s);
        }
    }

    private static List<String> liste(PreparedStatement s) throws SQLException {
        List<String> valeurs = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                valeurs.add(r.getString(1));
            }
        }
        return valeurs;
    }

    private static String nom(String identifiant) {
        return '"' + identifiant.replace("\"", "\"\"") + '"';
    }
}
