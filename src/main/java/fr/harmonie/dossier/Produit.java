package fr.harmonie.dossier;

public enum Produit {
    PLAI, PLAI_ADAPTE, PLUS, PLS;

    /** PLAI adapté n'est pas une convention distincte: un complément de subvention sur un PLAI. */
    public boolean estPlai() {
        return this == PLAI || this == PLAI_ADAPTE;
    }

    /** Les produits dont les loyers suivent la zone 1bis/1/2/3 et relèvent des marges locales. */
    public boolean estPlaiOuPlus() {
        return this != PLS;
    }
}
