package fr.harmonie.comptes;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;

/**
 * Quand HTTP Basic ne peut pas lire le compte (base injoignable, ou aucune connexion libre à temps), le client
 * n'apprend pas que son mot de passe est faux : il reçoit le 503 d'une base indisponible. Ce cas arrive quand la base
 * tombe entre deux lectures d'une même authentification, ce qu'aucun test de bout en bout ne provoque à coup sûr
 * ({@code BaseIndisponibleTest} montre le cas où elle est déjà arrêtée).
 */
class CompteIllisibleTest {

    @Test
    void unCompteQueLaBaseNePeutPasLireDonne503EtUnMauvaisMotDePasse401() throws Exception {
        MockHttpServletRequest requete = new MockHttpServletRequest("GET", "/api/v1/moi");
        MockHttpServletResponse illisible = new MockHttpServletResponse();
        SecuriteConfiguration.basicRefuse(requete, illisible, new InternalAuthenticationServiceException("lecture du compte",
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                        new SQLTransientConnectionException("harmonie - Connection is not available, request timed out after 5000ms"))));

        assertThat(illisible.getStatus()).isEqualTo(503);
        assertThat(illisible.getHeader("Retry-After")).isEqualTo("15");
        assertThat(illisible.getHeader("WWW-Authenticate")).isNull();
        assertThat(illisible.getContentType()).isEqualTo("application/problem+json");
        assertThat(illisible.getContentAsString()).contains("urn:harmonie:probleme:base-indisponible", "\"instance\":\"/api/v1/moi\"")
                .doesNotContain("JDBC");

        MockHttpServletResponse refuse = new MockHttpServletResponse();
        SecuriteConfiguration.basicRefuse(requete, refuse, new BadCredentialsException("Bad credentials"));
        assertThat(refuse.getStatus()).isEqualTo(401);
        assertThat(refuse.getHeader("WWW-Authenticate")).isEqualTo("Basic realm=\"Harmonie\"");
    }
}
