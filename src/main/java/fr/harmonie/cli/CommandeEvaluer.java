package fr.harmonie.cli;

import fr.harmonie.dossier.DossierInvalideException;
import fr.harmonie.dossier.LecteurDossier;
import fr.harmonie.dossier.Violation;
import fr.harmonie.evaluation.Evaluateur;
import fr.harmonie.evaluation.Resultat;
import fr.harmonie.json.Json;
import fr.harmonie.regles.PackInvalideException;
import fr.harmonie.regles.RegleEmballeeException;
import fr.harmonie.territoires.ChargeurPacks;
import fr.harmonie.territoires.Geographie;
import fr.harmonie.territoires.RegistrePacks;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * {@code java -jar harmonie.jar evaluer dossier.json}: la même évaluation que l'API, hors ligne, sans base ni serveur.
 * Code de sortie 0 si le dossier est déposable, 1 s'il ne l'est pas, 2 si l'entrée est invalide, 3 si les règles sont
 * en défaut. Avec {@code --packs <dossier>}, les packs d'un dépôt en cours d'édition remplacent ceux du jar: l'auteur
 * d'une règle l'essaie sur un dossier sans reconstruire le jar, et les vérifications des packs s'appliquent.
 */
public final class CommandeEvaluer {

    public static final int DEPOSABLE = 0;
    public static final int NON_DEPOSABLE = 1;
    public static final int ENTREE_INVALIDE = 2;
    /** A pack refused by the checks, or a rule that fires without end: the dossier is not at fault. */
    public static final int REGLES_EN_DEFAUT = 3;

    private CommandeEvaluer() {
    }

    public static int executer(String[] args, InputStream entree, PrintStream sortie, PrintStream erreurs) {
        Path racinePacks = null;
        String fichier;
        if (args.length == 4 && "--packs".equals(args[1])) {
            racinePacks = Path.of(args[2]);
            fichier = args[3];
        } else if (args.length == 2 && !args[1].startsWith("--")) {
            fichier = args[1];
        } else {
            erreurs.println("Usage : java -jar harmonie.jar evaluer [--packs <dossier>] <dossier.json | ->");
            erreurs.println("Évalue un dossier au format 1 et affiche le résultat JSON. Sortie 0 : déposable ;"
                    + " 1 : non déposable ; 2 : entrée invalide ; 3 : règles en défaut.");
            erreurs.println("--packs : évaluer avec les packs d'un dossier qui contient rules/ et territories/ (un dépôt"
                    + " en cours d'édition) plutôt qu'avec ceux du jar.");
            return ENTREE_INVALIDE;
        }
        byte[] contenu;
        try {
            contenu = "-".equals(fichier) ? entree.readAllBytes() : Files.readAllBytes(Path.of(fichier));
        } catch (NoSuchFileException e) {
            erreurs.println("Erreur : fichier introuvable : " + fichier);
            return ENTREE_INVALIDE;
        } catch (IOException e) {
            erreurs.println("Erreur : lecture impossible de " + fichier + " : " + e.getMessage());
            return ENTREE_INVALIDE;
        }
        try {
            Geographie geographie = Geographie.chargerEmbarquee();
            // The jar's packs were checked by the build; packs being edited (--packs) get every check.
            RegistrePacks packs = racinePacks == null ? ChargeurPacks.chargerDuJar(geographie) : ChargeurPacks.charger(racinePacks, geographie);
            Resultat r = new Evaluateur(packs, Clock.systemUTC())
                    .evaluer(new LecteurDossier().lire(contenu));
            sortie.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(r));
            return r.deposable() ? DEPOSABLE : NON_DEPOSABLE;
        } catch (DossierInvalideException e) {
            erreurs.println("Erreur : " + e.titre() + " : " + e.getMessage());
            for (Violation v : e.violations()) {
                erreurs.println("  " + (v.pointeur().isEmpty() ? "(racine)" : v.pointeur()) + " : " + v.message());
            }
            return ENTREE_INVALIDE;
        } catch (PackInvalideException e) {
            // The build's tests load the jar's packs with the same checks: these are the packs given with --packs.
            erreurs.println("Erreur : packs refusés :");
            e.getMessage().lines().forEach(l -> erreurs.println("  " + l));
            return REGLES_EN_DEFAUT;
        } catch (RegleEmballeeException e) {
            erreurs.println("Erreur : " + e.getMessage());
            return REGLES_EN_DEFAUT;
        }
    }
}
