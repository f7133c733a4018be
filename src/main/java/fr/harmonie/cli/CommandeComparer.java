package fr.harmonie.cli;

import fr.harmonie.cli.CommandeEvaluer.Evaluation;
import fr.harmonie.cli.CommandeEvaluer.Issue;
import fr.harmonie.json.Json;
import fr.harmonie.regles.PackInvalideException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar harmonie.jar comparer --packs <dépôt> <dossier.json | répertoire>…}: ce que changent, pour des
 * dossiers réels, les packs d'un dépôt en cours d'édition, avant de les publier. Une DREAL qui resserre un paramètre ou
 * ajoute une pièce voit quels dossiers de son territoire en sont touchés et comment: chaque dossier est évalué avec les
 * packs du jar (ceux en service) puis avec ceux du dépôt, et une ligne JSON par dossier dit ce qui change
 * ({@link DifferenceDeResultats}); la sortie d'erreur en fait le bilan en français. Sortie 0 si aucun résultat ne
 * change, 1 si au moins un change, 2 pour une entrée invalide, 3 si les packs du dépôt sont refusés.
 */
final class CommandeComparer {

    static final int INCHANGES = 0;
    static final int CHANGES = 1;

    private CommandeComparer() {
    }

    static int executer(String[] args, InputStream entree, PrintStream sortie, PrintStream erreurs) {
        PacksDemandes packs = PacksDemandes.lire(args);
        // Each dossier is read twice: standard input, which reads once, is not one of them.
        if (packs == null || packs.racine() == null || packs.suite().isEmpty()
                || packs.suite().stream().anyMatch(a -> a.startsWith("-"))) {
            return usage(erreurs);
        }
        CommandeEvaluer.Fichiers trouves = CommandeEvaluer.Fichiers.de(packs.suite(), erreurs);
        if (trouves == null) {
            return CommandeEvaluer.ENTREE_INVALIDE;
        }
        List<String> fichiers = trouves.noms();
        Evaluation enService = new Evaluation(null);
        Evaluation editee = new Evaluation(packs.racine());
        int pire = INCHANGES;
        int changes = 0;
        for (String fichier : fichiers) {
            Issue avant;
            Issue apres;
            try {
                apres = CommandeEvaluer.evaluer(fichier, entree, editee);
                avant = CommandeEvaluer.evaluer(fichier, entree, enService);
            } catch (PackInvalideException e) {
                return PacksDemandes.refuses(e, erreurs);
            }
            Issue echec = avant.resultat() == null ? avant : apres.resultat() == null ? apres : null;
            if (echec != null) {
                sortie.println(Json.MAPPER.writeValueAsString(CommandeEvaluer.ligne(fichier, echec)));
                CommandeEvaluer.signaler(fichier + " : ", echec, erreurs);
                pire = Math.max(pire, echec.code());
                continue;
            }
            DifferenceDeResultats difference = DifferenceDeResultats.entre(avant.resultat(), apres.resultat());
            Map<String, Object> ligne = new LinkedHashMap<>();
            ligne.put("fichier", fichier);
            ligne.put("change", !difference.inchangee());
            ligne.put("difference", difference);
            sortie.println(Json.MAPPER.writeValueAsString(ligne));
            if (!difference.inchangee()) {
                changes++;
                pire = Math.max(pire, CHANGES);
                erreurs.println(fichier + " : " + difference.resume());
            }
        }
        erreurs.println(fichiers.size() + (fichiers.size() > 1 ? " dossiers comparés, " : " dossier comparé, ")
                + (changes == 0 ? "aucun changé" : changes + (changes > 1 ? " changés" : " changé")) + " par les packs de "
                + packs.racine());
        return pire;
    }

    private static int usage(PrintStream erreurs) {
        erreurs.println("Usage : java -jar harmonie.jar comparer --packs <dossier> <dossier.json | répertoire> [<dossier.json>…]");
        erreurs.println("Évalue chaque dossier avec les packs du jar puis avec ceux du dossier donné (qui contient rules/ et"
                + " territories/) et dit ce qui change : pièces, anomalies, déposable, maturité ; une ligne JSON par dossier.");
        erreurs.println("Sortie 0 : rien ne change ; 1 : au moins un dossier change ; 2 : entrée invalide ; 3 : packs refusés.");
        return CommandeEvaluer.ENTREE_INVALIDE;
    }
}
