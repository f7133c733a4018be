package fr.harmonie.stockage;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Sans base configurée, Harmonie démarre son propre PostgreSQL, dont les données vivent dans un répertoire qui
 * survit aux redémarrages ({@code HARMONIE_DATA_DIR}, par défaut {@code ./data}): qui redémarre retrouve ses
 * dossiers; s'il s'arrête pendant que le service tourne, il est relancé ({@link PostgresEmbarque}). Avec
 * {@code SPRING_DATASOURCE_URL}, rien de tout cela ne démarre.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SansBaseExterne.class)
class PostgresEmbarqueConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresEmbarqueConfiguration.class);

    /**
     * Taken before PostgreSQL starts and let go after it stops (Spring closes a bean before those it was built from).
     * {@code harmonie.donnees.ephemeres=true} (les tests): un répertoire jetable, effacé à l'arrêt.
     */
    @Bean(destroyMethod = "close")
    RepertoireDonnees repertoireDonnees(@Value("${harmonie.donnees.repertoire:${HARMONIE_DATA_DIR:data}}") String repertoire,
                                        @Value("${harmonie.donnees.ephemeres:false}") boolean ephemeres) {
        // Refused, the start stops with the reason at the head of Spring Boot's report (DonneesRefuseesAuDemarrage).
        RepertoireDonnees ouvert = RepertoireDonnees.ouvrir(Path.of(repertoire), ephemeres);
        try {
            MigrationFaite.refuserSiMigree(ouvert.racine());
        } catch (DonneesInutilisablesException e) {
            try {
                ouvert.close();
            } catch (IOException dejaLibre) {
                e.addSuppressed(dejaLibre);
            }
            throw e;
        }
        return ouvert;
    }

    @Bean(destroyMethod = "close")
    PostgresEmbarque postgresEmbarque(RepertoireDonnees repertoire) {
        try {
            Path dossier = repertoire.postgres();
            Files.createDirectories(dossier);
            PostgresEmbarque pg = PostgresEmbarque.demarrer(dossier, repertoire.ephemere());
            LOG.info("PostgreSQL embarqué sur le port {}, données dans {}, programmes dans {}", pg.port(), dossier,
                    PostgresEmbarque.binaires(dossier, repertoire.ephemere()));
            return pg;
        } catch (IOException | RuntimeException e) {
            PourquoiPostgresNeDemarrePas diagnostic = PourquoiPostgresNeDemarrePas.apres(e, repertoire.postgres(), repertoire.ephemere());
            throw new DonneesInutilisablesException("Le PostgreSQL embarqué ne démarre pas sur " + repertoire.postgres() + " : "
                    + (diagnostic != null ? diagnostic.raison()
                            : e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")")) + ".",
                    diagnostic == null ? null : diagnostic.action(), e);
        }
    }

    @Bean
    DataSource dataSource(PostgresEmbarque pg, @Value("${spring.datasource.hikari.connection-timeout}") long attente,
                          @Value("${spring.datasource.hikari.maximum-pool-size}") int connexions,
                          @Value("${spring.datasource.hikari.data-source-properties.socketTimeout}") String delaiReseau) {
        // The same settings as for a configured base, which Spring Boot's own pool reads. Started at its first use, as
        // Spring Boot's is, so that RenouvellementApresLectureSeule can still configure it.
        HikariDataSource pool = new HikariDataSource();
        pool.setConnectionTimeout(attente);
        pool.setMaximumPoolSize(connexions);
        pool.addDataSourceProperty("socketTimeout", delaiReseau);
        // The same URL whenever the server restarts: it keeps its port.
        pool.setJdbcUrl(pg.jdbcUrl());
        pool.setPassword(pg.motDePasse());
        pool.setPoolName("harmonie");
        return pool;
    }
}
