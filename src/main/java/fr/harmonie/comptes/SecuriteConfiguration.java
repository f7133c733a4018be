package fr.harmonie.comptes;

import com.github.benmanes.caffeine.cache.Ticker;
import fr.harmonie.web.AdressesOuvertes;
import fr.harmonie.web.BaseIndisponible;
import fr.harmonie.web.ReponseProbleme;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * L'évaluation reste ouverte à tous, sans compte; tout le reste de l'API demande un compte (HTTP Basic), et chaque
 * contrôleur borne ensuite ce que le compte voit à son organisation, ses territoires ou sa région.
 */
@Configuration(proxyBeanMethods = false)
class SecuriteConfiguration {

    private static final String[] PUBLICS = AdressesOuvertes.EN_LECTURE.toArray(String[]::new);

    @Bean
    SecurityFilterChain securite(HttpSecurity http, Jetons jetons, TentativesDeConnexion tentatives) throws Exception {
        http.csrf(c -> c.disable())
                .addFilterBefore(new FiltreJeton(jetons), BasicAuthenticationFilter.class)
                .addFilterBefore(tentatives.filtre(), BasicAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(AdressesOuvertes.EVALUATION).permitAll()
                        .requestMatchers(HttpMethod.GET, PUBLICS).permitAll()
                        // HEAD is a GET without its body (RFC 9110): a link checker got 401 where a reader gets 200.
                        .requestMatchers(HttpMethod.HEAD, PUBLICS).permitAll()
                        .requestMatchers("/actuator/health", "/error").permitAll()
                        // Routes, statuses, latencies, the pool's waits: how the service is used, for operators only.
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .httpBasic(b -> b.authenticationEntryPoint(SecuriteConfiguration::basicRefuse))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, rep, ex) ->
                                probleme(rep, 401, "Authentification requise", "Identifiez-vous (HTTP Basic) pour accéder à cette ressource."))
                        .accessDeniedHandler((req, rep, ex) ->
                                probleme(rep, 403, "Accès refusé", "Votre rôle ne permet pas cette action.")));
        return http.build();
    }

    /**
     * Where HTTP Basic sends a request it did not authenticate. Spring Security turns a failure to read the account
     * (the base out of reach, or no connection free in time) into an authentication failure: answered 401, the client
     * would take its password for wrong. It gets the 503 of a base out of reach instead, and nothing is counted
     * against the identifier ({@link TentativesDeConnexion} counts bad passwords only).
     */
    static void basicRefuse(HttpServletRequest requete, HttpServletResponse reponse, AuthenticationException e) throws IOException {
        if (e instanceof InternalAuthenticationServiceException && BaseIndisponible.en(e)) {
            BaseIndisponible.repondre(requete, reponse, e);
            return;
        }
        probleme(reponse, 401, "Authentification requise", "Identifiez-vous (HTTP Basic) pour accéder à cette ressource.");
    }

    static void probleme(HttpServletResponse reponse, int statut, String titre, String detail) throws IOException {
        if (statut == 401) {
            reponse.setHeader("WWW-Authenticate", "Basic realm=\"Harmonie\"");
        }
        ReponseProbleme.ecrire(reponse, statut, titre, detail);
    }

    /** bcrypt aujourd'hui, derrière un encodeur délégant qui permet de migrer d'algorithme sans tout casser. */
    @Bean
    PasswordEncoder encodeurMotsDePasse() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * HTTP Basic: the account read from the base at each request, its password compared by bcrypt, a success
     * remembered a few minutes for that hash (VerificationsMemorisees; 0: never).
     */
    @Bean
    AuthenticationProvider authentificationParMotDePasse(ComptesStore store, PasswordEncoder encodeur,
                                                         @Value("${harmonie.comptes.memoire-mots-de-passe}") Duration duree) {
        UserDetailsService comptes = identifiant -> store.parIdentifiant(identifiant)
                .or(() -> identifiant.equals(ComptesStore.identifiantTape(identifiant)) ? Optional.empty()
                        : store.parIdentifiant(ComptesStore.identifiantTape(identifiant)))
                .map(c -> new CompteAuthentifie(c.utilisateur(), c.motDePasse(), c.actif()))
                .orElseThrow(() -> new UsernameNotFoundException(identifiant));
        if (duree.isZero()) {
            DaoAuthenticationProvider sansMemoire = new DaoAuthenticationProvider(comptes);
            sansMemoire.setPasswordEncoder(encodeur);
            return sansMemoire;
        }
        return new VerificationsMemorisees(comptes, encodeur, duree, Ticker.systemTicker());
    }
}
