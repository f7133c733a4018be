package fr.harmonie.comptes;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded default creates demo accounts whose password, {@code demo}, the README gives, {@code admin} among them.
 * Listening on every interface, a laptop on a shared network handed them to the whole network. In that mode, unless
 * {@code server.address} is given, the service listens on this machine only; its log says how to open it.
 * With a base of one's own (SPRING_DATASOURCE_URL), no demo account exists and nothing changes.
 */
class EcouteLocaleDesComptesDeDemonstration implements EnvironmentPostProcessor {

    static final String ADRESSE_LOCALE = "127.0.0.1";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environnement, SpringApplication application) {
        String base = environnement.getProperty("spring.datasource.url");
        if ((base == null || base.isBlank()) && environnement.getProperty("server.address") == null) {
            // Last: any server.address given (argument, variable, file) comes first.
            environnement.getPropertySources().addLast(new MapPropertySource("harmonie-ecoute-locale",
                    Map.of("server.address", ADRESSE_LOCALE, "harmonie.ecoute-locale", "true")));
        }
    }
}
