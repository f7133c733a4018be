package fr.harmonie.cli;

import fr.harmonie.evaluation.Resultat;
import fr.harmonie.json.Json;
import fr.harmonie.rapport.RapportEvaluation;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;

/**
 * {@code evaluer --rapport <fichier.pdf>}: the offline evaluation on paper, printed as the service prints it, so that a
 * bailleur's own tools hand the same document to whoever assembles the dossier. Nothing is kept: the report says so.
 */
final class RapportHorsLigne {

    private RapportHorsLigne() {
    }

    /** False after saying why on {@code erreurs}, when the file could not be written. */
    static boolean ecrire(Path fichier, byte[] dossier, Resultat resultat, PrintStream erreurs) {
        byte[] pdf = RapportEvaluation.pdf(RapportEvaluation.Contenu.nonConservee("hors ligne (java -jar harmonie.jar evaluer) :"
                + " ni le dossier ni l'évaluation ne sont conservés", OffsetDateTime.now(), resultat.empreinte(),
                Json.MAPPER.readTree(dossier), Json.MAPPER.readTree(resultat.enJson())));
        try {
            Files.write(fichier, pdf);
        } catch (IOException e) {
            erreurs.println("Erreur : le rapport n'a pas pu être écrit dans " + fichier + " (" + e.getMessage() + ").");
            return false;
        }
        erreurs.println("Rapport de l'évaluation : " + fichier);
        return true;
    }
}
