package fr.harmonie.comptes;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
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

    private final ComptesStore store;
    private final PasswordEncoder encodeur;

    ComptesDemonstration(ComptesStore store, PasswordEncoder encodeur) {
        this.store = store;
        this.encodeur = encodeur;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (store.existe("bailleur")) {
            return;
        }
        String demo = encodeur.encode("demo");
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
