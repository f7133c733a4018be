package fr.harmonie.stockage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * A base not in UTF8 (a DBA's LATIN1 template) took Harmonie's schema, then refused the texts it keeps: « → » in every
 * resolution sentence, « € » or « œ » in a name. PostgreSQL says so with the state it also gives a NUL character
 * (22P05), so a bailleur read that his text held a NUL. The start stops before Flyway writes anything instead (its
 * callbacks come after it has made its history table), saying how to create the base.
 */
@Component
class BaseEnUtf8 implements FlywayMigrationStrategy {

    @Override
    public void migrate(Flyway flyway) {
        try (Connection connexion = flyway.getConfiguration().getDataSource().getConnection()) {
            exiger(connexion);
        } catch (SQLException e) {
            // Out of reach, or refusing the account: BaseRefuseeAuDemarrage reports it, without a second wait.
            throw new IllegalStateException("La base ne répond pas au démarrage", e);
        }
        flyway.migrate();
    }

    /**
     * @throws DonneesInutilisablesException when the base behind {@code connexion} is not in UTF8, saying how to create
     *         one that is
     */
    static void exiger(Connection connexion) throws SQLException {
        try (Statement s = connexion.createStatement(); ResultSet r = s.executeQuery("SHOW server_encoding")) {
            r.next();
            String encodage = r.getString(1);
            if (!"UTF8".equalsIgnoreCase(encodage)) {
                String url = connexion.getMetaData().getURL();
                throw new DonneesInutilisablesException("La base " + AdresseDeBase.sansParametres(url) + " est encodée en "
                        + encodage + " : elle ne peut pas garder les textes d'Harmonie (é, œ, €, →), qui demandent UTF8 ;"
                        + " rien n'y a été écrit.", "Créer la base en UTF8 (CREATE DATABASE " + AdresseDeBase.nomDeLaBase(url)
                        + " ENCODING 'UTF8' TEMPLATE template0, avec pour propriétaire l'utilisateur d'Harmonie), puis redémarrer.",
                        null);
            }
        }
    }
}
