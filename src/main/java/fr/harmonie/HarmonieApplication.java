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
            System.setProperty("harmonie.journal.encodage", Commandes.encodageLisible("stderr").name());
            System.exit(Commandes.executerSurLaConsole(args));
        }
        if (System.getProperty("logging.charset.console") == null && Commandes.sansAccents("stdout")) {
            // LC_ALL=C (a systemd unit, a bare container): the log would read « PostgreSQL embarqu? sur le port ».
            System.setProperty("logging.charset.console", "UTF-8");
        }
        SpringApplication.run(HarmonieApplication.class, args);
    }
}
