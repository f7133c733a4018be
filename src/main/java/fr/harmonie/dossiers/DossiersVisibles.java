package fr.harmonie.dossiers;

import fr.harmonie.comptes.Utilisateur;
import fr.harmonie.web.ProblemeHttpException;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Le dossier qu'une adresse désigne, s'il est visible de l'utilisateur ; sinon 404 en français, qui dit à l'organisation
 * d'un brouillon supprimé quand et par qui il l'a été, et à tout autre seulement qu'il n'y a rien à voir.
 */
@Component
class DossiersVisibles {

    private final DossiersStore store;
    private final BrouillonsSupprimes supprimes;

    DossiersVisibles(DossiersStore store, BrouillonsSupprimes supprimes) {
        this.store = store;
        this.supprimes = supprimes;
    }

    DossierStocke trouver(String id, Utilisateur u) {
        UUID uuid = Identifiants.duDossier(id);
        return store.visible(uuid, u).orElseThrow(() -> supprimes.introuvable(uuid, u, DossiersVisibles::introuvable));
    }

    static ProblemeHttpException introuvable() {
        return new ProblemeHttpException(HttpStatus.NOT_FOUND, "Dossier introuvable", "Aucun dossier visible à cette adresse.");
    }
}
