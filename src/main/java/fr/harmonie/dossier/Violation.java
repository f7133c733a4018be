package fr.harmonie.dossier;

/** Un écart au contrat: où (pointeur JSON dans le dossier) et quoi, en français. */
public record Violation(String pointeur, String message) { }
