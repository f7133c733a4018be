package fr.harmonie.stockage;

import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * The pool's connections give up on a base that stops answering mid-request ({@code socketTimeout}, see
 * application.properties), so that a request gets its 503 instead of hanging for the quarter of an hour TCP takes to
 * notice a dead network. A schema migration is another matter: an index built on years of evaluations may take
 * minutes, and cut, it would stop every start of the service, over and over. Flyway's connections (borrowed from the
 * same pool) wait as long as the migration takes; the pool puts the timeout back when each one is returned.
 */
@Component
class MigrationsSansDelaiReseau implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration.dataSource(new DelegatingDataSource(configuration.getDataSource()) {
            @Override
            public Connection getConnection() throws SQLException {
                return sansDelai(super.getConnection());
            }

            @Override
            public Connection getConnection(String utilisateur, String motDePasse) throws SQLException {
                return sansDelai(super.getConnection(utilisateur, motDePasse));
            }
        });
    }

    private static Connection sansDelai(Connection connexion) throws SQLException {
        // 0: no limit. The driver ignores the executor; it may not be null.
        connexion.setNetworkTimeout(Runnable::run, 0);
        return connexion;
    }
}
