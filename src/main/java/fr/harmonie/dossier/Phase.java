package fr.harmonie.dossier;

public enum Phase { PROGRAMMATION, AGREMENT }
