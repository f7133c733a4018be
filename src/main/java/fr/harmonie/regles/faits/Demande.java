package fr.harmonie.regles.faits;

import fr.harmonie.dossier.Dossier;
import fr.harmonie.dossier.Financement;
import fr.harmonie.dossier.Foncier;
import fr.harmonie.dossier.Lot;
import fr.harmonie.dossier.MaitreOuvrage.Famille;
import fr.harmonie.dossier.Operation;
import fr.harmonie.dossier.Operation.Nature;
import fr.harmonie.dossier.Operation.TypeHebergement;
import fr.harmonie.dossier.Phase;
import fr.harmonie.dossier.Produit;
import fr.harmonie.dossier.Urbanisme.EtatPermis;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Le dossier vu d'ensemble par les règles: une seule instance par évaluation. */
public final class Demande {

    private final Dossier dossier;
    private final int nombreLogements;
    private final int nombreLogementsPlai;
    private final boolean tousLotsPls;
    private final double totalRessources;
    private final BigDecimal sommeRessources;
    private final double totalAccorde;

    public Demande(Dossier dossier) {
        this.dossier = dossier;
        int total = 0;
        int plai = 0;
        boolean pls = true;
        for (Lot lot : dossier.operation().lots()) {
            total += lot.logements().size();
            if (lot.produit().estPlai()) {
                plai += lot.logements().size();
            }
            pls &= lot.produit() == Produit.PLS;
        }
        this.nombreLogements = total;
        this.nombreLogementsPlai = plai;
        this.tousLotsPls = pls;
        double ressources = 0;
        BigDecimal somme = BigDecimal.ZERO;
        double accorde = 0;
        for (Financement.Ressource r : financement().ressources()) {
            ressources += r.montant();
            somme = somme.add(BigDecimal.valueOf(r.montant()));
            if (r.statut() == Financement.StatutRessource.ACCORDE) {
                accorde += r.montant();
            }
        }
        this.totalRessources = ressources;
        this.sommeRessources = somme;
        this.totalAccorde = accorde;
    }

    private Operation operation() {
        return dossier.operation();
    }

    private Financement financement() {
        Financement f = operation().financement();
        return f == null ? new Financement(null, null, null) : f;
    }

    private Foncier foncier() {
        return operation().foncier();
    }

    public Phase getPhase() { return dossier.phase(); }
    public LocalDate getDateReference() { return dossier.dateReference(); }
    public Nature getNature() { return operation().nature(); }
    public TypeHebergement getTypeHebergement() { return operation().typeHebergement(); }
    public boolean isAutorisationSpecifiqueL4412() { return operation().autorisationSpecifiqueL4412(); }
    public String getCodeInsee() { return operation().commune().codeInsee(); }

    public Famille getFamille() { return dossier.maitreOuvrage().famille(); }
    public boolean isAgrementMOI() { return Boolean.TRUE.equals(dossier.maitreOuvrage().agrementMOI()); }
    public String getSiren() { return dossier.maitreOuvrage().siren(); }

    public String getZone123() { return operation().zone123() == null ? null : operation().zone123().code(); }
    public String getZoneABC() { return operation().zoneABC() == null ? null : operation().zoneABC().name(); }
    public boolean isAscenseur() { return operation().ascenseur(); }

    public Foncier.Maitrise getMaitriseFonciere() { return foncier().maitrise(); }
    public LocalDate getDateMaitrise() { return foncier().dateMaitrise(); }
    public boolean isDejaProprietaire() { return foncier().dejaProprietaire(); }
    public LocalDate getDateAcquisition() { return foncier().dateAcquisition(); }
    public boolean isVendeurOrganismeHlm() { return foncier().vendeurOrganismeHlm(); }

    public EtatPermis getPermisConstruire() { return operation().urbanisme().permisConstruire(); }
    public LocalDate getDateDepotPermis() { return operation().urbanisme().dateDepotPermis(); }
    public LocalDate getDateObtentionPermis() { return operation().urbanisme().dateObtentionPermis(); }
    public LocalDate getDateOrdreServicePrevue() { return operation().calendrier().dateOrdreServicePrevue(); }
    public LocalDate getDateLivraisonPrevue() { return operation().calendrier().dateLivraisonPrevue(); }

    public Integer getDureeUsufruitAnnees() { return operation().dureeUsufruitAnnees(); }

    public Double getPrixRevientTTC() { return financement().prixRevientTTC(); }
    public int getNombreRessources() { return financement().ressources().size(); }
    public double getTotalRessources() { return totalRessources; }

    /**
     * Σ montants des ressources en décimal, tels que le dossier les écrit : en binaire, sept ressources d'une opération
     * de 275 M€ qui font le prix de revient plus 1,00 € s'additionnent à 1,0000000596 € de plus, au-delà de la
     * tolérance. Lu par le socle depuis 2026.22 ; {@link #getTotalRessources()} reste celui des versions d'avant.
     */
    public BigDecimal getSommeRessources() { return sommeRessources; }
    public double getTotalAccorde() { return totalAccorde; }

    public int getNombreLogements() { return nombreLogements; }
    /** PLAI et PLAI adapté ensemble. */
    public int getNombreLogementsPlai() { return nombreLogementsPlai; }
    public boolean isTousLotsPls() { return tousLotsPls; }
}
