package fr.harmonie.rapport;

import fr.harmonie.regles.faits.Fr;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The contract's codes as a French reader reads them in a printed document: « construction neuve », « à consolider ». */
final class Libelles {

    private Libelles() {
    }

    private static final Map<String, String> NATURES = Map.of(
            "CONSTRUCTION_NEUVE", "construction neuve",
            "VEFA", "vente en l'état futur d'achèvement (VEFA)",
            "ACQUISITION_AMELIORATION", "acquisition-amélioration",
            "ACQUISITION_SANS_TRAVAUX", "acquisition sans travaux",
            "TRANSFORMATION_LOCAUX", "transformation de locaux en logements",
            "USUFRUIT_LOCATIF_SOCIAL", "usufruit locatif social");

    private static final Map<String, String> HEBERGEMENTS = Map.of(
            "LOGEMENT_ORDINAIRE", "logement ordinaire",
            "RESIDENCE_SOCIALE", "résidence sociale",
            "PENSION_DE_FAMILLE", "pension de famille",
            "RESIDENCE_ETUDIANTE", "résidence étudiante",
            "LOGEMENT_FOYER_PA_PH", "logement-foyer pour personnes âgées ou handicapées");

    private static final Map<String, String> NIVEAUX_DE_MATURITE = Map.of("PREMATUREE", "prématurée", "A_CONSOLIDER", "à consolider",
            "MURE", "mûre");

    private static final Map<String, String> NIVEAUX_DE_PACK = Map.of("NATIONAL", "Socle national", "REGION", "Région",
            "DEPARTEMENT", "Département (DDT)", "DELEGATAIRE", "Délégataire");

    private static final Map<String, String> ETAPES = Map.of("qualification", "Qualification du dossier",
            "pieces", "Pièces requises", "anomalies", "Anomalies", "maturite", "Maturité");

    /** An unknown code prints as it is: a code added to the contract later is still read, if not translated. */
    static String nature(String code) {
        return NATURES.getOrDefault(code, code);
    }

    static String hebergement(String code) {
        return HEBERGEMENTS.getOrDefault(code, code);
    }

    static String produit(String code) {
        return code.equals("PLAI_ADAPTE") ? "PLAI adapté" : code;
    }

    static String phase(String code) {
        return code.equals("PROGRAMMATION") ? "Programmation" : "Agrément";
    }

    static String maturite(String niveau) {
        return NIVEAUX_DE_MATURITE.getOrDefault(niveau, niveau);
    }

    static String niveauDePack(String niveau) {
        return NIVEAUX_DE_PACK.getOrDefault(niveau, niveau);
    }

    static String etape(String etape) {
        return etape == null || etape.isEmpty() ? "Autres règles" : ETAPES.getOrDefault(etape, etape);
    }

    static String mois(List<Integer> mois) {
        return mois.stream().map(m -> Month.of(m).getDisplayName(TextStyle.FULL, Locale.FRENCH)).collect(Collectors.joining(", "));
    }

    /** « 7 décembre 2026 », « 1er janvier 2026 ». */
    static String jour(String iso) {
        return Fr.jour(LocalDate.parse(iso));
    }
}
