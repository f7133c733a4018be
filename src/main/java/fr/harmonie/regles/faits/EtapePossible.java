package fr.harmonie.regles.faits;

import org.kie.api.definition.rule.Rule;

/**
 * Une action concrète qui ferait gagner des points de maturité. {@code bloqueDepot}: sans elle le dossier ne peut pas
 * être déposé; {@code bloqueMaturite}: sans elle il ne peut pas être mûr, quel que soit son score (anomalie bloquante).
 *
 * <p>{@code anomalie}: pour la correction d'une anomalie, son code ; pour une pièce à joindre qu'une autre étape
 * produit, le code de la pièce (le contrat de réservation d'une VEFA, que l'étape du foncier fait signer).
 * {@code corrigeAussi}: pour une action sur les données, le code de l'anomalie qu'elle corrige du même coup quand
 * celle-ci est relevée (équilibrer le plan de financement corrige « plan déséquilibré »), ou de la pièce qu'elle
 * produit. Les deux ne sont alors qu'une action, proposée une fois pour la somme de leurs gains, sous le libellé de la
 * première.
 *
 * <p>{@code apres}: pour une étape qui n'est possible qu'une autre faite (obtenir le permis une fois déposé), l'action
 * de cette autre étape; {@code gain} est alors ce qu'elle rapporte en plus de celle-ci.
 *
 * <p>{@code siNecessaire}: une étape qui recouvre d'autres étapes (corriger toutes les anomalies à la fois), proposée
 * seulement quand les autres ne suffisent pas à monter d'un niveau.
 */
public record EtapePossible(String action, double gain, boolean bloqueDepot, boolean bloqueMaturite, Rule regle,
                            String anomalie, String corrigeAussi, String apres, boolean siNecessaire) {

    public EtapePossible(String action, double gain, boolean bloqueDepot, boolean bloqueMaturite, Rule regle) {
        this(action, gain, bloqueDepot, bloqueMaturite, regle, null, null, null, false);
    }

    /** The form of the socle up to 2026.14, which packs' rules may call too. */
    public EtapePossible(String action, double gain, boolean bloqueDepot, boolean bloqueMaturite, Rule regle,
                         String anomalie, String corrigeAussi) {
        this(action, gain, bloqueDepot, bloqueMaturite, regle, anomalie, corrigeAussi, null, false);
    }

    /** The form of the socle 2026.15 and 2026.16. */
    public EtapePossible(String action, double gain, boolean bloqueDepot, boolean bloqueMaturite, Rule regle,
                         String anomalie, String corrigeAussi, String apres) {
        this(action, gain, bloqueDepot, bloqueMaturite, regle, anomalie, corrigeAussi, apres, false);
    }

    /** Cette étape est la correction de l'anomalie {@code code}. */
    public EtapePossible corrigeant(String code) {
        return new EtapePossible(action, gain, bloqueDepot, bloqueMaturite, regle, code, corrigeAussi, apres, siNecessaire);
    }

    /** Cette action corrige aussi l'anomalie {@code code}, quand elle est relevée. */
    public EtapePossible corrigeantAussi(String code) {
        return new EtapePossible(action, gain, bloqueDepot, bloqueMaturite, regle, anomalie, code, apres, siNecessaire);
    }

    /** Cette étape ne se fait qu'après l'étape d'action {@code action}. */
    public EtapePossible apres(String action) {
        return new EtapePossible(this.action, gain, bloqueDepot, bloqueMaturite, regle, anomalie, corrigeAussi, action,
                siNecessaire);
    }

    /** Cette étape n'est proposée que si les autres ne suffisent pas à monter d'un niveau. */
    public EtapePossible seulementSiNecessaire() {
        return new EtapePossible(action, gain, bloqueDepot, bloqueMaturite, regle, anomalie, corrigeAussi, apres, true);
    }
}
