package fr.harmonie.dossier;

public record MaitreOuvrage(String siren, String raisonSociale, Famille famille, Boolean agrementMOI, boolean premiereDemande) {

    public enum Famille { OPH, ESH, COOPERATIVE_HLM, SEM, ORGANISME_AGREE_MOI, COLLECTIVITE, AUTRE }
}
