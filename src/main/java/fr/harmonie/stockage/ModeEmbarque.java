package fr.harmonie.stockage;

/** Vrai dans le mode par défaut, où Harmonie démarre son propre PostgreSQL (aucune base configurée). */
public class ModeEmbarque extends SansBaseExterne { }
