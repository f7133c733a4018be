/**
 * Les dossiers que les bailleurs gardent, modifient et déposent: stockage, visibilité bornée à l'organisation, aux
 * territoires instruits ou à la région, verrouillage optimiste (ETag / If-Match), dépôt et instruction (compléments
 * demandés pièce par pièce), journal, et les statistiques des dépôts et des compléments que ce journal permet.
 */
package fr.harmonie.dossiers;
