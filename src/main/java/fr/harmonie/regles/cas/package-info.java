/**
 * Les cas des règles: pour chaque règle, des dossiers courts (un dossier de base et quelques champs modifiés) avec ce
 * qu'on attend, lisibles par un expert métier. Un seul exécuteur les joue tous, dans le build et au chargement d'un
 * pack; une règle sans cas où elle se déclenche et sans cas où elle ne se déclenche pas est refusée.
 */
package fr.harmonie.regles.cas;
