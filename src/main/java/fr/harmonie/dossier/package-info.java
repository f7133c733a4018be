/**
 * Le dossier de demande d'agrément tel que le contrat format 1 le décrit ({@code contrat/dossier.schema.json}):
 * des records immuables, sans Spring ni persistance, valeurs par défaut du schéma appliquées.
 * La lecture ({@link fr.harmonie.dossier.LecteurDossier}) valide le JSON contre le schéma avant tout mapping.
 */
package fr.harmonie.dossier;
