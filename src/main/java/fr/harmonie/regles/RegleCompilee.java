package fr.harmonie.regles;

/**
 * Ce que Harmonie sait d'une règle compilée: son id, son nom (une phrase), son pack, sa source, son étape, la pièce
 * qu'elle exige ou le code d'anomalie qu'elle pose ({@code @pieceExigee}, {@code @anomaliePosee}), et si un territoire peut
 * écarter sa pièce.
 */
public record RegleCompilee(String id, String nom, String fichier, Origine origine, int rangPack, Etape etape,
                            boolean derogeable, String piece, String anomalie) { }
