package fr.harmonie.comptes;

public enum Role { BAILLEUR, INSTRUCTEUR, DREAL, ADMIN }
