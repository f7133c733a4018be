package fr.harmonie.regles.faits;

import fr.harmonie.catalogue.CodesProches.CodeProche;
import fr.harmonie.dossier.PieceDeclaree;

/**
 * Une pièce déclarée par le demandeur; {@code connue}: un pack de la chaîne connaît son code; sinon {@code proche}, la
 * pièce du catalogue qu'il voulait sans doute dire (son code SPLS, une autre écriture), ou null.
 */
public final class PieceFait {

    private final int index;
    private final PieceDeclaree piece;
    private final boolean connue;
    private final CodeProche proche;

    public PieceFait(int index, PieceDeclaree piece, boolean connue, CodeProche proche) {
        this.index = index;
        this.piece = piece;
        this.connue = connue;
        this.proche = proche;
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
    /** Le code du catalogue que voulait sans doute dire un code inconnu; null si aucun, ou plusieurs, ne conviennent. */
    public String getCodeProche() { return proche == null ? null : proche.code(); }
    /** Le code écrit est le code SPLS de la pièce {@link #getCodeProche()} (A01 pour COURRIER_DEMANDE). */
    public boolean isCodeSpls() { return proche != null && proche.codeSpls(); }
}
