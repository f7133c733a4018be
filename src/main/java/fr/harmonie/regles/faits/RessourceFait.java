package fr.harmonie.regles.faits;

import fr.harmonie.dossier.Financement.Ressource;
import fr.harmonie.dossier.Financement.StatutRessource;
import fr.harmonie.dossier.Financement.TypeRessource;
import fr.harmonie.dossier.Produit;

public final class RessourceFait {

    private final int index;
    private final Ressource ressource;

    public RessourceFait(int index, Ressource ressource) {
        this.index = index;
        this.ressource = ressource;
    }

    public String pointeur() {
        return "/operation/financement/ressources/" + index;
    }

    public int getIndex() { return index; }
    public TypeRessource getType() { return ressource.type(); }
    public Produit getProduit() { return ressource.produit(); }
    public String getFinanceur() { return ressource.financeur(); }
    public double getMontant() { return ressource.montant(); }
    public StatutRessource getStatut() { return ressource.statut(); }
}
