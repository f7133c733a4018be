/**
 * Les documents imprimables, en PDF : le rapport d'une évaluation scellée (ce que le bailleur joint à son dépôt, la
 * liste de contrôle que l'instructeur imprime), {@code GET /api/v1/evaluations/{id}/rapport}, ou d'une évaluation que
 * personne ne garde ({@code POST /api/v1/evaluations?format=pdf}, {@code evaluer --rapport}) ; la fiche des règles en
 * vigueur d'un territoire (ce qu'une DREAL diffuse), {@code GET /api/v1/territoires/{id}/fiche}.
 */
package fr.harmonie.rapport;
