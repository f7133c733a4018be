/**
 * Le moteur de règles: lecture des packs ({@code rules/} pour le socle national), compilation DRL classique par
 * chaîne de packs (une fois, puis en cache), et exécution d'une évaluation en session sans état, en étapes
 * explicites (qualification, pièces, anomalies, maturité), avec un plafond de déclenchements.
 */
package fr.harmonie.regles;
