/**
 * Le rapport imprimable d'une évaluation scellée, en PDF : ce que le bailleur joint à son dépôt, la liste de contrôle
 * que l'instructeur imprime. Exposé par {@code GET /api/v1/evaluations/{id}/rapport}.
 */
package fr.harmonie.rapport;
