package fr.harmonie.web;

/**
 * The descriptions of the answers that several operations share, for their {@code @ApiResponse}: one wording per
 * problem in the OpenAPI description, whichever operation meets it.
 */
public final class ReponsesDecrites {

    /** 503 from {@link BudgetDesCorps}. */
    public static final String SATURE = "Service saturé par des dossiers volumineux (type "
            + "urn:harmonie:probleme:service-sature) : Retry-After dit dans combien de secondes réessayer.";
    /** 503 from {@link ImpressionsEnCours}. */
    public static final String IMPRESSIONS_SATUREES = "Service saturé par des impressions en PDF (type "
            + "urn:harmonie:probleme:service-sature) : Retry-After dit dans combien de secondes réessayer.";
    /** 503 from {@link BaseIndisponible}: every operation that needs an account reads the base to authenticate. */
    public static final String BASE_INDISPONIBLE = "Base de données momentanément indisponible (type "
            + "urn:harmonie:probleme:base-indisponible) : Retry-After dit dans combien de secondes réessayer.";
    /** 500 from a rule that fires past the cap. */
    public static final String REGLE_EMBALLEE = "Une règle s'emballe (plus de déclenchements que le plafond) : detail nomme la "
            + "règle ; rien n'est gardé.";
    /** 412 on a stale If-Match. */
    public static final String VERSION_PERIMEE = "Le dossier a changé depuis la lecture dont vient If-Match : relisez-le.";

    private ReponsesDecrites() {
    }
}
