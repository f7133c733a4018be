/**
 * L'évaluation d'un dossier: résolution de la chaîne de packs, exécution des règles, mise en forme du résultat
 * format 1 ({@code contrat/evaluation.schema.json}) et reçu ({@code empreinte}). Exposée par l'API
 * {@code POST /api/v1/evaluations} et par la commande {@code evaluer}.
 */
package fr.harmonie.evaluation;
