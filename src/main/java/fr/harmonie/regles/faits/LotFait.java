package fr.harmonie.regles.faits;

import fr.harmonie.dossier.Lot;
import fr.harmonie.dossier.Produit;

/**
 * Un lot, avec les sommes de ses logements. Les grandeurs réglementaires (surface utile, coefficient de structure,
 * loyer maximum) ne sont pas calculées ici: ce sont les règles de qualification qui les posent, pour que la formule
 * se lise dans le DRL à côté de sa source.
 */
public final class LotFait {

    private final int index;
    private final Lot lot;
    private final double surfaceHabitableTotale;
    private final double surfaceAnnexesTotale;
    private final double loyersMensuelsTotal;
    private final int nombreLoyersDeclares;
    private Double surfaceUtileTotale;
    private Double coefficientStructure;
    private Double loyerMaximumM2;
    private String zoneLoyer;
    private final double surfaceHabitableLoyersDeclares;
    private final double surfaceAnnexesLoyersDeclares;
    private final LotFait premierDuMemeProduit;

    /** {@code premierDuMemeProduit}: le premier lot du dossier qui a déjà le même produit, ou {@code null}. */
    public LotFait(int index, Lot lot, LotFait premierDuMemeProduit) {
        this.index = index;
        this.lot = lot;
        this.premierDuMemeProduit = premierDuMemeProduit;
        double sh = 0;
        double annexes = 0;
        double loyers = 0;
        int declares = 0;
        double shDeclares = 0;
        double annexesDeclares = 0;
        for (Lot.Logement l : lot.logements()) {
            sh += l.surfaceHabitable();
            annexes += l.surfaceAnnexes();
            if (l.loyerMensuel() != null) {
                loyers += l.loyerMensuel();
                declares++;
                shDeclares += l.surfaceHabitable();
                annexesDeclares += l.surfaceAnnexes();
            }
        }
        this.surfaceHabitableLoyersDeclares = shDeclares;
        this.surfaceAnnexesLoyersDeclares = annexesDeclares;
        this.surfaceHabitableTotale = sh;
        this.surfaceAnnexesTotale = annexes;
        this.loyersMensuelsTotal = loyers;
        this.nombreLoyersDeclares = declares;
    }

    public String pointeur(String champ) {
        return "/operation/lots/" + index + "/" + champ;
    }

    public int getIndex() { return index; }
    public Produit getProduit() { return lot.produit(); }
    public LotFait getPremierDuMemeProduit() { return premierDuMemeProduit; }
    public Double getLoyerZoneM2() { return lot.loyerZoneM2(); }
    public double getMargeLocale() { return lot.margeLocale(); }
    public Double getLoyerMensuelM2() { return lot.loyerMensuelM2(); }
    public int getNombreLogements() { return lot.logements().size(); }
    public double getSurfaceHabitableTotale() { return surfaceHabitableTotale; }
    public double getSurfaceAnnexesTotale() { return surfaceAnnexesTotale; }
    public double getLoyersMensuelsTotal() { return loyersMensuelsTotal; }
    public int getNombreLoyersDeclares() { return nombreLoyersDeclares; }

    /** Surfaces des seuls logements dont le loyer est déclaré, pour contrôler leurs coefficients. */
    public double getSurfaceHabitableLoyersDeclares() { return surfaceHabitableLoyersDeclares; }
    public double getSurfaceAnnexesLoyersDeclares() { return surfaceAnnexesLoyersDeclares; }

    public Double getSurfaceUtileTotale() { return surfaceUtileTotale; }
    public void setSurfaceUtileTotale(Double v) { this.surfaceUtileTotale = v; }
    public Double getCoefficientStructure() { return coefficientStructure; }
    public void setCoefficientStructure(Double v) { this.coefficientStructure = v; }
    public Double getLoyerMaximumM2() { return loyerMaximumM2; }
    public void setLoyerMaximumM2(Double v) { this.loyerMaximumM2 = v; }
    /** La zone (1BIS/1/2/3 ou ABIS/A/B1/B2/C) dont relève le loyer de zone du lot. */
    public String getZoneLoyer() { return zoneLoyer; }
    public void setZoneLoyer(String v) { this.zoneLoyer = v; }
}
