package fr.harmonie.comptes;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Les comptes de démonstration (mot de passe {@code demo}), créés seulement par le mode embarqué par défaut: jamais
 * sur une base configurée par SPRING_DATASOURCE_URL.
 */
@Component
@Conditional(fr.harmonie.stockage.ModeEmbarque.class)
class ComptesDemonstration implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ComptesDemonstration.class);

    private final ComptesStore store;
    private final PasswordEncoder encodeur;
    private final Environment environnement;

    ComptesDemonstration(ComptesStore store, PasswordEncoder encodeur, Environment environnement) {
        this.store = store;
        this.encodeur = encodeur;
        this.environnement = environnement;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (environnement.getProperty("harmonie.ecoute-locale", Boolean.class, false)) {
            LOG.info("Comptes de démonstration (mot de passe « demo ») : le service n'écoute que sur cette machine ({}). "
                    + "Pour l'ouvrir au réseau, changez d'abord ces mots de passe, puis donnez --server.address=0.0.0.0 "
                    + "(ou SERVER_ADDRESS=0.0.0.0).", EcouteLocaleDesComptesDeDemonstration.ADRESSE_LOCALE);
        }
        boolean premiers = !store.existe("bailleur");
        // Added later, so that a data directory made before gets them too: without them a dossier deposited in Dijon
        // (the README's example) or in Caen was seen by no instructeur.
        boolean ajoutes = !store.existe("instructeur28");
        if (!premiers && !ajoutes) {
            return; // bcrypt is slow on purpose: not at every start for nothing
        }
        String demo = encodeur.encode(MotDePasseDemo.MOT_DE_PASSE);
        if (premiers) {
            premiers(demo);
        }
        if (ajoutes) {
            long normandie = store.organisation("SERVICE_INSTRUCTEUR", "Instruction en Normandie hors Métropole de Rouen"
                    + " (en attendant des packs DDT)", null, "28");
            store.territoire(normandie, "region-28");
            store.compte("instructeur28", demo, normandie, Role.INSTRUCTEUR);
            long socle = store.organisation("SERVICE_INSTRUCTEUR", "Instruction des communes sans pack territorial (démonstration)",
                    null, null);
            store.territoire(socle, "national");
            store.compte("instructeur-socle", demo, socle, Role.INSTRUCTEUR);
        }
    }

    private void premiers(String demo) {
        store.compte("bailleur", demo, store.organisation("BAILLEUR", "Bailleur de démonstration", "732829320", null), Role.BAILLEUR);
        store.compte("bailleur2", demo, store.organisation("BAILLEUR", "Second bailleur de démonstration", "552100554", null), Role.BAILLEUR);
        long rouen = store.organisation("SERVICE_INSTRUCTEUR", "Métropole Rouen Normandie (service instructeur)", null, "28");
        store.territoire(rouen, "metropole-rouen-normandie");
        store.compte("instructeur", demo, rouen, Role.INSTRUCTEUR);
        long isere = store.organisation("SERVICE_INSTRUCTEUR", "Instruction en Auvergne-Rhône-Alpes (en attendant un pack DDT de l'Isère)", null, "84");
        store.territoire(isere, "region-84");
        store.compte("instructeur38", demo, isere, Role.INSTRUCTEUR);
        store.compte("dreal", demo, store.organisation("DREAL", "DREAL Auvergne-Rhône-Alpes", null, "84"), Role.DREAL);
        store.compte("dreal28", demo, store.organisation("DREAL", "DREAL Normandie", null, "28"), Role.DREAL);
        store.compte("admin", demo, store.organisation("ADMINISTRATION", "Administration Harmonie", null, null), Role.ADMIN);
    }
}
