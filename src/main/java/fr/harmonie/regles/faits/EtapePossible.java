package fr.harmonie.regles.faits;

import org.kie.api.definition.rule.Rule;

/**
 * Une action concrète qui ferait gagner des points de maturité. {@code bloqueDepot}: sans elle le dossier ne peut pas
 * être déposé; {@code bloqueMaturite}: sans elle il ne peut pas être mûr, quel que soit son score (anomalie bloquante).
 */
public record EtapePossible(String action, double gain, boolean bloqueDepot, boolean bloqueMaturite, Rule regle) { }
