package fr.harmonie.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Les frontières entre les parties de Harmonie, vérifiées sur les classes compilées, parce que chacune tient une promesse
 * faite à un utilisateur : le bailleur sans compte et la commande hors ligne évaluent sans base ni compte ; l'auteur
 * d'une règle lit des faits en Java simple ; le moteur ne dépend pas du service qui s'en sert.
 */
class FrontieresTest {

    /** What the service keeps and who may see it: accounts, kept dossiers, PostgreSQL, and the command line above all. */
    private static final String[] SERVICE = {"fr.harmonie.dossiers..", "fr.harmonie.comptes..", "fr.harmonie.stockage..",
            "fr.harmonie.cli.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importer() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("fr.harmonie");
    }

    /**
     * The open API (no account, nothing stored), `java -jar harmonie.jar evaluer` on a machine without PostgreSQL, the
     * rules sheet and the report of an evaluation nobody keeps: all stand on these packages, which must not reach for
     * the database, the accounts or the kept dossiers.
     */
    @Test
    void lEvaluationNeDependNiDesComptesNiDeLaBase() {
        noClasses().that().resideInAnyPackage("fr.harmonie.dossier..", "fr.harmonie.regles..", "fr.harmonie.evaluation..",
                        "fr.harmonie.territoires..", "fr.harmonie.catalogue..", "fr.harmonie.parametres..", "fr.harmonie.rapport..",
                        "fr.harmonie.json..")
                .should().dependOnClassesThat().resideInAnyPackage(SERVICE)
                .orShould().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework.jdbc..",
                        "org.springframework.security..", "org.springframework.transaction..")
                .because("une évaluation se fait sans compte ni base, par l'API ouverte comme hors ligne")
                .check(classes);
    }

    /**
     * The facts the rules match and the dossier they come from are plain Java: a rule author reads them without knowing
     * Spring, and the engine runs them outside any container (cases, command line, benchmarks).
     */
    @Test
    void lesFaitsEtLeDossierSontDuJavaSimple() {
        noClasses().that().resideInAnyPackage("fr.harmonie.dossier..", "fr.harmonie.regles.faits..", "fr.harmonie.catalogue..",
                        "fr.harmonie.parametres..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "fr.harmonie.web..",
                        "fr.harmonie.evaluation..", "fr.harmonie.territoires..", "fr.harmonie.rapport..")
                .because("les faits que voient les règles sont du Java simple, sans Spring ni HTTP")
                .check(classes);
    }

    /**
     * The engine compiles and fires packs for whoever calls it; only its case runner (which checks a rule's cases by
     * full evaluations) stands above the evaluation.
     */
    @Test
    void leMoteurNeDependPasDeCeQuiLEmploie() {
        noClasses().that().resideInAnyPackage("fr.harmonie.regles", "fr.harmonie.regles.faits..")
                .should().dependOnClassesThat().resideInAnyPackage("fr.harmonie.evaluation..", "fr.harmonie.territoires..",
                        "fr.harmonie.rapport..", "fr.harmonie.web..", "org.springframework.web..", "org.springframework.http..",
                        "org.springframework.context..", "org.springframework.stereotype..")
                .because("le moteur sert l'API, la ligne de commande et les cas des règles sans en dépendre")
                .check(classes);
    }
}
