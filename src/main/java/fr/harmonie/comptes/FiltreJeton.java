package fr.harmonie.comptes;

import fr.harmonie.regles.faits.Fr;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** {@code Authorization: Bearer hrm_…}: un client machine s'authentifie par le jeton de son organisation. */
class FiltreJeton extends OncePerRequestFilter {

    private static final String SCHEMA = "Bearer ";

    private final Jetons jetons;

    FiltreJeton(Jetons jetons) {
        this.jetons = jetons;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest requete, HttpServletResponse reponse, FilterChain suite)
            throws ServletException, IOException {
        String autorisation = requete.getHeader("Authorization");
        // The scheme is case-insensitive (RFC 9110, 11.1): some HTTP libraries send "bearer".
        if (autorisation != null && autorisation.regionMatches(true, 0, SCHEMA, 0, SCHEMA.length())) {
            String jeton = autorisation.substring(SCHEMA.length()).trim();
            var utilisateur = jetons.authentifier(jeton);
            if (utilisateur.isEmpty()) {
                // Past its last day, it is said so: the system's owner asks for another instead of looking for a typo.
                SecuriteConfiguration.probleme(reponse, 401, "Jeton refusé", jetons.expireLe(jeton)
                        .map(jour -> "Ce jeton était valable jusqu'au " + Fr.jour(jour) + " : demandez-en un autre à votre"
                                + " organisation (POST /api/v1/jetons).")
                        .orElse("Ce jeton est inconnu ou révoqué."));
                return;
            }
            CompteAuthentifie compte = CompteAuthentifie.duJeton(utilisateur.get());
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(compte, null, compte.getAuthorities()));
        }
        suite.doFilter(requete, reponse);
    }
}
