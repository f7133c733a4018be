package fr.harmonie.comptes;

import fr.harmonie.web.ProblemeHttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Le premier administrateur d'une base à soi, où aucun compte de démonstration n'est créé: avec
 * HARMONIE_ADMINISTRATEUR_IDENTIFIANT et HARMONIE_ADMINISTRATEUR_MOT_DE_PASSE, le compte est créé au démarrage s'il
 * n'existe pas (jamais modifié s'il existe). Il crée ensuite les organisations et les comptes par l'API.
 */
@Component
class AdministrateurInitial implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(AdministrateurInitial.class);

    private final AdministrationComptes administration;
    private final ComptesStore store;
    private final TransactionTemplate transactions;
    private final String identifiant;
    private final String motDePasse;

    AdministrateurInitial(AdministrationComptes administration, ComptesStore store, TransactionTemplate transactions,
                          @Value("${harmonie.administrateur.identifiant:}") String identifiant,
                          @Value("${harmonie.administrateur.mot-de-passe:}") String motDePasse) {
        this.administration = administration;
        this.store = store;
        this.transactions = transactions;
        this.identifiant = identifiant;
        this.motDePasse = motDePasse;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (identifiant.isBlank() || store.existe(identifiant)) {
            return;
        }
        try {
            transactions.executeWithoutResult(t -> {
                long organisation = administration.creerOrganisation(
                        new AdministrationComptes.NouvelleOrganisation("ADMINISTRATION", "Administration Harmonie", null, null, null), "systeme");
                administration.creerCompte(new AdministrationComptes.NouveauCompte(identifiant, motDePasse, organisation), "systeme");
            });
        } catch (ProblemeHttpException e) {
            // Instances started together on a new base: each finds no administrator, one creates it, the others roll
            // back (their organisation too) and start all the same.
            if (e.statut() == HttpStatus.CONFLICT && store.existe(identifiant)) {
                LOG.info("Administrateur initial « {} » créé au même moment par une autre instance", identifiant);
                return;
            }
            throw new IllegalStateException("Administrateur initial (HARMONIE_ADMINISTRATEUR_IDENTIFIANT et "
                    + "HARMONIE_ADMINISTRATEUR_MOT_DE_PASSE) refusé : " + e.getMessage(), e);
        }
    }
}
