package fr.harmonie.cli;

import fr.harmonie.cli.CheminsDeLaConsole.CheminIllisibleException;
import fr.harmonie.json.Json;
import fr.harmonie.web.CorpsBorne;
import fr.harmonie.web.CorpsTropGrandException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The dossiers the commands read: a file each, standard input ({@code -}), or a JSON Lines file ({@code .jsonl},
 * {@code .ndjson}: one dossier per line, named « fichier.jsonl:3 »), the form the service's list gives with
 * {@code ?format=jsonl}. Each dossier may be in format 1 or as the service reads it ({@code GET /api/v1/dossiers/{id}}:
 * its content in « dossier »); a dossier deposited is then taken at the date it was judged at, its
 * {@code dateReferenceDepot}, as the service evaluates it.
 */
final class Entrees {

    /** One dossier's bytes (format 1), or why it could not be read; {@code ligne}: a line of a JSON Lines file. */
    record Lue(String nom, byte[] contenu, String erreur, boolean ligne) {

        static Lue erreur(String nom, String erreur) {
            return new Lue(nom, null, erreur, false);
        }
    }

    /**
     * « 1 fichier en erreur », « 2 lignes en erreur », « 1 fichier et 2 lignes en erreur »: for the bilans, a line of a
     * JSON Lines file not being a file. Empty when there is none.
     */
    static String enErreur(int fichiers, int lignes) {
        List<String> parties = new ArrayList<>();
        if (fichiers > 0) {
            parties.add(fichiers + (fichiers > 1 ? " fichiers" : " fichier"));
        }
        if (lignes > 0) {
            parties.add(lignes + (lignes > 1 ? " lignes" : " ligne"));
        }
        return parties.isEmpty() ? "" : String.join(" et ", parties) + " en erreur";
    }

    private Entrees() {
    }

    /** Whether the file holds one dossier per line. */
    static boolean enLignes(String fichier) {
        String nom = fichier.toLowerCase(Locale.ROOT);
        return nom.endsWith(".jsonl") || nom.endsWith(".ndjson");
    }

    /** Each dossier of {@code fichiers}, in order, one line of a JSON Lines file at a time. */
    static void parcourir(List<String> fichiers, InputStream entree, Consumer<Lue> visite) {
        for (String fichier : fichiers) {
            if (enLignes(fichier)) {
                lignes(fichier, visite);
            } else {
                visite.accept(lire(fichier, entree));
            }
        }
    }

    private static Lue lire(String fichier, InputStream entree) {
        try {
            if ("-".equals(fichier)) {
                return new Lue(fichier, dossier(CorpsBorne.lire(entree, -1)), null, false);
            }
            Path chemin = CheminsDeLaConsole.chemin(fichier);
            try (InputStream in = Files.newInputStream(chemin)) {
                return new Lue(fichier, dossier(CorpsBorne.lire(in, Files.size(chemin))), null, false);
            }
        } catch (CorpsTropGrandException e) {
            return Lue.erreur(fichier, ("-".equals(fichier) ? "l'entrée standard" : fichier) + tropGrand());
        } catch (IOException | CheminIllisibleException e) {
            return Lue.erreur(fichier, illisible(fichier, e));
        }
    }

    /**
     * The lines of a JSON Lines file, each bounded like a file (a line without end must not fill the memory); blank
     * lines skipped, numbered as an editor shows them.
     */
    private static void lignes(String fichier, Consumer<Lue> visite) {
        int lues = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(CheminsDeLaConsole.chemin(fichier)))) {
            ByteArrayOutputStream ligne = new ByteArrayOutputStream();
            boolean tropLongue = false;
            int numero = 0;
            int c;
            do {
                c = in.read();
                if (c == -1 || c == '\n') {
                    numero++;
                    String nom = fichier + ":" + numero;
                    if (tropLongue) {
                        visite.accept(new Lue(nom, null, "la ligne " + numero + " de " + fichier + tropGrand(), true));
                        lues++;
                    } else if (!ligne.toString(StandardCharsets.UTF_8).isBlank()) {
                        visite.accept(new Lue(nom, dossier(ligne.toByteArray()), null, true));
                        lues++;
                    }
                    ligne.reset();
                    tropLongue = false;
                } else if (!tropLongue) {
                    ligne.write(c);
                    if (ligne.size() > CorpsBorne.LIMITE) {
                        tropLongue = true;
                        ligne.reset();
                    }
                }
            } while (c != -1);
        } catch (IOException | CheminIllisibleException e) {
            visite.accept(Lue.erreur(fichier, illisible(fichier, e)));
            return;
        }
        if (lues == 0) {
            visite.accept(Lue.erreur(fichier, fichier + " ne contient aucun dossier : une ligne par dossier, au format 1 ou tel que"
                    + " le service le donne (GET /api/v1/dossiers?format=jsonl)."));
        }
    }

    /**
     * A dossier read from the service, its content in « dossier » and no format of its own: that content, at the date
     * the service judges it by once deposited. Anything else is left as it is, for the reader of format 1 to say
     * what is wrong with it.
     */
    static byte[] dossier(byte[] contenu) {
        JsonNode lu;
        try {
            lu = Json.MAPPER.readTree(contenu);
        } catch (JacksonException e) {
            return contenu;
        }
        if (lu == null || !lu.isObject() || lu.has("formatVersion") || !lu.path("dossier").isObject()) {
            return contenu;
        }
        ObjectNode dossier = (ObjectNode) lu.get("dossier");
        if (lu.path("dateReferenceDepot").isString()) {
            dossier.put("dateReference", lu.get("dateReferenceDepot").asString());
        }
        return Json.MAPPER.writeValueAsBytes(dossier);
    }

    private static String tropGrand() {
        return " dépasse " + CorpsBorne.LIMITE / (1024 * 1024) + " Mio, la taille maximale d'un dossier (celle de l'API)";
    }

    private static String illisible(String fichier, Exception e) {
        if (e instanceof CheminIllisibleException) {
            return e.getMessage();
        }
        if (e instanceof NoSuchFileException) {
            return "fichier introuvable : " + fichier + CheminsDeLaConsole.conseil(fichier);
        }
        return "lecture impossible de " + fichier + " : " + e.getMessage();
    }
}
