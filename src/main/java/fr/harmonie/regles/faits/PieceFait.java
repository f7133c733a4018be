package fr.harmonie.regles.faits;

import fr.harmonie.dossier.PieceDeclaree;

/** Une pièce déclarée par le demandeur; {@code connue}: un pack de la chaîne connaît son code. */
public final class PieceFait {

    private final int index;
    private final PieceDeclaree piece;
    private final boolean connue;

    public PieceFait(int index, PieceDeclaree piece, boolean connue) {
        this.index = index;
        this.piece = piece;
        this.connue = connue;
    }

    public String pointeur(String champ) {
        return "/pieces/" + index + (champ == null ? "" : "/" + champ);
    }

    public int getIndex() { return index; }
    public String getCode() { return piece.code(); }
    public boolean isFournie() { return piece.fournie(); }
    public Boolean getSignee() { return piece.signee(); }
    public java.time.LocalDate getDateDocument() { return piece.dateDocument(); }
    public boolean isConnue() { return connue; }
}
