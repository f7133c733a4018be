package fr.harmonie.territoires;

import java.util.List;

/**
 * Après un rechargement, ce que l'administration doit faire pour que chaque dossier déposé ait un instructeur: un
 * dossier déposé va au pack le plus spécifique de sa commune, et seul un service qui instruit ce pack-là le voit.
 */
@FunctionalInterface
public interface CouvertureDesPacks {

    /** Des phrases en français, vides quand chaque pack en service a son service instructeur. */
    List<String> alertes(RegistrePacks registre);
}
