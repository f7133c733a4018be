package fr.harmonie.territoires;

import java.util.List;

/**
 * Les rechargements faits par l'administration, partagés entre les instances qui servent sur une même base: une
 * instance suit ceux que font les autres, sans quoi un dossier évalué sur l'une et déposé sur l'autre serait jugé par
 * deux versions d'un pack.
 */
public interface RechargementsPartages {

    /**
     * {@code packs}: the versions this instance serves after its reload ({@link RegistrePacks#references()}).
     *
     * @return false when the base takes no writes for now: the others will not follow this reload
     */
    boolean annoncer(List<String> packs, String qui);
}
