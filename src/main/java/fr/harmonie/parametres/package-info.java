/**
 * Les nombres des règles (plafonds, durées, pondérations, table LMzone) vivent hors du DRL, dans des fichiers YAML
 * datés: chaque valeur a sa date d'effet et sa source, et se lit à la {@code dateReference} du dossier, jamais à
 * l'horloge du serveur.
 */
package fr.harmonie.parametres;
