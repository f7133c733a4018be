package fr.harmonie.dossiers;

import fr.harmonie.stockage.ActionJournal;
import fr.harmonie.web.ProblemeHttpException;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/**
 * The journal's filters, read before the query: a filter no line can ever match (an action that does not exist, an
 * object written as a bare id or as a dossier's reference) is refused with the form to write, since an empty page
 * would read as « nothing happened » to the person auditing.
 */
final class FiltresDuJournal {

    private static final String FORMES = "dossier:<id>, compte:<identifiant>, organisation:<id>, jeton:<id>, <pack>@<version>"
            + " ou base";

    private FiltresDuJournal() {
    }

    /** The action as the journal writes it (any case), or null when not filtered. */
    static String action(String texte) {
        if (texte == null) {
            return null;
        }
        return ActionJournal.lire(texte).map(Enum::name).orElseThrow(() -> refus("Action inconnue",
                "« " + texte.strip() + " » n'est pas une action du journal. Ses actions, par objet : " + ActionJournal.parObjet() + "."));
    }

    /** The object as the journal writes it, or null when not filtered. */
    static String objet(String texte) {
        if (texte == null) {
            return null;
        }
        String objet = texte.strip();
        if (Identifiants.uuid(objet).isPresent()) {
            throw refus("Objet mal écrit", "L'objet d'un dossier s'écrit « dossier:" + objet + " ».");
        }
        int deuxPoints = objet.indexOf(':');
        if (deuxPoints < 0) {
            if (objet.equals("base") || objet.indexOf('@') > 0) {
                return objet;
            }
            throw refus("Objet mal écrit", "« " + objet + " » n'est pas de la forme d'un objet du journal : " + FORMES + ".");
        }
        String genre = objet.substring(0, deuxPoints).strip().toLowerCase(Locale.ROOT);
        String valeur = objet.substring(deuxPoints + 1).strip();
        if (!ActionJournal.objets().contains(genre) || genre.equals("pack") || genre.equals("base")) {
            throw refus("Objet mal écrit", "« " + objet + " » n'est pas de la forme d'un objet du journal : " + FORMES + ".");
        }
        if (genre.equals("dossier")) {
            // As the journal writes it: the UUID's own form, in lower case.
            return "dossier:" + Identifiants.uuid(valeur).orElseThrow(() -> refus("Objet mal écrit", Identifiants.pasUnDossier(valeur)));
        }
        // An account's identifier as accounts are named: in lower case.
        return genre + ":" + (genre.equals("compte") ? valeur.toLowerCase(Locale.ROOT) : valeur);
    }

    /**
     * A DREAL reads the lines of its région's dossiers only: a filter on another kind of object would give an empty
     * page however much the journal holds.
     */
    static void dUnDossier(String objet, String action) {
        boolean autreObjet = objet != null && !objet.startsWith("dossier:");
        boolean autreAction = action != null && !ActionJournal.valueOf(action).objet().equals("dossier");
        if (autreObjet || autreAction) {
            throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Filtre hors de votre journal", "Une DREAL lit les lignes des"
                    + " dossiers de sa région : « " + (autreObjet ? objet : action) + " » n'en concerne aucun. Les actions des"
                    + " dossiers : " + ActionJournal.de("dossier") + ".");
        }
    }

    /** Who acted, as accounts are named (in lower case), or null when not filtered. */
    static String qui(String texte) {
        return texte == null ? null : texte.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The days {@code du} to {@code au}, both included, in Paris: as the list's {@code deposeDu} and {@code deposeAu}
     * read them. Reversed, no line could match: refused rather than an empty page.
     */
    static LocalDate[] jours(String du, String au) {
        LocalDate premier = FiltresDeLaListe.jour("du", du);
        LocalDate dernier = FiltresDeLaListe.jour("au", au);
        if (premier != null && dernier != null && premier.isAfter(dernier)) {
            throw refus("Période à l'envers", "« du » (" + premier + ") est après « au » (" + dernier + ") : aucune ligne ne"
                    + " peut être des deux.");
        }
        return new LocalDate[] {premier, dernier};
    }

    private static ProblemeHttpException refus(String titre, String detail) {
        return new ProblemeHttpException(HttpStatus.BAD_REQUEST, titre, detail);
    }
}
