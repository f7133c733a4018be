package fr.harmonie.cli;

import fr.harmonie.dossier.Dossier;
import fr.harmonie.dossier.DossierInvalideException;
import fr.harmonie.dossier.LecteurDossier;
import fr.harmonie.dossier.Violation;
import fr.harmonie.evaluation.Evaluateur;
import fr.harmonie.evaluation.Resultat;
import fr.harmonie.json.Json;
import fr.harmonie.regles.PackInvalideException;
import fr.harmonie.regles.RegleEmballeeException;
import fr.harmonie.regles.faits.Fr;
import fr.harmonie.territoires.ChargeurPacks;
import fr.harmonie.territoires.Geographie;
import fr.harmonie.territoires.RegistrePacks;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code java -jar harmonie.jar evaluer dossier.json}: la même évaluation que l'API, hors ligne, sans base ni serveur.
 * Code de sortie 0 si le dossier est déposable, 1 s'il ne l'est pas, 2 si l'entrée est invalide, 3 si les règles sont
 * en défaut. Avec {@code --packs <dossier>}, les packs d'un dépôt en cours d'édition remplacent ceux du jar: l'auteur
 * d'une règle l'essaie sur un dossier sans reconstruire le jar, et les vérifications des packs s'appliquent. Avec
 * {@code --date AAAA-MM-JJ}, chaque dossier est évalué à cette date de référence: celle d'une version à venir.
 *
 * <p>With several files (or a directory, for its {@code .json} files, or a JSON Lines file, {@link Entrees}), one run:
 * the JVM starts, and each chain compiles, once for all of them instead of once per dossier (seconds each). Each
 * dossier gives one JSON line, its result or its error, in the order given; the exit code is the worst of them.
 */
public final class CommandeEvaluer {

    public static final int DEPOSABLE = 0;
    public static final int NON_DEPOSABLE = 1;
    public static final int ENTREE_INVALIDE = 2;
    /** A pack refused by the checks, or a rule that fires without end: the dossier is not at fault. */
    public static final int REGLES_EN_DEFAUT = 3;

    private CommandeEvaluer() {
    }

    /** Ce qu'a donné un fichier: son code de sortie, et son résultat ou son erreur en français. */
    record Issue(int code, Resultat resultat, String titre, String detail, List<Violation> violations) {

        static Issue erreur(int code, String titre, String detail, List<Violation> violations) {
            return new Issue(code, null, titre, detail, violations);
        }
    }

    public static int executer(String[] args, InputStream entree, PrintStream sortie, PrintStream erreurs) {
        OptionsCommande options = OptionsCommande.lire(args, Set.of(OptionsCommande.PACKS, OptionsCommande.DATE, OptionsCommande.RAPPORT), erreurs);
        List<String> arguments = options == null ? List.of() : options.suite();
        Fichiers trouves = Fichiers.de(arguments, erreurs);
        if (trouves == null) {
            return ENTREE_INVALIDE;
        }
        List<String> fichiers = trouves.noms();
        boolean repertoires = trouves.repertoires();
        // One result as such for one file named; one line per dossier as soon as a directory, several files or a file of
        // JSON Lines are given.
        boolean parLignes = fichiers.size() > 1 || repertoires || fichiers.stream().anyMatch(Entrees::enLignes);
        if (fichiers.isEmpty() || fichiers.stream().anyMatch(f -> f.startsWith("--"))
                || (fichiers.size() > 1 && fichiers.contains("-"))) {
            aide(erreurs);
            return ENTREE_INVALIDE;
        }
        RapportHorsLigne rapports = options.rapport() == null ? null : RapportHorsLigne.vers(options.rapport(), parLignes, erreurs);
        if (options.rapport() != null && rapports == null) {
            return ENTREE_INVALIDE;
        }
        Evaluation evaluation = new Evaluation(options.packs(), options.date());
        Decompte decompte = new Decompte();
        try {
            Entrees.parcourir(fichiers, entree, lue -> {
                Issue issue = evaluer(lue, evaluation);
                decompte.compter(issue, lue);
                Path rapport = null;
                if (rapports != null && issue.resultat() != null) {
                    rapport = rapports.ecrire(lue.nom(), lue.contenu(), issue.resultat(), erreurs);
                    if (rapport == null) {
                        decompte.pire = Commandes.SORTIE_NON_ECRITE;
                    }
                }
                if (!parLignes) {
                    if (issue.resultat() != null) {
                        sortie.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(issue.resultat()));
                    }
                    if (rapport != null) {
                        erreurs.println("Rapport de l'évaluation : " + rapport);
                    }
                } else {
                    Map<String, Object> ligne = ligne(lue.nom(), issue);
                    if (rapport != null) {
                        ligne.put("rapport", rapport.toString());
                    }
                    sortie.println(Json.MAPPER.writeValueAsString(ligne));
                }
                if (issue.resultat() == null) {
                    signaler(parLignes ? lue.nom() + " : " : "", issue, erreurs);
                }
            });
        } catch (PackInvalideException e) {
            // The build's tests load the jar's packs with the same checks: these are the packs given with --packs.
            return OptionsCommande.refuses(e, erreurs);
        }
        if (parLignes) {
            erreurs.println(decompte.bilan() + (rapports == null ? ""
                    : " ; " + Fr.compte(rapports.ecrits(), "rapport écrit", "rapports écrits") + " dans " + rapports.chemin()));
        }
        return decompte.pire;
    }

    /** What the dossiers gave so far: the worst exit code, the files (and dossiers) by code, the lines in error. */
    private static final class Decompte {
        int pire = DEPOSABLE;
        final int[] parCode = new int[ENTREE_INVALIDE + 1];
        int lignesEnErreur;

        void compter(Issue issue, Entrees.Lue lue) {
            pire = Math.max(pire, issue.code());
            if (issue.resultat() == null && lue.ligne()) {
                lignesEnErreur++;
            } else {
                parCode[Math.min(issue.code(), ENTREE_INVALIDE)]++;
            }
        }

        /**
         * « 12 dossiers évalués : 8 déposables, 3 non déposables, 1 fichier en erreur », on standard error after the
         * lines: a folder's outcome at a glance, the lines on standard output staying one JSON per dossier.
         */
        String bilan() {
            int evalues = parCode[DEPOSABLE] + parCode[NON_DEPOSABLE];
            String enErreur = Entrees.enErreur(parCode[ENTREE_INVALIDE], lignesEnErreur);
            return Fr.compte(evalues, "dossier évalué", "dossiers évalués") + " : "
                    + Fr.compte(parCode[DEPOSABLE], "déposable", "déposables") + ", "
                    + Fr.compte(parCode[NON_DEPOSABLE], "non déposable", "non déposables")
                    + (enErreur.isEmpty() ? "" : ", " + enErreur);
        }
    }

    /** A file's error in French on standard error, each violation with its JSON pointer. */
    static void signaler(String prefixe, Issue issue, PrintStream erreurs) {
        erreurs.println(prefixe + "Erreur : " + (issue.titre() == null ? "" : issue.titre() + " : ") + issue.detail());
        for (Violation v : issue.violations()) {
            erreurs.println("  " + (v.pointeur().isEmpty() ? "(racine)" : v.pointeur()) + " : " + v.message());
        }
    }

    /**
     * The files the arguments name, a directory standing for its {@code .json} files by name (a script need not depend
     * on its shell to expand {@code *.json}: cmd.exe does not); {@code repertoires}: whether a directory was given.
     */
    record Fichiers(List<String> noms, boolean repertoires) {

        /** Null after saying why on {@code erreurs}: a directory unreadable, or with no {@code .json} file. */
        static Fichiers de(List<String> arguments, PrintStream erreurs) {
            List<String> noms = new ArrayList<>();
            boolean repertoires = false;
            try {
                for (String a : arguments) {
                    if (a.isBlank()) {
                        erreurs.println("Erreur : " + CheminsDeLaConsole.VIDE);
                        return null;
                    }
                    if (!a.equals("-") && repertoire(a)) {
                        repertoires = true;
                        try (Stream<Path> contenu = Files.list(Path.of(a))) {
                            contenu.filter(f -> json(f) && Files.isRegularFile(f)).sorted()
                                    .forEach(f -> noms.add(f.toString()));
                        }
                    } else {
                        noms.add(a);
                    }
                }
            } catch (IOException e) {
                erreurs.println("Erreur : lecture impossible d'un répertoire : " + e.getMessage());
                return null;
            }
            if (noms.isEmpty() && repertoires) {
                erreurs.println("Erreur : aucun fichier .json dans " + String.join(", ", arguments) + dansLesSousRepertoires(arguments));
                return null;
            }
            return new Fichiers(List.copyOf(noms), repertoires);
        }

        /** « dossier.json », « DOSSIER.JSON » (as some Windows tools name files). */
        private static boolean json(Path f) {
            return f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        }

        /**
         * A directory is read at its first level only (a folder of results, or of older versions, beside the dossiers
         * must not be evaluated with them); when its subfolders hold the dossiers, say how to name them.
         */
        private static String dansLesSousRepertoires(List<String> arguments) {
            for (String a : arguments) {
                if (a.equals("-") || !repertoire(a)) {
                    continue;
                }
                Path racine = Path.of(a);
                try (Stream<Path> contenu = Files.walk(racine, 2)) {
                    List<Path> trouves = contenu.filter(f -> f.getNameCount() == racine.getNameCount() + 2 && json(f)
                            && Files.isRegularFile(f)).sorted().toList();
                    if (!trouves.isEmpty()) {
                        // The name most of them share (dossier.json in each operation's folder), first in order on a tie.
                        Map<String, Long> parNom = new TreeMap<>(trouves.stream().collect(
                                Collectors.groupingBy(f -> f.getFileName().toString(), Collectors.counting())));
                        String nom = parNom.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
                        String motif = racine.resolve("*").resolve(nom).toString();
                        return " : un répertoire n'est lu qu'à son premier niveau, et ses sous-répertoires en ont " + trouves.size()
                                + " ; les nommer, par exemple " + motif;
                    }
                } catch (IOException | UncheckedIOException e) {
                    return "";
                }
            }
            return "";
        }
    }

    private static boolean repertoire(String chemin) {
        try {
            return Files.isDirectory(Path.of(chemin));
        } catch (InvalidPathException e) {
            return false; // read as a file, which says the name is not one
        }
    }

    static Map<String, Object> ligne(String fichier, Issue issue) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("fichier", fichier);
        if (issue.resultat() != null) {
            l.put("resultat", issue.resultat());
        } else {
            Map<String, Object> erreur = new LinkedHashMap<>();
            erreur.put("titre", issue.titre());
            erreur.put("detail", issue.detail());
            erreur.put("violations", issue.violations());
            l.put("erreur", erreur);
        }
        return l;
    }

    /** @throws PackInvalideException packs refusés: rien ne peut être évalué */
    static Issue evaluer(Entrees.Lue lue, Evaluation evaluation) {
        if (lue.contenu() == null) {
            return Issue.erreur(ENTREE_INVALIDE, null, lue.erreur(), List.of());
        }
        try {
            // The packs first: packs refused (exit 3) outweigh an invalid dossier.
            Evaluateur evaluateur = evaluation.evaluateur();
            Dossier dossier = new LecteurDossier().lire(lue.contenu());
            Resultat r = evaluateur.evaluer(evaluation.date() == null ? dossier : dossier.avecDateReference(evaluation.date()));
            return new Issue(r.deposable() ? DEPOSABLE : NON_DEPOSABLE, r, null, null, List.of());
        } catch (DossierInvalideException e) {
            return Issue.erreur(ENTREE_INVALIDE, e.titre(), e.getMessage(), e.violations());
        } catch (RegleEmballeeException e) {
            return Issue.erreur(REGLES_EN_DEFAUT, null, e.getMessage(), List.of());
        }
    }

    /**
     * How the dossiers are evaluated: with which packs (null: the jar's), at which date of reference (null: each
     * dossier's own). Packs loaded at the first file that can be read, so that a mistyped file name costs no loading.
     */
    static final class Evaluation {

        private final Path racinePacks;
        private final LocalDate date;
        private RegistrePacks packs;
        private Evaluateur evaluateur;

        Evaluation(Path racinePacks, LocalDate date) {
            this.racinePacks = racinePacks;
            this.date = date;
        }

        LocalDate date() {
            return date;
        }

        RegistrePacks packs() {
            if (packs == null) {
                Geographie geographie = Geographie.chargerEmbarquee();
                // The jar's packs were checked by the build; packs being edited (--packs) get every check.
                packs = racinePacks == null ? ChargeurPacks.chargerDuJar(geographie) : ChargeurPacks.charger(racinePacks, geographie);
            }
            return packs;
        }

        Evaluateur evaluateur() {
            if (evaluateur == null) {
                evaluateur = new Evaluateur(packs(), Clock.systemUTC());
            }
            return evaluateur;
        }
    }

    /** L'usage de la commande, sur {@code ou}: la sortie pour {@code evaluer --aide}, les erreurs pour un appel faux. */
    static void aide(PrintStream ou) {
        ou.println("Usage : java -jar harmonie.jar evaluer [--packs <dossier>] [--date AAAA-MM-JJ] [--rapport <fichier.pdf | répertoire>]"
                + " <dossier.json | dossiers.jsonl | répertoire | -> [<dossier.json>…]");
        ou.println("Évalue un dossier au format 1 et affiche le résultat JSON. Sortie 0 : déposable ;"
                + " 1 : non déposable ; 2 : entrée invalide ; 3 : règles en défaut ; 4 : sortie non écrite.");
        ou.println("Plusieurs fichiers (ou un répertoire, pour les fichiers .json de son premier niveau) : une ligne JSON par fichier"
                + " ({\"fichier\", \"resultat\"} ou {\"fichier\", \"erreur\"}), dans l'ordre donné ; la sortie est la pire"
                + " des leurs (l'entrée standard, -, s'emploie seule).");
        ou.println("Un fichier .jsonl tient un dossier par ligne (fichier.jsonl:3 pour la troisième), comme la liste du service"
                + " en donne (GET /api/v1/dossiers?format=jsonl) ; un dossier tel que le service le donne est évalué comme lui,"
                + " un dossier déposé à sa date de dépôt (dateReferenceDepot).");
        ou.println("--packs : évaluer avec les packs d'un dossier qui contient rules/ et territories/ (un dépôt"
                + " en cours d'édition) plutôt qu'avec ceux du jar.");
        ou.println("--date : évaluer chaque dossier à cette date de référence (comme s'il était déposé ce jour-là)"
                + " plutôt qu'à la sienne.");
        ou.println("--rapport : écrire aussi le rapport de l'évaluation en PDF (pièces requises, anomalies, maturité, règles"
                + " et reçu, comme le service l'imprime) : dans ce fichier pour un dossier ; pour plusieurs, dans ce répertoire"
                + " existant, un par dossier à son nom (dossier.json → dossier.pdf), chaque ligne JSON le nommant (\"rapport\").");
    }
}
