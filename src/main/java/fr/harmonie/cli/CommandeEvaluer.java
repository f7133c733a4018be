package fr.harmonie.cli;

import fr.harmonie.dossier.DossierInvalideException;
import fr.harmonie.dossier.LecteurDossier;
import fr.harmonie.dossier.Violation;
import fr.harmonie.evaluation.Evaluateur;
import fr.harmonie.evaluation.Resultat;
import fr.harmonie.json.Json;
import fr.harmonie.territoires.ChargeurPacks;
import fr.harmonie.territoires.Geographie;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * {@code java -jar harmonie.jar evaluer dossier.json}: la même évaluation que l'API, hors ligne, sans base ni serveur.
 * Code de sortie 0 si le dossier est déposable, 1 s'il ne l'est pas, 2 si l'entrée est invalide.
 */
public final class CommandeEvaluer {

    public static final int DEPOSABLE = 0;
    public static final int NON_DEPOSABLE = 1;
    public static final int ENTREE_INVALIDE = 2;

    private CommandeEvaluer() {
    }

    public static int executer(String[] args, InputStream entree, PrintStream sortie, PrintStream erreurs) {
        if (args.length != 2) {
            erreurs.println("Usage : java -jar harmonie.jar evaluer <dossier.json | ->");
            erreurs.println("Évalue un dossier au format 1 et affiche le résultat JSON. Sortie 0 : déposable ;"
                    + " 1 : non déposable ; 2 : entrée invalide.");
            return ENTREE_INVALIDE;
        }
        byte[] contenu;
        try {
            contenu = "-".equals(args[1]) ? entree.readAllBytes() : Files.readAllBytes(Path.of(args[1]));
        } catch (NoSuchFileException e) {
            erreurs.println("Erreur : fichier introuvable : " + args[1]);
            return ENTREE_INVALIDE;
        } catch (IOException e) {
            erreurs.println("Erreur : lecture impossible de " + args[1] + " : " + e.getMessage());
            return ENTREE_INVALIDE;
        }
        try {
            Resultat r = new Evaluateur(ChargeurPacks.charger(null, Geographie.chargerEmbarquee()), Clock.systemUTC())
                    .evaluer(new LecteurDossier().lire(contenu));
            sortie.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(r));
            return r.deposable() ? DEPOSABLE : NON_DEPOSABLE;
        } catch (DossierInvalideException e) {
            erreurs.println("Erreur : " + e.titre() + " : " + e.getMessage());
            for (Violation v : e.violations()) {
                erreurs.println("  " + (v.pointeur().isEmpty() ? "(racine)" : v.pointeur()) + " : " + v.message());
            }
            return ENTREE_INVALIDE;
        }
    }
}
