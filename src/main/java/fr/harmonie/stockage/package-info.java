/**
 * Le stockage: PostgreSQL toujours, embarqué par défaut (données conservées sous {@code HARMONIE_DATA_DIR}) ou le
 * serveur de {@code SPRING_DATASOURCE_URL}; schéma par migrations Flyway; versions de packs importées au démarrage
 * par empreinte; journal en ajout seul.
 */
package fr.harmonie.stockage;
