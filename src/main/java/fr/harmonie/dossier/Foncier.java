package fr.harmonie.dossier;

import java.time.LocalDate;

public record Foncier(
        Maitrise maitrise,
        LocalDate dateMaitrise,
        boolean dejaProprietaire,
        LocalDate dateAcquisition,
        boolean vendeurOrganismeHlm,
        Double prixAcquisition) {

    static final Foncier VIDE = new Foncier(null, null, false, null, false, null);

    public Foncier {
        maitrise = maitrise == null ? Maitrise.AUCUNE : maitrise;
    }

    public enum Maitrise {
        AUCUNE, PROMESSE_VENTE, DELIBERATION_COLLECTIVITE, CONTRAT_RESERVATION_VEFA, ACTE_VENTE, BAIL_LONG_TERME,
        LETTRE_FRANCE_DOMAINE, ATTESTATION_NOTARIEE
    }
}
