package fr.harmonie.dossier;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

public record Operation(
        String nom,
        Nature nature,
        TypeHebergement typeHebergement,
        boolean autorisationSpecifiqueL4412,
        Commune commune,
        Zone123 zone123,
        ZoneABC zoneABC,
        boolean ascenseur,
        boolean quartierPrioritaire,
        Foncier foncier,
        Urbanisme urbanisme,
        Calendrier calendrier,
        AvisCommune avisCommune,
        Integer dureeUsufruitAnnees,
        List<Lot> lots,
        Financement financement) {

    public Operation {
        typeHebergement = typeHebergement == null ? TypeHebergement.LOGEMENT_ORDINAIRE : typeHebergement;
        foncier = foncier == null ? Foncier.VIDE : foncier;
        urbanisme = urbanisme == null ? Urbanisme.VIDE : urbanisme;
        calendrier = calendrier == null ? new Calendrier(null, null) : calendrier;
        avisCommune = avisCommune == null ? AvisCommune.NON_SOLLICITE : avisCommune;
        lots = List.copyOf(lots);
    }

    public enum Nature {
        CONSTRUCTION_NEUVE, VEFA, ACQUISITION_AMELIORATION, ACQUISITION_SANS_TRAVAUX, TRANSFORMATION_LOCAUX, USUFRUIT_LOCATIF_SOCIAL
    }

    public enum TypeHebergement {
        LOGEMENT_ORDINAIRE, RESIDENCE_SOCIALE, PENSION_DE_FAMILLE, RESIDENCE_ETUDIANTE, LOGEMENT_FOYER_PA_PH
    }

    public enum AvisCommune { FAVORABLE, DEFAVORABLE, EN_ATTENTE, NON_SOLLICITE }

    /** Zonage des loyers PLAI/PLUS (et PLS étudiants, personnes âgées ou handicapées). */
    public enum Zone123 {
        @JsonProperty("1BIS") Z1BIS("1BIS"),
        @JsonProperty("1") Z1("1"),
        @JsonProperty("2") Z2("2"),
        @JsonProperty("3") Z3("3");

        private final String code;

        Zone123(String code) { this.code = code; }

        public String code() { return code; }
    }

    /** Zonage des loyers PLS ménages. */
    public enum ZoneABC { ABIS, A, B1, B2, C }

    public record Commune(String codeInsee, String nom) { }

    public record Calendrier(java.time.LocalDate dateOrdreServicePrevue, java.time.LocalDate dateLivraisonPrevue) { }
}
