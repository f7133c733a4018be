/**
 * Organisations, comptes et rôles (bailleur, instructeur, DREAL, administrateur), authentification HTTP Basic sur
 * l'API, mots de passe hachés, et comptes de démonstration du mode embarqué.
 */
package fr.harmonie.comptes;
