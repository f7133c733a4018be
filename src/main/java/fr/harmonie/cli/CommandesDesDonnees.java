package fr.harmonie.cli;

import fr.harmonie.cli.CheminsDeLaConsole.CheminIllisibleException;
import fr.harmonie.stockage.MigrationVersUneBase;
import fr.harmonie.stockage.OperationRefuseeException;
import fr.harmonie.stockage.RestaurationDonnees;
import fr.harmonie.stockage.SauvegardeDonnees;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code sauvegarder <fichier.zip>} and {@code restaurer <fichier.zip>}, both with {@code [--donnees <répertoire>]}:
 * the embedded PostgreSQL's data (every dossier, sealed evaluation, journal line, account and pack version) into one
 * file, service running or not, and back into a data directory without a base; and {@code migrer}, the same data
 * into the base named by SPRING_DATASOURCE_URL, service stopped. Whoever runs Harmonie with its embedded default has no
 * pg_dump: the jar brings only the server. Exit 0 when done, 2 when refused (nothing written), 4 when the backup, the
 * restore or the copy could not be written (nothing left half-written).
 */
final class CommandesDesDonnees {

    private CommandesDesDonnees() {
    }

    static int sauvegarder(String[] args, Map<String, String> environnement, PrintStream sortie, PrintStream erreurs) {
        return executer(args, environnement, sortie, erreurs, appel -> {
            SauvegardeDonnees.Bilan bilan = SauvegardeDonnees.sauvegarder(appel.donnees(), appel.fichier(), appel.garder());
            return "Sauvegarde écrite dans " + bilan.fichier() + " (" + taille(bilan.octets()) + "), "
                    + (bilan.mode() == SauvegardeDonnees.Mode.A_CHAUD
                            ? "service en marche : elle tient la base telle qu'à la fin de la sauvegarde."
                            : "service arrêté.")
                    + (bilan.effacees().isEmpty() ? "" : "\nPlus anciennes que les " + appel.garder() + " dernières, effacées : "
                            + String.join(", ", bilan.effacees().stream().map(p -> p.getFileName().toString()).toList()) + ".")
                    + "\nPour la remettre en place : java -jar harmonie.jar restaurer --donnees <répertoire vide> "
                    + bilan.fichier();
        }, "la sauvegarde n'a pas pu être écrite", appel -> "aucun fichier " + appel.fichier() + " n'a été laissé");
    }

    static int restaurer(String[] args, Map<String, String> environnement, PrintStream sortie, PrintStream erreurs) {
        return executer(args, environnement, sortie, erreurs, appel -> {
            RestaurationDonnees.Bilan bilan = RestaurationDonnees.restaurer(appel.fichier(), appel.donnees());
            return "Base restaurée dans " + bilan.donnees().resolve("postgres") + " (" + bilan.fichiers()
                    + " fichiers). Démarrez le service sur ce répertoire (HARMONIE_DATA_DIR=" + bilan.donnees()
                    + ") : PostgreSQL rejoue d'abord le journal de la sauvegarde.";
        }, "la restauration n'a pas pu être écrite", appel -> "rien n'a été mis en place");
    }

    static int migrer(String[] args, Map<String, String> environnement, PrintStream sortie, PrintStream erreurs) {
        OptionsCommande options = OptionsCommande.lire(args, Set.of(OptionsCommande.DONNEES), erreurs);
        String url = environnement.get("SPRING_DATASOURCE_URL");
        if (options == null || !options.suite().isEmpty() || url == null || url.isBlank()) {
            aideMigrer(erreurs);
            return CommandeEvaluer.ENTREE_INVALIDE;
        }
        Path donnees;
        try {
            donnees = repertoire(options, environnement);
        } catch (CheminIllisibleException e) {
            erreurs.println("Erreur : " + e.getMessage());
            return CommandeEvaluer.ENTREE_INVALIDE;
        }
        MigrationVersUneBase.BaseCible cible = new MigrationVersUneBase.BaseCible(url,
                environnement.get("SPRING_DATASOURCE_USERNAME"), environnement.get("SPRING_DATASOURCE_PASSWORD"));
        try {
            sortie.println(compteRendu(donnees.toAbsolutePath().normalize(), MigrationVersUneBase.migrer(donnees, cible)));
            return 0;
        } catch (OperationRefuseeException e) {
            erreurs.println("Erreur : " + e.getMessage());
            return CommandeEvaluer.ENTREE_INVALIDE;
        } catch (IOException e) {
            erreurs.println("Erreur : " + e.getMessage() + ".");
            return Commandes.SORTIE_NON_ECRITE;
        }
    }

    private static String compteRendu(Path donnees, MigrationVersUneBase.Bilan bilan) {
        StringBuilder texte = new StringBuilder("Base embarquée de " + donnees + " copiée, vérifiée table par table :");
        bilan.lignes().forEach((table, n) -> texte.append("\n  ").append(table).append(" : ").append(n)
                .append(n > 1 ? " lignes" : " ligne"));
        List<String> desactives = bilan.comptesDesactives();
        if (!desactives.isEmpty()) {
            texte.append("\nComptes désactivés, qui gardaient le mot de passe « demo » (le service écoutera sur le"
                    + " réseau) : ").append(String.join(", ", desactives)).append(". Un administrateur leur donne un mot"
                    + " de passe (PUT /api/v1/admin/comptes/{identifiant}/mot-de-passe) puis les réactive (PUT …/actif).");
        }
        if (!bilan.administrateurActif()) {
            texte.append("\nAucun administrateur actif : démarrez le service la première fois avec"
                    + " HARMONIE_ADMINISTRATEUR_IDENTIFIANT (un identifiant nouveau) et HARMONIE_ADMINISTRATEUR_MOT_DE_PASSE.");
        }
        texte.append("\nDémarrez maintenant le service avec ces mêmes SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME"
                + " et SPRING_DATASOURCE_PASSWORD. ").append(donnees).append(" n'est plus lu : gardez-le (ou une sauvegarde)"
                + " le temps de vérifier.");
        return texte.append(bilan.repertoireMarque()
                ? " Le service refusera d'y démarrer sans base à vous, ses écritures n'iraient pas dans la nouvelle."
                : " Attention : il n'a pas pu être marqué comme migré ; n'y redémarrez pas le service sans base à vous,"
                        + " ses écritures n'iraient pas dans la nouvelle.").toString();
    }

    /**
     * {@code operation} on the call read from {@code args}; what it returns goes to {@code sortie}. {@code echec} and
     * {@code laisse} say, when it could not write, what failed and what is left.
     */
    private static int executer(String[] args, Map<String, String> environnement, PrintStream sortie, PrintStream erreurs,
                                Operation operation, String echec, Function<Appel, String> laisse) {
        Appel appel = lire(args, environnement, erreurs);
        if (appel == null) {
            return CommandeEvaluer.ENTREE_INVALIDE;
        }
        try {
            sortie.println(operation.faire(appel));
            return 0;
        } catch (OperationRefuseeException e) {
            erreurs.println("Erreur : " + e.getMessage());
            return CommandeEvaluer.ENTREE_INVALIDE;
        } catch (IOException e) {
            erreurs.println("Erreur : " + echec + " (" + e.getMessage() + ") ; " + laisse.apply(appel) + ".");
            return Commandes.SORTIE_NON_ECRITE;
        }
    }

    private interface Operation {
        String faire(Appel appel) throws IOException;
    }

    /** The data directory and the file, or null after saying why on {@code erreurs}. */
    private static Appel lire(String[] args, Map<String, String> environnement, PrintStream erreurs) {
        String commande = args[0];
        boolean sauvegarde = "sauvegarder".equals(commande);
        OptionsCommande options = OptionsCommande.lire(args, sauvegarde
                ? Set.of(OptionsCommande.DONNEES, OptionsCommande.GARDER) : Set.of(OptionsCommande.DONNEES), erreurs);
        if (options == null || options.suite().size() != 1 || options.suite().get(0).startsWith("-")) {
            aide(commande, erreurs);
            return null;
        }
        String base = environnement.get("SPRING_DATASOURCE_URL");
        if (base != null && !base.isBlank()) {
            erreurs.println("Erreur : le service utilise une base à vous (SPRING_DATASOURCE_URL) ; sauvegardez-la et"
                    + " restaurez-la avec les outils de PostgreSQL (pg_dump, pg_restore). Cette commande est pour le"
                    + " PostgreSQL embarqué.");
            return null;
        }
        try {
            return new Appel(repertoire(options, environnement), CheminsDeLaConsole.chemin(options.suite().get(0)),
                    options.garder());
        } catch (CheminIllisibleException e) {
            erreurs.println("Erreur : " + e.getMessage());
            return null;
        }
    }

    /** The service's data directory: --donnees, else HARMONIE_DATA_DIR, else ./data, as the service finds it. */
    private static Path repertoire(OptionsCommande options, Map<String, String> environnement) throws CheminIllisibleException {
        String variable = environnement.get("HARMONIE_DATA_DIR");
        return options.donnees() != null ? options.donnees()
                : variable != null && !variable.isBlank() ? CheminsDeLaConsole.chemin(variable) : Path.of("data");
    }

    private static String taille(long octets) {
        return String.format(Locale.FRANCE, "%.1f Mo", octets / 1_000_000.0);
    }

    private record Appel(Path donnees, Path fichier, int garder) {
    }

    /** L'usage de {@code sauvegarder} ou {@code restaurer}, sur {@code ou}. */
    static void aide(String commande, PrintStream ou) {
        ou.println("Usage : java -jar harmonie.jar " + commande + " [--donnees <répertoire>] "
                + ("sauvegarder".equals(commande) ? "<fichier.zip> | [--garder <N>] <répertoire des sauvegardes>" : "<fichier.zip>"));
        ou.println("        le répertoire de données est celui du service : --donnees, sinon HARMONIE_DATA_DIR,"
                + " sinon ./data");
    }

    /** L'usage de {@code migrer}, sur {@code ou}. */
    static void aideMigrer(PrintStream ou) {
        ou.println("Usage : SPRING_DATASOURCE_URL=jdbc:postgresql://hote:5432/harmonie SPRING_DATASOURCE_USERNAME=…"
                + " SPRING_DATASOURCE_PASSWORD=… \\");
        ou.println("          java -jar harmonie.jar migrer [--donnees <répertoire>]");
        ou.println("        copie la base embarquée du service (arrêté) dans la base vide que désignent ces"
                + " variables, celles avec lesquelles le service démarrera ensuite ; le répertoire de données est"
                + " --donnees, sinon HARMONIE_DATA_DIR, sinon ./data");
    }
}
