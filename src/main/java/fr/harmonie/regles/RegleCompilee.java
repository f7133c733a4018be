package fr.harmonie.regles;

/** Ce que Harmonie sait d'une règle compilée: son id, son nom (une phrase), son pack, sa source, son étape. */
public record RegleCompilee(String id, String nom, String fichier, Origine origine, int rangPack, Etape etape, boolean derogeable) { }
