package fr.harmonie.dossier;

import java.time.LocalDate;

/** Une pièce que le demandeur déclare détenir; un code inconnu du catalogue est signalé, pas rejeté. */
public record PieceDeclaree(String code, boolean fournie, Boolean signee, LocalDate dateDocument, String commentaire) { }
