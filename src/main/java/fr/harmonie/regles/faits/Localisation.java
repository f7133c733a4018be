package fr.harmonie.regles.faits;

/**
 * Où se trouve l'opération, vu de la résolution des territoires: la commune existe-t-elle, et, quand le dossier
 * nomme son territoire, la commune est-elle dans son périmètre.
 */
public record Localisation(String codeInsee, boolean communeConnue, String territoireDemande, boolean territoireCoherent,
                           String explication) {

    public String getCodeInsee() { return codeInsee; }
    public boolean isCommuneConnue() { return communeConnue; }
    public String getTerritoireDemande() { return territoireDemande; }
    public boolean isTerritoireCoherent() { return territoireCoherent; }
    public String getExplication() { return explication; }
}
