package fr.harmonie.territoires;

import fr.harmonie.regles.PackInvalideException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Quand les packs ne passent pas la vérification, le service refuse de démarrer: l'exploitant lit alors l'erreur en
 * français (pack, fichier, ligne) en tête du rapport de Spring Boot, au lieu de la chercher au bout de cinq « Caused
 * by » d'injection.
 */
class PacksRefusesAuDemarrage extends AbstractFailureAnalyzer<PackInvalideException> {

    @Override
    protected FailureAnalysis analyze(Throwable racine, PackInvalideException cause) {
        return new FailureAnalysis("Les packs de règles ne passent pas la vérification, le service ne démarre pas"
                + " (mieux vaut ne pas répondre que mal répondre) :\n\n" + cause.getMessage(),
                "Corriger le pack, le fichier et la ligne indiqués ; ou, si le chemin est en cause, la propriété"
                        + " harmonie.packs.racine (un dossier qui contient rules/ et territories/, vide pour les packs"
                        + " du jar).", cause);
    }
}
