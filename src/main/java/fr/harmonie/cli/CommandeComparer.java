package fr.harmonie.cli;

import fr.harmonie.cli.CommandeEvaluer.Evaluation;
import fr.harmonie.cli.CommandeEvaluer.Issue;
import fr.harmonie.json.Json;
import fr.harmonie.regles.Manifeste;
import fr.harmonie.regles.Pack;
import fr.harmonie.regles.PackInvalideException;
import fr.harmonie.territoires.RegistrePacks;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * {@code java -jar harmonie.jar comparer --packs <dépôt> [--avant <dépôt>] [--date AAAA-MM-JJ] <dossier.json |
 * dossiers.jsonl | répertoire>…}: ce que changent, pour des dossiers réels, les packs d'un dépôt en cours d'édition,
 * avant de les publier. Une DREAL qui resserre un paramètre ou ajoute une pièce voit quels dossiers de son territoire
 * en sont touchés et comment: chaque dossier est évalué avec les packs du jar (ceux en service), ou ceux d'un autre dépôt
 * ({@code --avant}), puis avec ceux du dépôt édité, et une ligne JSON par dossier dit ce qui change
 * ({@link DifferenceDeResultats}); la sortie d'erreur en fait le bilan en français. {@code --date} les évalue tous à
 * une date de référence, celle d'une version à venir. Sortie 0 si aucun résultat ne change, 1 si au moins un change, 2
 * pour une entrée invalide, 3 si des packs sont refusés.
 *
 * <p>A new version usually starts later than the dossiers at hand: compared at their own dates, they would all read
 * "aucun changé" while the version was never applied. Each new or modified version that no dossier met is therefore
 * named, with its dates and, when no dossier's date falls in them, the {@code --date} to give.
 */
final class CommandeComparer {

    static final int INCHANGES = 0;
    static final int CHANGES = 1;

    private CommandeComparer() {
    }

    static int executer(String[] args, InputStream entree, PrintStream sortie, PrintStream erreurs) {
        OptionsCommande options = OptionsCommande.lire(args,
                Set.of(OptionsCommande.PACKS, OptionsCommande.AVANT, OptionsCommande.DATE), erreurs);
        // Each dossier is read twice: standard input, which reads once, is not one of them.
        if (options == null || options.packs() == null || options.suite().isEmpty()
                || options.suite().stream().anyMatch(a -> a.startsWith("-"))) {
            return usage(erreurs);
        }
        CommandeEvaluer.Fichiers trouves = CommandeEvaluer.Fichiers.de(options.suite(), erreurs);
        if (trouves == null) {
            return CommandeEvaluer.ENTREE_INVALIDE;
        }
        List<String> fichiers = trouves.noms();
        Evaluation reference = new Evaluation(options.avant(), options.date());
        Evaluation editee = new Evaluation(options.packs(), options.date());
        Set<String> appliquees = new HashSet<>();
        SortedSet<LocalDate> dates = new TreeSet<>();
        Decompte compte = new Decompte();
        EffetsDesPacks effets = new EffetsDesPacks();
        try {
            Entrees.parcourir(fichiers, entree, lue -> {
                // Read once, evaluated twice: a line of a JSON Lines file cannot be read again by its name.
                Issue apres = CommandeEvaluer.evaluer(lue, editee);
                Issue avant = CommandeEvaluer.evaluer(lue, reference);
                Issue echec = avant.resultat() == null ? avant : apres.resultat() == null ? apres : null;
                if (echec != null) {
                    sortie.println(Json.MAPPER.writeValueAsString(CommandeEvaluer.ligne(lue.nom(), echec)));
                    CommandeEvaluer.signaler(lue.nom() + " : ", echec, erreurs);
                    compte.pire = Math.max(compte.pire, echec.code());
                    if (lue.ligne()) {
                        compte.lignesEnErreur++;
                    } else {
                        compte.enErreur++;
                    }
                    return;
                }
                compte.compares++;
                apres.resultat().territoire().packs().forEach(p -> appliquees.add(p.id() + "@" + p.version()));
                dates.add(apres.resultat().dateReference());
                DifferenceDeResultats difference = DifferenceDeResultats.entre(avant.resultat(), apres.resultat());
                Map<String, Object> ligne = new LinkedHashMap<>();
                ligne.put("fichier", lue.nom());
                // Which dossier, when its name is a line of an export (« dossiers.jsonl:3 ») or a file named by its id.
                ligne.put("reference", apres.resultat().reference());
                ligne.put("change", !difference.inchangee());
                ligne.put("difference", difference);
                sortie.println(Json.MAPPER.writeValueAsString(ligne));
                if (!difference.inchangee()) {
                    effets.ajouter(difference);
                    compte.changes++;
                    compte.pire = Math.max(compte.pire, CHANGES);
                    erreurs.println(lue.nom() + " (" + apres.resultat().reference() + ") : " + difference.resume());
                }
            });
        } catch (PackInvalideException e) {
            return OptionsCommande.refuses(e, erreurs);
        }
        erreurs.println(bilan(compte, options));
        List<String> parEffet = effets.lignes();
        if (!parEffet.isEmpty()) {
            erreurs.println("Ce qui change, par effet :");
            parEffet.forEach(e -> erreurs.println("  " + e));
        }
        if (!dates.isEmpty()) {
            for (Pack p : nouvelles(editee.packs(), reference.packs())) {
                if (!appliquees.contains(p.reference())) {
                    erreurs.println(sansEffet(p, dates, options.packs()));
                }
            }
        }
        return compte.pire;
    }

    /** What the dossiers gave so far: the worst exit code, and how many were compared, changed, in error. */
    private static final class Decompte {
        int pire = INCHANGES;
        int compares;
        int changes;
        int enErreur;
        int lignesEnErreur;
    }

    /**
     * « 3 dossiers comparés, 1 changé par les packs de … » ; a file that could not be read or evaluated is not counted
     * as compared, and when none could be, nothing is said of packs that may not even have been read.
     */
    private static String bilan(Decompte compte, OptionsCommande options) {
        int compares = compte.compares;
        int changes = compte.changes;
        String erreurs = Entrees.enErreur(compte.enErreur, compte.lignesEnErreur);
        if (compares == 0) {
            return "aucun dossier comparé : " + erreurs;
        }
        return compares + (compares > 1 ? " dossiers comparés, " : " dossier comparé, ")
                + (changes == 0 ? "aucun changé" : changes + (changes > 1 ? " changés" : " changé")) + " par les packs de "
                + options.packs() + (options.avant() == null ? "" : " (au lieu de ceux de " + options.avant() + ")")
                + (erreurs.isEmpty() ? "" : " ; " + erreurs);
    }

    /** The versions of {@code editees} that {@code reference} does not serve identically: new, or changed in place. */
    private static List<Pack> nouvelles(RegistrePacks editees, RegistrePacks reference) {
        Set<String> servies = new HashSet<>();
        reference.packs().forEach(v -> v.forEach(p -> servies.add(p.reference() + " " + p.empreinte())));
        return editees.packs().stream().flatMap(List::stream).filter(p -> !servies.contains(p.reference() + " " + p.empreinte()))
                .toList();
    }

    private static String sansEffet(Pack p, SortedSet<LocalDate> dates, Path depot) {
        Manifeste m = p.manifeste();
        String periode = "en vigueur " + m.periode();
        String pourquoi = dates.stream().noneMatch(m::enVigueurLe)
                ? "aucune de leurs dates de référence (" + (dates.size() == 1 ? "le " + dates.first()
                        : "du " + dates.first() + " au " + dates.last()) + ") n'est dans cette période ; --date "
                        + m.validFrom() + " les évalue à cette date"
                : "aucun n'est dans son territoire à une date où elle est en vigueur";
        return "Attention : " + p.reference() + " (" + periode + "), nouvelle ou modifiée dans " + depot
                + ", ne s'applique à aucun de ces dossiers : " + pourquoi + ".";
    }

    private static int usage(PrintStream erreurs) {
        aide(erreurs);
        return CommandeEvaluer.ENTREE_INVALIDE;
    }

    /** L'usage de la commande, sur {@code ou}: la sortie pour {@code comparer --aide}, les erreurs pour un appel faux. */
    static void aide(PrintStream ou) {
        ou.println("Usage : java -jar harmonie.jar comparer --packs <dossier> [--avant <dossier>] [--date AAAA-MM-JJ]"
                + " <dossier.json | dossiers.jsonl | répertoire> [<dossier.json>…]");
        ou.println("Évalue chaque dossier avec les packs du jar puis avec ceux du dossier donné (qui contient rules/ et"
                + " territories/) et dit ce qui change : pièces, anomalies, déposable, maturité ; une ligne JSON par dossier.");
        ou.println("--avant : comparer aux packs d'un autre dossier plutôt qu'à ceux du jar (ceux d'un service lancé avec"
                + " --harmonie.packs.racine) ; --date : évaluer chaque dossier à cette date de référence (celle d'une"
                + " version à venir) plutôt qu'à la sienne.");
        ou.println("Les dossiers d'un territoire, tels que le service les donne : GET /api/v1/dossiers?format=jsonl, un par ligne"
                + " (un dossier déposé est évalué à sa date de dépôt, comme le service le juge).");
        ou.println("Sortie 0 : rien ne change ; 1 : au moins un dossier change ; 2 : entrée invalide ; 3 : packs refusés ; 4 : sortie non écrite.");
    }
}
