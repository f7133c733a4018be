package fr.harmonie.regles.faits;

/**
 * Où se trouve l'opération, vu de la résolution des territoires: la commune existe-t-elle, et, quand le dossier
 * nomme son territoire, la commune est-elle dans son périmètre. {@code nomDifferent}: le nom que le dossier écrit
 * ({@code nomEcrit}) ne peut pas être celui de la commune du code ({@code nomOfficiel}); faux quand le dossier n'écrit
 * pas de nom, et dans ce qu'ont gardé les évaluations scellées avant que le socle ne le regarde.
 * {@code geographieAnterieure}: quand le découpage administratif précède l'année de la date de référence, la phrase
 * qui le dit (une commune nouvelle créée depuis n'y est pas, ni son nom); null sinon, et dans ce qu'ont gardé les
 * évaluations scellées avant le socle 2026.18.
 */
public record Localisation(String codeInsee, boolean communeConnue, String territoireDemande, boolean territoireCoherent,
                           String explication, String nomEcrit, String nomOfficiel, boolean nomDifferent,
                           String geographieAnterieure) {

    public String getCodeInsee() { return codeInsee; }
    public boolean isCommuneConnue() { return communeConnue; }
    public String getTerritoireDemande() { return territoireDemande; }
    public boolean isTerritoireCoherent() { return territoireCoherent; }
    public String getExplication() { return explication; }
    public String getNomEcrit() { return nomEcrit; }
    public String getNomOfficiel() { return nomOfficiel; }
    public boolean isNomDifferent() { return nomDifferent; }
    public String getGeographieAnterieure() { return geographieAnterieure; }
}
