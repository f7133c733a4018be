package fr.harmonie.evaluation;

import fr.harmonie.dossier.LecteurDossier;
import fr.harmonie.regles.ResolveurChaine;
import fr.harmonie.regles.SocleNational;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EvaluationConfiguration {

    @Bean
    LecteurDossier lecteurDossier() {
        return new LecteurDossier();
    }

    /** Le service refuse de démarrer si le socle ne se compile pas: mieux vaut ne pas répondre que mal répondre. */
    @Bean
    ResolveurChaine resolveurChaine(@Value("${harmonie.regles.dossier:}") String dossierRegles) {
        return new SocleNational(SocleNational.charger(dossierRegles.isBlank() ? null : Path.of(dossierRegles)));
    }

    @Bean
    Evaluateur evaluateur(ResolveurChaine resolveur) {
        return new Evaluateur(resolveur, Clock.systemUTC());
    }
}
