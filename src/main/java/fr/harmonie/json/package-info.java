/** Réglage JSON commun (Jackson 3): lecture stricte et bornée, écriture canonique pour les empreintes. */
package fr.harmonie.json;
