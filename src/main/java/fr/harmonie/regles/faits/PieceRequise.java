package fr.harmonie.regles.faits;

/**
 * Une pièce requise, consolidée entre les étapes « pièces » et « anomalies » (une par code, bloquante si une règle
 * au moins l'exige comme bloquante), pour que les règles de maturité comptent la complétude sans doublon.
 */
public record PieceRequise(String code, String libelle, boolean bloquante, boolean fournie, int rang) {

    public String getCode() { return code; }
    public String getLibelle() { return libelle; }
    public boolean isBloquante() { return bloquante; }
    public boolean isFournie() { return fournie; }
    public int getRang() { return rang; }
}
