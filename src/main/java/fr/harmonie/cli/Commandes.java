package fr.harmonie.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Ce que fait le jar selon son premier argument: rien ou une option ({@code --server.port=8081}), le service; un mot,
 * une commande. Un mot qui n'est pas une commande (une faute de frappe d'{@code evaluer}, « aide ») est refusé avec
 * l'usage: démarré pour lui, le service prendrait le port 8080 et créerait un répertoire de données chez quelqu'un qui
 * voulait évaluer un fichier, et ne rendrait pas la main à son script.
 */
public final class Commandes {

    private static final String EVALUER = "evaluer";
    private static final String VERIFIER = "verifier";
    private static final String COMPARER = "comparer";
    private static final String FICHE = "fiche";
    private static final String SAUVEGARDER = "sauvegarder";
    private static final String RESTAURER = "restaurer";
    private static final String MIGRER = "migrer";
    private static final Set<String> AIDE = Set.of("aide", "help", "-h", "--aide", "--help");

    /** Each command's usage, for {@code <commande> --aide}. */
    private static final Map<String, Consumer<PrintStream>> AIDES = Map.of(
            EVALUER, CommandeEvaluer::aide,
            VERIFIER, CommandeVerifier::aide,
            COMPARER, CommandeComparer::aide,
            FICHE, CommandeFiche::aide,
            SAUVEGARDER, ou -> CommandesDesDonnees.aide(SAUVEGARDER, ou),
            RESTAURER, ou -> CommandesDesDonnees.aide(RESTAURER, ou),
            MIGRER, CommandesDesDonnees::aideMigrer);

    private Commandes() {
    }

    /** The exit code when what the command printed could not be written whole (a full disk, a closed pipe). */
    public static final int SORTIE_NON_ECRITE = 4;

    /** Whether these arguments name a command rather than start the service. */
    public static boolean estUneCommande(String[] args) {
        return args.length > 0 && (!args[0].startsWith("--") || AIDE.contains(args[0]));
    }

    /**
     * Runs the command {@code args[0]} on this process's console. The JSON that {@code evaluer} and {@code comparer}
     * print is UTF-8, as RFC 8259 wants, whatever the platform's encoding: under {@code LC_ALL=C} (cron, a systemd
     * unit, a bare container) Java would print « ? » for every accented letter, and on Windows, redirected to a
     * file, the ANSI code page. Text for the eyes keeps the encoding of the console (Windows' is not UTF-8), unless
     * that encoding cannot write « é »: then UTF-8 too.
     */
    public static int executerSurLaConsole(String[] args) {
        PrintStream sortie = EVALUER.equals(args[0]) || COMPARER.equals(args[0])
                ? new PrintStream(System.out, true, StandardCharsets.UTF_8)
                : lisible(System.out, "stdout");
        PrintStream erreurs = lisible(System.err, "stderr");
        try {
            int code = executer(args, System.in, sortie, erreurs);
            // A PrintStream keeps its write errors to itself: to a full disk, « evaluer d.json > r.json » left r.json
            // empty or cut and exited 0, and the script that reads r.json next believed it.
            if (sortie.checkError() || System.out.checkError()) {
                erreurs.println("Erreur : le résultat n'a pas pu être écrit en entier sur la sortie standard (disque plein,"
                        + " sortie fermée ?).");
                return SORTIE_NON_ECRITE;
            }
            return code;
        } finally {
            sortie.flush();
            erreurs.flush();
        }
    }

    /** {@code flux} itself, or over it a UTF-8 stream when its encoding has no « é ». */
    private static PrintStream lisible(PrintStream flux, String nom) {
        // Autoflush: a message on standard error shows before the command goes on (or the JVM exits).
        return sansAccents(nom) ? new PrintStream(flux, true, StandardCharsets.UTF_8) : flux;
    }

    /** Whether the standard stream {@code flux} ({@code stdout} or {@code stderr}) cannot write « é » (LC_ALL=C: ASCII). */
    public static boolean sansAccents(String flux) {
        return !encodage(flux).newEncoder().canEncode('é');
    }

    /** The encoding in which to write French text to {@code flux}: its own, or UTF-8 when its own has no « é ». */
    public static Charset encodageLisible(String flux) {
        return sansAccents(flux) ? StandardCharsets.UTF_8 : encodage(flux);
    }

    /**
     * The encoding in which the JVM writes the standard stream {@code flux}. From Java 18 on, the platform's encoding is
     * UTF-8 while the streams keep the locale's, which Java 19 names {@code stdout.encoding}: reading only the platform's,
     * a Java 21 or 25 under {@code LC_ALL=C} printed « ? » for every accent. Java 17 names a console's encoding
     * {@code sun.stdout.encoding} (Windows), and otherwise writes in the platform's.
     */
    static Charset encodage(String flux) {
        for (String propriete : List.of(flux + ".encoding", "sun." + flux + ".encoding")) {
            String nom = System.getProperty(propriete);
            if (nom != null) {
                try {
                    return Charset.forName(nom);
                } catch (IllegalArgumentException inconnu) {
                    // An encoding this JVM cannot name: the next clue.
                }
            }
        }
        return Charset.defaultCharset();
    }

    /** Runs the command {@code args[0]} and returns the process's exit code. */
    public static int executer(String[] args, InputStream entree, PrintStream sortie, PrintStream erreurs) {
        return executer(args, System.getenv(), entree, sortie, erreurs);
    }

    /** The same, in {@code environnement} instead of this process's: where the data commands find their base. */
    public static int executer(String[] args, Map<String, String> environnement, InputStream entree, PrintStream sortie,
                               PrintStream erreurs) {
        Consumer<PrintStream> aide = AIDES.get(args[0]);
        if (aide != null && args.length == 2 && args[1].startsWith("-") && AIDE.contains(args[1])) {
            // « evaluer --help » asks for the usage: on standard output, and a success, like « aide » itself. Only as an
            // option: « evaluer aide » names a file, « sauvegarder aide » a backup.
            aide.accept(sortie);
            return 0;
        }
        if (EVALUER.equals(args[0])) {
            return CommandeEvaluer.executer(args, entree, sortie, erreurs);
        }
        if (VERIFIER.equals(args[0])) {
            return CommandeVerifier.executer(args, sortie, erreurs);
        }
        if (COMPARER.equals(args[0])) {
            return CommandeComparer.executer(args, entree, sortie, erreurs);
        }
        if (FICHE.equals(args[0])) {
            return CommandeFiche.executer(args, sortie, erreurs);
        }
        if (SAUVEGARDER.equals(args[0])) {
            return CommandesDesDonnees.sauvegarder(args, environnement, sortie, erreurs);
        }
        if (RESTAURER.equals(args[0])) {
            return CommandesDesDonnees.restaurer(args, environnement, sortie, erreurs);
        }
        if (MIGRER.equals(args[0])) {
            return CommandesDesDonnees.migrer(args, environnement, sortie, erreurs);
        }
        if (AIDE.contains(args[0])) {
            usage(sortie);
            return 0;
        }
        erreurs.println(args[0].startsWith("-")
                // java -jar harmonie.jar -Dserver.port=8081: a JVM option placed after the jar, which Spring would ignore.
                ? "Erreur : « " + args[0] + " » n'est ni une commande ni une option du service, qui s'écrit --nom=valeur"
                        + " (--server.port=8081) ; une option de la JVM (-D…) se place avant -jar."
                : "Erreur : commande inconnue « " + args[0] + " ».");
        usage(erreurs);
        return CommandeEvaluer.ENTREE_INVALIDE;
    }

    private static void usage(PrintStream ou) {
        ou.println("Usage : java -jar harmonie.jar [--option=valeur…]   démarre le service (par exemple --server.port=8081)");
        ou.println("        java -jar harmonie.jar evaluer [--date AAAA-MM-JJ] [--rapport <fichier.pdf | répertoire>] <dossier.json | répertoire | -> [<dossier.json>…]");
        ou.println("                                                     évalue hors ligne, sans serveur ni base"
                + " (evaluer --aide en dit plus)");
        ou.println("        java -jar harmonie.jar verifier [--packs <dossier>] [<id de pack>…]");
        ou.println("                                                     vérifie les packs et joue les cas de leurs règles");
        ou.println("        java -jar harmonie.jar comparer --packs <dossier> [--avant <dossier>] [--date AAAA-MM-JJ]"
                + " <dossier.json | répertoire> [<dossier.json>…]");
        ou.println("                                                     ce que les packs d'un dépôt changent pour ces dossiers");
        ou.println("        java -jar harmonie.jar fiche [--packs <dossier>] [--date AAAA-MM-JJ] <id de pack> <fichier.pdf>");
        ou.println("                                                     la fiche des règles en vigueur d'un territoire, en PDF");
        ou.println("        java -jar harmonie.jar sauvegarder [--donnees <répertoire>] <fichier.zip> | [--garder <N>] <répertoire>");
        ou.println("                                                     sauvegarde la base embarquée, service en marche ou non");
        ou.println("        java -jar harmonie.jar restaurer [--donnees <répertoire>] <fichier.zip>");
        ou.println("                                                     remet une sauvegarde dans un répertoire sans base");
        ou.println("        java -jar harmonie.jar migrer [--donnees <répertoire>]");
        ou.println("                                                     copie la base embarquée (service arrêté) dans la"
                + " base vide de SPRING_DATASOURCE_URL");
        ou.println("        java -jar harmonie.jar aide                  ce message");
    }
}
