package fr.harmonie.cli;

import fr.harmonie.cli.CheminsDeLaConsole.CheminIllisibleException;
import fr.harmonie.json.DatesMalEcrites;
import fr.harmonie.regles.PackInvalideException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options right after a command's name, in any order, before its files:
 * <ul>
 * <li>{@code --packs <dépôt>}: the packs of a repository being edited (its {@code rules/} and {@code territories/})
 * instead of the jar's;</li>
 * <li>{@code --avant <dépôt>} (comparer): the packs to compare with, instead of the jar's;</li>
 * <li>{@code --date AAAA-MM-JJ}: every dossier evaluated at that date of reference, as if deposited that day;</li>
 * <li>{@code --donnees <répertoire>} (sauvegarder, restaurer, migrer): the service's data directory, instead of
 * {@code HARMONIE_DATA_DIR} or {@code ./data};</li>
 * <li>{@code --garder <N>} (sauvegarder vers un répertoire): the N latest dated backups kept there, older ones removed;
 * 0 when not given: all kept;</li>
 * <li>{@code --rapport <fichier.pdf | répertoire>} (evaluer): each evaluation printed, as the service prints it, in that
 * file (one dossier) or in that directory, one report per dossier at its name.</li>
 * </ul>
 * A null path stands for the jar's packs, a null date for each dossier's own. {@code suite}: the arguments after the
 * options; an option the command does not take stays there, where the command refuses it with its usage.
 */
record OptionsCommande(Path packs, Path avant, LocalDate date, Path donnees, int garder, Path rapport, List<String> suite) {

    static final String PACKS = "--packs";
    static final String AVANT = "--avant";
    static final String DATE = "--date";
    static final String DONNEES = "--donnees";
    static final String GARDER = "--garder";
    static final String RAPPORT = "--rapport";

    /**
     * Null, after saying why on {@code erreurs}, when an option has no value, comes twice, has an invalid date or a path
     * Java cannot read.
     */
    static OptionsCommande lire(String[] args, Set<String> admises, PrintStream erreurs) {
        Map<String, String> valeurs = new HashMap<>();
        int i = 1;
        for (; i < args.length && admises.contains(args[i]); i += 2) {
            if (i + 1 == args.length) {
                erreurs.println("Erreur : " + args[i] + " demande une valeur.");
                return null;
            }
            if (valeurs.put(args[i], args[i + 1]) != null) {
                erreurs.println("Erreur : " + args[i] + " est donnée deux fois.");
                return null;
            }
        }
        LocalDate date = null;
        if (valeurs.containsKey(DATE)) {
            date = date(valeurs.get(DATE), erreurs);
            if (date == null) {
                return null;
            }
        }
        int garder = 0;
        if (valeurs.containsKey(GARDER)) {
            garder = nombre(valeurs.get(GARDER));
            if (garder < 1) {
                erreurs.println("Erreur : " + GARDER + " : « " + valeurs.get(GARDER) + " » n'est pas un nombre de"
                        + " sauvegardes à garder (1 ou plus).");
                return null;
            }
        }
        try {
            return new OptionsCommande(chemin(valeurs.get(PACKS)), chemin(valeurs.get(AVANT)), date,
                    chemin(valeurs.get(DONNEES)), garder, chemin(valeurs.get(RAPPORT)), List.of(args).subList(i, args.length));
        } catch (CheminIllisibleException e) {
            erreurs.println("Erreur : " + e.getMessage());
            return null;
        }
    }

    private static Path chemin(String valeur) throws CheminIllisibleException {
        return valeur == null ? null : CheminsDeLaConsole.chemin(valeur);
    }

    /** The whole number {@code valeur} says (up to 9 digits), or -1. */
    private static int nombre(String valeur) {
        return valeur.matches("[0-9]{1,9}") ? Integer.parseInt(valeur) : -1;
    }

    private static LocalDate date(String valeur, PrintStream erreurs) {
        LocalDate jour = DatesMalEcrites.jour(valeur);
        if (jour == null) {
            erreurs.println("Erreur : " + DATE + " : " + DatesMalEcrites.pourquoi(valeur) + ".");
        }
        return jour;
    }

    /** Packs that fail the checks of a start: each error, with its pack, file and line; exit 3. */
    static int refuses(PackInvalideException e, PrintStream erreurs) {
        erreurs.println("Erreur : packs refusés :");
        e.getMessage().lines().forEach(l -> erreurs.println("  " + l));
        return CommandeEvaluer.REGLES_EN_DEFAUT;
    }
}
