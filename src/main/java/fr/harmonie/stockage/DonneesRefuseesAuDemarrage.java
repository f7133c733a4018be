package fr.harmonie.stockage;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Whoever starts Harmonie with a data directory it cannot use reads why in French at the head of Spring Boot's report,
 * and what to do, instead of a NoSuchFileException at the end of a dozen « Caused by » of injection.
 */
class DonneesRefuseesAuDemarrage extends AbstractFailureAnalyzer<DonneesInutilisablesException> {

    @Override
    protected FailureAnalysis analyze(Throwable racine, DonneesInutilisablesException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action() != null ? cause.action() :
                "Donner par HARMONIE_DATA_DIR (ou --harmonie.donnees.repertoire=…) un répertoire où ce compte peut écrire, "
                        + "sur une partition qui permet d'exécuter des programmes (ceux de PostgreSQL y sont extraits), "
                        + "réservé à cette instance ; ou une base PostgreSQL à vous par SPRING_DATASOURCE_URL (rien n'est "
                        + "alors démarré ni écrit ici).", cause);
    }
}
