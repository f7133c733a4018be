package fr.harmonie.evaluation;

import fr.harmonie.dossier.LecteurDossier;
import fr.harmonie.territoires.Geographie;
import fr.harmonie.territoires.PacksDuService;
import fr.harmonie.territoires.RegistreCourant;
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

    @Bean
    Geographie geographie() {
        return Geographie.chargerEmbarquee();
    }

    /**
     * Le service refuse de démarrer si un pack ne passe pas la vérification: mieux vaut ne pas répondre que mal
     * répondre. {@code harmonie.packs.racine}: un dossier contenant rules/ et territories/; vide: les packs du jar.
     * Une version publiée (territories/versions.lock) dont les fichiers ont changé est refusée, comme par le build.
     */
    @Bean
    RegistreCourant registrePacks(@Value("${harmonie.packs.racine:}") String racine, Geographie geographie) {
        return new RegistreCourant(() -> PacksDuService.charger(racine.isBlank() ? null : Path.of(racine), geographie));
    }

    /** Today's date comes from this clock alone, so that a test can set the moment of a deposit. */
    @Bean
    Clock horloge() {
        return Clock.systemUTC();
    }

    @Bean
    Evaluateur evaluateur(RegistreCourant registre, Clock horloge) {
        return new Evaluateur(registre, horloge);
    }
}
