package fr.harmonie.regles.faits;

import fr.harmonie.dossier.Lot;
import fr.harmonie.dossier.Produit;

/** Un logement, situé dans son lot (pour le pointeur JSON des anomalies). */
public final class LogementFait {

    private final int lot;
    private final int index;
    private final Produit produit;
    private final Lot.Logement logement;
    private final LogementFait premierHomonyme;

    /**
     * {@code premierHomonyme}: le premier logement de l'opération (lots et logements dans l'ordre du dossier) qui porte
     * déjà la même désignation, ou {@code null}. Trouvé ici en une passe: une jointure de chaque logement avec ceux qui
     * le précèdent, dans le DRL, coûte à chaque évaluation et croît avec le carré des logements homonymes.
     */
    public LogementFait(int lot, int index, Produit produit, Lot.Logement logement, LogementFait premierHomonyme) {
        this.lot = lot;
        this.index = index;
        this.produit = produit;
        this.logement = logement;
        this.premierHomonyme = premierHomonyme;
    }

    public String pointeur(String champ) {
        return "/operation/lots/" + lot + "/logements/" + index + (champ == null ? "" : "/" + champ);
    }

    /**
     * Rang dans l'opération entière. Les versions du socle jusqu'à 2026.4 s'en servent pour leurs doublons de
     * désignation; il reste pour les rejouer.
     */
    public int getRang() { return lot * 10_000 + index; }
    public int getLot() { return lot; }
    public int getIndex() { return index; }
    public Produit getProduit() { return produit; }
    public String getDesignation() { return logement.designation(); }
    public LogementFait getPremierHomonyme() { return premierHomonyme; }
    public double getSurfaceHabitable() { return logement.surfaceHabitable(); }
    public double getSurfaceAnnexes() { return logement.surfaceAnnexes(); }
    public Double getSurfaceUtile() { return logement.surfaceUtile(); }
    public Double getLoyerMensuel() { return logement.loyerMensuel(); }
}
