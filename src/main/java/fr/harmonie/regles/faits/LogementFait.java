package fr.harmonie.regles.faits;

import fr.harmonie.dossier.Lot;
import fr.harmonie.dossier.Produit;

/** Un logement, situé dans son lot (pour le pointeur JSON des anomalies). */
public final class LogementFait {

    private final int lot;
    private final int index;
    private final Produit produit;
    private final Lot.Logement logement;

    public LogementFait(int lot, int index, Produit produit, Lot.Logement logement) {
        this.lot = lot;
        this.index = index;
        this.produit = produit;
        this.logement = logement;
    }

    public String pointeur(String champ) {
        return "/operation/lots/" + lot + "/logements/" + index + (champ == null ? "" : "/" + champ);
    }

    /** Rang dans l'opération entière, pour ne signaler une paire de doublons qu'une fois. */
    public int getRang() { return lot * 10_000 + index; }
    public int getLot() { return lot; }
    public int getIndex() { return index; }
    public Produit getProduit() { return produit; }
    public String getDesignation() { return logement.designation(); }
    public double getSurfaceHabitable() { return logement.surfaceHabitable(); }
    public double getSurfaceAnnexes() { return logement.surfaceAnnexes(); }
    public Double getSurfaceUtile() { return logement.surfaceUtile(); }
    public Double getLoyerMensuel() { return logement.loyerMensuel(); }
}
