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
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Avec une base configurée (SPRING_DATASOURCE_URL), Harmonie l'utilise et ne démarre aucun PostgreSQL à lui; il n'y crée
 * aucun compte de démonstration, seulement l'administrateur initial que l'environnement lui donne.
 */
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
        r.add("harmonie.administrateur.identifiant", () -> "chef");
        r.add("harmonie.administrateur.mot-de-passe", () -> "le premier mot de passe");
    }

    @AfterAll
    static void arreter() throws IOException {
        EXTERNE.close();
    }

    @Autowired
    ApplicationContext contexte;

    @Autowired
    PasswordEncoder encodeur;

    @Test
    void laBaseConfigureeSertEtAucunPostgresEmbarqueNeDemarre() throws Exception {
        assertThat(contexte.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
        try (Connection c = EXTERNE.getPostgresDatabase().getConnection();
             ResultSet r = c.createStatement().executeQuery("SELECT identifiant, role, mot_de_passe FROM compte")) {
            // No demo account on a configured database: only the first administrator given by the environment.
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1) + " " + r.getString(2)).isEqualTo("chef ADMIN");
            assertThat(encodeur.matches("le premier mot de passe", r.getString(3))).isTrue();
            assertThat(r.next()).isFalse();
        }
        try (Connection c = EXTERNE.getPostgresDatabase().getConnection();
             ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM pack_version")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getLong(1)).isPositive();
        }
    }
}
