package fr.harmonie.cli;

import fr.harmonie.regles.PackInvalideException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code --packs <dossier>} right after a command's name: the packs of a repository being edited (its {@code rules/}
 * and {@code territories/}) instead of the jar's. {@code racine} is null for the jar's; {@code suite}, the arguments
 * after it.
 */
record PacksDemandes(Path racine, List<String> suite) {

    /** Null when {@code --packs} has no directory after it: the command then shows its usage. */
    static PacksDemandes lire(String[] args) {
        if (args.length >= 2 && "--packs".equals(args[1])) {
            return args.length == 2 ? null : new PacksDemandes(Path.of(args[2]), List.of(args).subList(3, args.length));
        }
        return new PacksDemandes(null, List.of(args).subList(1, args.length));
    }

    /** Packs that fail the checks of a start: each error, with its pack, file and line; exit 3. */
    static int refuses(PackInvalideException e, PrintStream erreurs) {
        erreurs.println("Erreur : packs refusés :");
        e.getMessage().lines().forEach(l -> erreurs.println("  " + l));
        return CommandeEvaluer.REGLES_EN_DEFAUT;
    }
}
