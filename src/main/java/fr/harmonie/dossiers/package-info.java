/**
 * Les dossiers que les bailleurs gardent, modifient et déposent: stockage, visibilité bornée à l'organisation, aux
 * territoires instruits ou à la région, verrouillage optimiste (ETag / If-Match), journal.
 */
package fr.harmonie.dossiers;
