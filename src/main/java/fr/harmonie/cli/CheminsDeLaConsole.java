package fr.harmonie.cli;

import java.nio.charset.Charset;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Paths typed on the command line. Under {@code LC_ALL=C} or POSIX (cron, a systemd unit, a bare container), Java
 * decodes the arguments and the working directory in ASCII: the accented letters of « Dépôts 2026/dossier.json » are
 * lost before the command sees them, and the file cannot be found, or its name is refused. The error then says why,
 * and what to do, instead of « introuvable » alone (or, for an option, a stack trace).
 */
final class CheminsDeLaConsole {

    static final String VIDE = "chemin vide (une variable vide ou non définie dans un script ?)";

    private CheminsDeLaConsole() {
    }

    /**
     * {@code argument} as a path; the French reason, with {@link #conseil}, if Java cannot make it one. An empty
     * argument is refused: Java reads it as the working directory, so that {@code evaluer "$DOSSIER"}, its variable
     * unset in a script, evaluated every dossier found there.
     */
    static Path chemin(String argument) throws CheminIllisibleException {
        if (argument.isBlank()) {
            throw new CheminIllisibleException(VIDE);
        }
        try {
            return Path.of(argument);
        } catch (InvalidPathException e) {
            throw new CheminIllisibleException("nom de fichier invalide : " + argument + conseil(argument));
        }
    }

    /**
     * What to do when {@code chemin} (or, when relative, the working directory) lost its accented letters to the
     * locale; empty when the locale reads them, or when no letter was lost.
     */
    static String conseil(String chemin) {
        if (accentsLisibles()) {
            return "";
        }
        String complet = chemin.startsWith("/") ? chemin : System.getProperty("user.dir", "") + "/" + chemin;
        // A lost letter reads U+FFFD in an argument and « ? » in the working directory.
        if (complet.indexOf('\uFFFD') < 0 && complet.indexOf('?') < 0) {
            return "";
        }
        return " (la locale du système, " + locale() + ", ne laisse pas Java lire les lettres accentuées d'un chemin :"
                + " lancez la commande sous une locale UTF-8, par exemple LC_ALL=C.UTF-8)";
    }

    /** Whether Java reads file names in an encoding that has « é » ({@code sun.jnu.encoding}: ASCII under C). */
    private static boolean accentsLisibles() {
        String nom = System.getProperty("sun.jnu.encoding");
        try {
            return (nom == null ? Charset.defaultCharset() : Charset.forName(nom)).newEncoder().canEncode('é');
        } catch (IllegalArgumentException inconnu) {
            return true; // nothing known to blame
        }
    }

    private static String locale() {
        for (String variable : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String valeur = System.getenv(variable);
            if (valeur != null && !valeur.isEmpty()) {
                return variable + "=" + valeur;
            }
        }
        return "C, faute de LANG";
    }

    /** A path from the command line that Java cannot use, with the French reason. */
    static final class CheminIllisibleException extends Exception {
        CheminIllisibleException(String message) {
            super(message, null, false, false);
        }
    }
}
