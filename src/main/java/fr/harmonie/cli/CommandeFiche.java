package fr.harmonie.cli;

import fr.harmonie.cli.CheminsDeLaConsole.CheminIllisibleException;
import fr.harmonie.evaluation.Evaluateur;
import fr.harmonie.json.Json;
import fr.harmonie.rapport.FicheDesRegles;
import fr.harmonie.regles.PackInvalideException;
import fr.harmonie.territoires.ChargeurPacks;
import fr.harmonie.territoires.Geographie;
import fr.harmonie.territoires.IdentifiantsDePacks;
import fr.harmonie.territoires.RegistrePacks;
import fr.harmonie.territoires.ReglesEnVigueur;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

/**
 * {@code java -jar harmonie.jar fiche [--packs <dossier>] [--date AAAA-MM-JJ] <id de pack> <fichier.pdf>}: the sheet of
 * the rules in force that the service prints ({@code GET /api/v1/territoires/{id}/fiche}), from the packs of a
 * repository before they are published: what a DREAL reads over with its services, or attaches to the note that
 * announces a new version. Exit 0 once written, 2 for a wrong call, an unknown pack or a date before the national
 * rules, 3 when the packs are refused, 4 when the file could not be written.
 */
final class CommandeFiche {

    private CommandeFiche() {
    }

    static int executer(String[] args, PrintStream sortie, PrintStream erreurs) {
        OptionsCommande options = OptionsCommande.lire(args, Set.of(OptionsCommande.PACKS, OptionsCommande.DATE), erreurs);
        if (options == null || options.suite().size() != 2 || options.suite().stream().anyMatch(a -> a.startsWith("-"))) {
            return usage(erreurs);
        }
        String id = options.suite().get(0);
        Path fichier;
        try {
            fichier = CheminsDeLaConsole.chemin(options.suite().get(1));
        } catch (CheminIllisibleException e) {
            erreurs.println("Erreur : " + e.getMessage());
            return CommandeEvaluer.ENTREE_INVALIDE;
        }
        RegistrePacks registre;
        try {
            Geographie geographie = Geographie.chargerEmbarquee();
            registre = options.packs() == null ? ChargeurPacks.chargerDuJar(geographie) : ChargeurPacks.charger(options.packs(), geographie);
        } catch (PackInvalideException e) {
            return OptionsCommande.refuses(e, erreurs);
        }
        LocalDate date = options.date() != null ? options.date() : Evaluateur.aujourdhui(Clock.systemUTC());
        String sansRegles = Evaluateur.sansReglesAu(date, registre.national());
        if (sansRegles != null) {
            erreurs.println("Erreur : " + sansRegles);
            return CommandeEvaluer.ENTREE_INVALIDE;
        }
        RegistrePacks.ChaineEnVigueur enVigueur = registre.enVigueurPour(id, date);
        if (enVigueur == null) {
            erreurs.println("Erreur : aucun pack ne porte l'identifiant « " + id + " »" + IdentifiantsDePacks.suggestion(id, registre.identifiants())
                    + " ; packs connus : " + registre.packs().stream().map(v -> v.get(0).id()).toList());
            return CommandeEvaluer.ENTREE_INVALIDE;
        }
        byte[] pdf = FicheDesRegles.pdf(Json.MAPPER.valueToTree(ReglesEnVigueur.de(id, date, enVigueur)));
        try {
            Files.write(fichier, pdf);
        } catch (IOException e) {
            erreurs.println("Erreur : la fiche n'a pas pu être écrite dans " + fichier + " (" + e.getMessage() + ").");
            return Commandes.SORTIE_NON_ECRITE;
        }
        sortie.println("Fiche des règles en vigueur le " + date + " pour " + id + " : " + fichier + " ("
                + enVigueur.chaine().packs().stream().map(p -> p.id() + "@" + p.manifeste().version()).toList() + ")");
        return 0;
    }

    private static int usage(PrintStream erreurs) {
        aide(erreurs);
        return CommandeEvaluer.ENTREE_INVALIDE;
    }

    /** L'usage de la commande, sur {@code ou}: la sortie pour {@code fiche --aide}, les erreurs pour un appel faux. */
    static void aide(PrintStream ou) {
        ou.println("Usage : java -jar harmonie.jar fiche [--packs <dossier>] [--date AAAA-MM-JJ] <id de pack> <fichier.pdf>");
        ou.println("Écrit en PDF la fiche des règles en vigueur d'un territoire à la date (aujourd'hui par défaut), celle que"
                + " le service imprime (GET /api/v1/territoires/<id>/fiche) : les packs du socle au territoire, ce que chaque"
                + " pack territorial ajoute, les paramètres et chaque règle avec sa source. Sortie 0 : écrite ; 2 : demande"
                + " invalide ou pack inconnu ; 3 : packs refusés ; 4 : fichier non écrit.");
        ou.println("--packs : les packs d'un dossier qui contient rules/ et territories/ (un dépôt en cours d'édition, une"
                + " version pas encore publiée) plutôt que ceux du jar.");
    }
}
