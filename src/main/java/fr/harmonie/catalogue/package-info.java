/** Le catalogue des pièces: code, libellé, attendus, source, modèle. Chaque pack apporte le sien; la chaîne les fusionne. */
package fr.harmonie.catalogue;
