package fr.harmonie.regles.faits;

import org.kie.api.definition.rule.Rule;

/**
 * Des points gagnés dans une dimension de la maturité, avec leur explication. Une dimension vaut la somme de ses
 * points, au plus son poids ({@code maturite.poids.<DIMENSION>}).
 */
public record PointsMaturite(String dimension, double points, String explication, Rule regle) { }
