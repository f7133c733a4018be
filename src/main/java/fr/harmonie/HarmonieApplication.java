package fr.harmonie;

import fr.harmonie.cli.Commandes;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Le service web, ou une commande ({@link Commandes}): avec {@code evaluer <fichier>}, l'évaluation hors ligne (sans
 * démarrer le serveur). Scheduling: instances follow each other's pack reloads, and forget old failed logins.
 */
@SpringBootApplication
@EnableScheduling
public class HarmonieApplication {

    public static void main(String[] args) {
        if (Commandes.estUneCommande(args)) {
            // Before any logger exists: the command's quiet configuration instead of the service's.
            if (System.getProperty("logback.configurationFile") == null) {
                System.setProperty("logback.configurationFile", "logback-cli.xml");
            }
            System.exit(Commandes.executerSurLaConsole(args));
        }
        SpringApplication.run(HarmonieApplication.class, args);
    }
}
