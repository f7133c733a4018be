package fr.harmonie.cli;

import fr.harmonie.dossier.LecteurDossier;
import fr.harmonie.regles.Pack;
import fr.harmonie.regles.PackInvalideException;
import fr.harmonie.regles.cas.Cas;
import fr.harmonie.regles.cas.CroissanceDesRegles;
import fr.harmonie.regles.cas.EcartCas;
import fr.harmonie.regles.cas.ExecuteurCas;
import fr.harmonie.regles.cas.LecteurCas;
import fr.harmonie.regles.faits.Fr;
import fr.harmonie.territoires.ChargeurPacks;
import fr.harmonie.territoires.CroissanceDesPacks;
import fr.harmonie.territoires.Geographie;
import fr.harmonie.territoires.IdentifiantsDePacks;
import fr.harmonie.territoires.RegistrePacks;
import fr.harmonie.territoires.VersionsPubliees;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code java -jar harmonie.jar verifier [--packs <dossier>] [<id de pack>…]}: the harness of the build
 * ({@code CasDesReglesTest}) without Maven nor the sources, for whoever edits a pack (a DREAL, a délégataire): the packs
 * pass the checks of a start, then every case of every pack (or of the packs named) is played on the chain that ends
 * with that pack, and a rule without its two cases is named. Then the pack's rules are measured on more logements
 * than their cases have ({@link CroissanceDesRegles}): a join that grows with their square passes its cases and yet
 * would run the service out of memory. A version changed since its publication ({@link VersionsPubliees}) is a problem
 * too, which the service would refuse; a version not yet published gets the line that publishes it. Exit 0 when all
 * pass, 3 when a pack is refused, a published version changed, a case fails or the evaluation grows too fast, 2 for a
 * pack id that no pack bears.
 */
final class CommandeVerifier {

    private CommandeVerifier() {
    }

    static int executer(String[] args, PrintStream sortie, PrintStream erreurs) {
        OptionsCommande options = OptionsCommande.lire(args, Set.of(OptionsCommande.PACKS), erreurs);
        if (options == null || options.suite().stream().anyMatch(a -> a.startsWith("-"))) {
            return usage(erreurs);
        }
        Set<String> demandes = new LinkedHashSet<>(options.suite());
        RegistrePacks registre;
        try {
            Geographie geographie = Geographie.chargerEmbarquee();
            // Unlike evaluer, the jar's packs are compiled for their checks too: this command is the check.
            registre = ChargeurPacks.charger(options.packs(), geographie);
        } catch (PackInvalideException e) {
            return OptionsCommande.refuses(e, erreurs);
        }
        List<String> inconnus = demandes.stream().filter(id -> !registre.connait(id)).toList();
        if (!inconnus.isEmpty()) {
            String voulu = inconnus.size() == 1 ? IdentifiantsDePacks.proche(inconnus.get(0), registre.identifiants()) : null;
            erreurs.println("Erreur : aucun pack ne porte l'identifiant " + String.join(", ", inconnus)
                    + (voulu == null ? "" : " ; le pack voulu est sans doute « " + voulu + " »")
                    + " ; packs connus : " + registre.packs().stream().map(v -> v.get(0).id()).toList());
            return CommandeEvaluer.ENTREE_INVALIDE;
        }
        VersionsPubliees publiees;
        try {
            publiees = VersionsPubliees.de(options.packs());
        } catch (VersionsPubliees.VerrouIllisibleException e) {
            erreurs.println("Erreur : " + e.getMessage());
            return CommandeEvaluer.REGLES_EN_DEFAUT;
        }
        LecteurDossier lecteur = new LecteurDossier();
        int versions = 0;
        int joues = 0;
        int problemes = 0;
        for (List<Pack> chaine : registre.chainesDesPacks()) {
            Pack pack = chaine.get(chaine.size() - 1);
            if (!demandes.isEmpty() && !demandes.contains(pack.id())) {
                continue;
            }
            versions++;
            // Each problem: its first line, then its details, indented.
            List<List<String>> duPack = new ArrayList<>();
            String changee = publiees.ecart(pack);
            if (changee != null) {
                duPack.add(List.of(changee));
            }
            List<Cas> cas = List.of();
            CroissanceDesRegles.Bilan croissance = null;
            try {
                ExecuteurCas executeur = new ExecuteurCas(registre.chaine(chaine), lecteur, registre);
                cas = LecteurCas.lire(pack);
                executeur.reglesSansCas(cas).forEach(r -> duPack.add(List.of(r)));
                for (Cas c : cas) {
                    EcartCas verdict = jouer(executeur, c);
                    if (!verdict.reussi()) {
                        List<String> lignes = new ArrayList<>(List.of("[" + c.regle() + "] " + c.fichier() + " : « " + c.nom() + " »"));
                        verdict.ecarts().forEach(e -> lignes.add("  " + e));
                        duPack.add(lignes);
                    }
                }
                if (CroissanceDesRegles.mesurable()) {
                    croissance = CroissanceDesPacks.mesurer(registre, chaine, executeur, cas, lecteur);
                    croissance.problemes().forEach(p -> duPack.add(List.of(p)));
                }
            } catch (PackInvalideException e) {
                duPack.add(List.of(e.getMessage()));
            }
            joues += cas.size();
            problemes += duPack.size();
            sortie.println(pack.reference() + " : " + (duPack.isEmpty()
                    ? (cas.isEmpty() ? "aucune règle propre, aucun cas" : cas.size() + " cas, tous passent")
                    : cas.size() + " cas, " + Fr.compte(duPack.size(), "problème", "problèmes") + " :"));
            duPack.forEach(lignes -> lignes.forEach(l -> sortie.println("  " + l)));
            if (!publiees.publiee(pack)) {
                sortie.println("  pas encore publiée : pour la publier, ajouter à " + VersionsPubliees.FICHIER + " la ligne « "
                        + VersionsPubliees.ligne(pack) + " »");
            }
            if (croissance != null && croissance.reglesMesurees() > 0 && croissance.problemes().isEmpty()) {
                sortie.println(String.format(Locale.FRANCE, "  croissance : %s de %d à %d logements,"
                        + " mémoire allouée ×%.1f au plus (linéaire)",
                        Fr.compte(croissance.reglesMesurees(), "règle mesurée", "règles mesurées"), CroissanceDesRegles.PETIT,
                        CroissanceDesRegles.GRAND, croissance.rapportMax()));
            }
        }
        sortie.println("Bilan : " + Fr.compte(versions, "version de pack", "versions de pack") + ", " + joues
                + " cas joués, "
                + (problemes == 0 ? "aucun problème." : Fr.compte(problemes, "problème", "problèmes") + "."));
        return problemes == 0 ? 0 : CommandeEvaluer.REGLES_EN_DEFAUT;
    }

    /** A case whose rule fires without end, or whose base dossier is missing, fails; the others are still played. */
    private static EcartCas jouer(ExecuteurCas executeur, Cas c) {
        try {
            return executeur.jouer(c);
        } catch (RuntimeException e) {
            return new EcartCas(c, List.of(String.valueOf(e.getMessage())));
        }
    }

    private static int usage(PrintStream erreurs) {
        aide(erreurs);
        return CommandeEvaluer.ENTREE_INVALIDE;
    }

    /** L'usage de la commande, sur {@code ou}: la sortie pour {@code verifier --aide}, les erreurs pour un appel faux. */
    static void aide(PrintStream ou) {
        ou.println("Usage : java -jar harmonie.jar verifier [--packs <dossier>] [<id de pack>…]");
        ou.println("Vérifie les packs comme au démarrage du service, puis joue les cas de chaque pack (ou des packs"
                + " nommés) sur sa chaîne, et mesure comment l'évaluation croît avec le nombre de logements. Sortie 0 :"
                + " tout passe ; 3 : pack refusé, version publiée modifiée, cas en échec ou croissance trop forte ; 2 : demande"
                + " invalide ; 4 : sortie non écrite.");
        ou.println("--packs : les packs d'un dossier qui contient rules/ et territories/ (un dépôt en cours"
                + " d'édition) plutôt que ceux du jar.");
    }
}
