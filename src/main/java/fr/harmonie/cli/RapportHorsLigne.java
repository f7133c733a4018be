package fr.harmonie.cli;

import fr.harmonie.evaluation.Resultat;
import fr.harmonie.rapport.RapportEvaluation;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code evaluer --rapport <fichier.pdf | répertoire>}: the offline evaluation on paper, printed as the service prints
 * it, so that a bailleur's own tools hand the same document to whoever assembles the dossier. For one dossier, the file
 * named; for several (a folder of dossiers at the end of the year), or when a directory is named, one report each in it,
 * after its dossier's name: the JVM starts and the chains compile once for all of them. Nothing is kept: each report says so.
 */
final class RapportHorsLigne {

    private static final Pattern LIGNE = Pattern.compile("(.*)\\.(jsonl|ndjson):([0-9]+)", Pattern.CASE_INSENSITIVE);

    private final Path chemin;
    private final boolean repertoire;
    private final Set<String> noms = new HashSet<>();
    private int ecrits;

    private RapportHorsLigne(Path chemin, boolean repertoire) {
        this.chemin = chemin;
        this.repertoire = repertoire;
    }

    /** Null after saying why on {@code erreurs}: several dossiers need an existing directory for their reports. */
    static RapportHorsLigne vers(Path chemin, boolean plusieurs, PrintStream erreurs) {
        if (plusieurs && !Files.isDirectory(chemin)) {
            erreurs.println("Erreur : " + OptionsCommande.RAPPORT + " : avec plusieurs dossiers, nommer un répertoire existant, où chaque"
                    + " rapport prend le nom de son dossier (" + chemin + " n'en est pas un).");
            return null;
        }
        // One dossier and a directory: its report goes in, at its name, as for several.
        return new RapportHorsLigne(chemin, plusieurs || Files.isDirectory(chemin));
    }

    int ecrits() {
        return ecrits;
    }

    Path chemin() {
        return chemin;
    }

    /** The file written for the dossier {@code nom}, or null after saying why on {@code erreurs}. */
    Path ecrire(String nom, byte[] dossier, Resultat resultat, PrintStream erreurs) {
        Path fichier = repertoire ? chemin.resolve(nomUnique(nom)) : chemin;
        byte[] pdf = RapportEvaluation.pdf(RapportEvaluation.Contenu.nonConservee("hors ligne (java -jar harmonie.jar evaluer)",
                OffsetDateTime.now(), resultat.empreinte(), dossier, resultat.enJson()));
        try {
            Files.write(fichier, pdf);
        } catch (IOException e) {
            erreurs.println("Erreur : " + (repertoire ? nom + " : " : "") + "le rapport n'a pas pu être écrit dans " + fichier
                    + " (" + e.getMessage() + ").");
            return null;
        }
        ecrits++;
        return fichier;
    }

    /**
     * « dossier.json » → « dossier.pdf », « dossiers.jsonl:3 » → « dossiers-3.pdf », the folder left out; a character a
     * file system may refuse becomes « _ », and a name met before gets « -2 », « -3 »… (two folders' dossier.json).
     */
    static String nomDuRapport(String nom) {
        String base = nom.substring(Math.max(nom.lastIndexOf('/'), nom.lastIndexOf('\\')) + 1);
        Matcher ligne = LIGNE.matcher(base);
        if (ligne.matches()) {
            base = ligne.group(1) + "-" + ligne.group(3);
        } else if (base.toLowerCase(Locale.ROOT).endsWith(".json")) {
            base = base.substring(0, base.length() - ".json".length());
        }
        base = base.replaceAll("[^\\p{L}\\p{N}._-]", "_");
        // Standard input (-), or a name that would make a hidden file: named as what it is.
        return base.equals("-") ? "dossier" : base.isEmpty() || base.startsWith(".") ? "dossier" + base : base;
    }

    private String nomUnique(String nom) {
        String base = nomDuRapport(nom);
        String choisi = base;
        for (int n = 2; !noms.add(choisi.toLowerCase(Locale.ROOT)); n++) {
            choisi = base + "-" + n;
        }
        return choisi + ".pdf";
    }
}
