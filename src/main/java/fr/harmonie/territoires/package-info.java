/**
 * Les territoires: la géographie (communes, départements, régions, EPCI, dérivés du jeu ouvert
 * {@code @etalab/decoupage-administratif}), les packs territoriaux versionnés de {@code territories/}, leur
 * vérification au chargement, et la résolution de la chaîne de packs d'un dossier à partir de sa commune.
 */
package fr.harmonie.territoires;
