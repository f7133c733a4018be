package fr.harmonie.stockage;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Avec une base configurée (SPRING_DATASOURCE_URL), Harmonie l'utilise et ne démarre aucun PostgreSQL à lui. */
@SpringBootTest
class BaseExterneTest {

    /** Un serveur « externe », démarré par le test lui-même. */
    private static final EmbeddedPostgres EXTERNE = demarrer();

    private static EmbeddedPostgres demarrer() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void base(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", () -> EXTERNE.getJdbcUrl("postgres", "postgres"));
        r.add("spring.datasource.username", () -> "postgres");
        r.add("spring.datasource.password", () -> "postgres");
    }

    @AfterAll
    static void arreter() throws IOException {
        EXTERNE.close();
    }

    @Autowired
    ApplicationContext contexte;

    @Test
    void laBaseConfigureeSertEtAucunPostgresEmbarqueNeDemarre() throws Exception {
        assertThat(contexte.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
        try (Connection c = EXTERNE.getPostgresDatabase().getConnection();
             ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM compte")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getLong(1)).as("aucun compte de démonstration sur une base configurée").isZero();
        }
        try (Connection c = EXTERNE.getPostgresDatabase().getConnection();
             ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM pack_version")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getLong(1)).isPositive();
        }
    }
}
