package fr.harmonie.regles.faits;

import java.util.List;

/**
 * Les pièces requises comptées, une fois consolidées (une par code), pour les règles de maturité : combien le dossier
 * en doit, combien il en fournit.
 *
 * <p>Counted once here rather than by an {@code accumulate} in each rule that needs the count: each such node is fed
 * every {@link PieceRequise} again, and the one rule the socle 2026.30 added that way (no piece provided) cost 5 % of
 * the rules' time.
 */
public record BilanPieces(int requises, int fournies) {

    public static BilanPieces de(List<PieceRequise> pieces) {
        int fournies = 0;
        for (PieceRequise p : pieces) {
            if (p.fournie()) {
                fournies++;
            }
        }
        return new BilanPieces(pieces.size(), fournies);
    }

    public int getRequises() { return requises; }
    public int getFournies() { return fournies; }
}
