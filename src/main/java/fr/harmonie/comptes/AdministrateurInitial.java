package fr.harmonie.comptes;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Le premier administrateur d'une base à soi, où aucun compte de démonstration n'est créé: avec
 * HARMONIE_ADMINISTRATEUR_IDENTIFIANT et HARMONIE_ADMINISTRATEUR_MOT_DE_PASSE, le compte est créé au démarrage s'il
 * n'existe pas (jamais modifié s'il existe). Il crée ensuite les organisations et les comptes par l'API.
 */
@Component
class AdministrateurInitial implements ApplicationRunner {

    private final AdministrationComptes administration;
    private final ComptesStore store;
    private final String identifiant;
    private final String motDePasse;

    AdministrateurInitial(AdministrationComptes administration, ComptesStore store,
                          @Value("${harmonie.administrateur.identifiant:}") String identifiant,
                          @Value("${harmonie.administrateur.mot-de-passe:}") String motDePasse) {
        this.administration = administration;
        this.store = store;
        this.identifiant = identifiant;
        this.motDePasse = motDePasse;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (identifiant.isBlank() || store.existe(identifiant)) {
            return;
        }
        try {
            long organisation = administration.creerOrganisation(
                    new AdministrationComptes.NouvelleOrganisation("ADMINISTRATION", "Administration Harmonie", null, null, null), "systeme");
            administration.creerCompte(new AdministrationComptes.NouveauCompte(identifiant, motDePasse, organisation), "systeme");
        } catch (fr.harmonie.web.ProblemeHttpException e) {
            throw new IllegalStateException("Administrateur initial (HARMONIE_ADMINISTRATEUR_IDENTIFIANT et "
                    + "HARMONIE_ADMINISTRATEUR_MOT_DE_PASSE) refusé : " + e.getMessage(), e);
        }
    }
}
