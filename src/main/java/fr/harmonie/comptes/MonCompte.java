package fr.harmonie.comptes;

import fr.harmonie.stockage.ActionJournal;
import fr.harmonie.web.ProblemeHttpException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Ce qu'une personne fait de son propre compte: savoir pour qui elle agit, et changer son mot de passe. */
@Service
class MonCompte {

    private final ComptesStore store;
    private final JdbcClient jdbc;
    private final PasswordEncoder encodeur;
    private final AdministrationComptes administration;

    MonCompte(ComptesStore store, JdbcClient jdbc, PasswordEncoder encodeur, AdministrationComptes administration) {
        this.store = store;
        this.jdbc = jdbc;
        this.encodeur = encodeur;
        this.administration = administration;
    }

    /** Ce qui borne ce que voit l'appelant, tel que le serveur l'applique: un client s'y fie plutôt que de le deviner. */
    record Identite(String identifiant, String role, boolean jeton, long organisation, String nomOrganisation, String siren,
                    List<String> territoires, String region) { }

    record ChangementMotDePasse(String motDePasseActuel, String nouveauMotDePasse) { }

    Identite identite(Utilisateur u) {
        String nom = jdbc.sql("SELECT nom FROM organisation WHERE id = ?").param(u.organisation()).query(String.class).single();
        return new Identite(u.identifiant(), u.role().name(), u.estUnJeton(), u.organisation(), nom, u.siren(),
                u.territoires().stream().sorted().toList(), u.region());
    }

    /**
     * Le mot de passe actuel est redemandé: une requête rejouée ou un poste resté ouvert ne suffit pas à prendre le
     * compte. Dès la requête suivante, seul le nouveau est accepté.
     */
    @Transactional
    void changerMotDePasse(Utilisateur u, ChangementMotDePasse demande) {
        u.exigerUnCompte("Un jeton n'a pas de mot de passe");
        if (demande == null || demande.motDePasseActuel() == null) {
            throw AdministrationComptes.invalide("« motDePasseActuel » : votre mot de passe d'aujourd'hui.");
        }
        String nouveau = AdministrationComptes.motDePasseConforme("nouveauMotDePasse", demande.nouveauMotDePasse());
        String hache = store.parIdentifiant(u.identifiant()).orElseThrow().motDePasse();
        if (!encodeur.matches(demande.motDePasseActuel(), hache)) {
            throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Mot de passe actuel incorrect",
                    "« motDePasseActuel » ne correspond pas à votre mot de passe : rien n'a changé.");
        }
        if (nouveau.equals(demande.motDePasseActuel())) {
            throw AdministrationComptes.invalide("« nouveauMotDePasse » est votre mot de passe actuel : choisissez-en un autre.");
        }
        store.motDePasse(u.identifiant(), encodeur.encode(nouveau));
        administration.journaliser(u.identifiant(), ActionJournal.CHANGEMENT_MOT_DE_PASSE, "compte:" + u.identifiant());
    }
}
