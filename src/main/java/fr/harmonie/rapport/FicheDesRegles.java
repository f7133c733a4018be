package fr.harmonie.rapport;

import fr.harmonie.regles.faits.Fr;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The rules in force in a territory on a date, on paper: the good-practice sheet a DREAL hands to its services and
 * bailleurs, written from the packs themselves rather than beside them, so that it says what Harmonie applies and
 * changes when a version is published. It prints what {@code GET /api/v1/territoires/{id}/regles} gives: the chain of
 * packs, what each territorial pack adds to the national one, the parameters with their values and sources, then each
 * rule by its French sentence.
 */
public final class FicheDesRegles {

    private static final float COLONNE = 120;

    private FicheDesRegles() {
    }

    /** {@code regles}: the JSON of the rules in force ({@code territoire}, {@code date}, {@code chaine}, …). */
    public static byte[] pdf(JsonNode regles) {
        String id = regles.path("territoire").asString();
        String date = Libelles.jour(regles.path("date").asString());
        JsonNode pack = packDuTerritoire(regles, id);
        String territoire = pack == null ? id : pack.path("libelle").asString(id);
        LocalDate jour = LocalDate.parse(regles.path("date").asString());
        try (PagesPdf pages = new PagesPdf("Règles en vigueur le " + date + " : " + territoire,
                GregorianCalendar.from(jour.atStartOfDay(ZoneId.of("Europe/Paris"))), (id + jour).hashCode())) {
            pages.titre("Règles en vigueur le " + date);
            // A territory with no version in force that day: its rules are its parents', and the sheet says so first.
            pages.paragraphe(pack == null ? id + " : aucune version de ce pack n'est en vigueur à cette date"
                    : territoire + " (" + id + ")", PagesPdf.Style.GRAS, 12, 0);
            pages.espace(4);
            pages.paragraphe("Ce qu'Harmonie applique, à cette date, à un dossier d'une commune de ce territoire : les packs de "
                    + "règles, du socle national au territoire, ce que chaque pack territorial y ajoute, les paramètres et chaque règle "
                    + "avec sa source. Cette fiche est écrite à partir des packs publiés : elle change avec eux.");
            for (JsonNode note : regles.path("notes")) {
                pages.paragraphe(note.asString(""), PagesPdf.Style.NORMAL, 9, 0);
            }
            chaine(pages, regles.path("chaine"));
            surcharges(pages, regles.path("chaine"));
            parametres(pages, regles.path("parametres"));
            reglesParEtape(pages, regles.path("regles"));
            return pages.octets("Harmonie — règles en vigueur le " + date + " — " + id);
        }
    }

    /** The territory's own pack in the chain, or null when no version of it is in force at the date. */
    private static JsonNode packDuTerritoire(JsonNode regles, String id) {
        for (JsonNode pack : regles.path("chaine")) {
            if (pack.path("id").asString("").equals(id)) {
                return pack;
            }
        }
        return null;
    }

    private static void chaine(PagesPdf pages, JsonNode chaine) {
        pages.intertitre("Packs appliqués, du plus général au plus local");
        for (JsonNode pack : chaine) {
            String jusqua = pack.path("validUntil").asString("");
            StringBuilder texte = new StringBuilder(pack.path("libelle").asString("") + " (" + pack.path("id").asString("") + "@"
                    + pack.path("version").asString("") + "), en vigueur depuis le " + Libelles.jour(pack.path("validFrom").asString())
                    + (jusqua.isEmpty() ? "" : " jusqu'au " + Libelles.jour(jusqua)));
            List<String> sources = new ArrayList<>();
            pack.path("sources").forEach(s -> sources.add(s.asString("")));
            if (!sources.isEmpty()) {
                texte.append("\nSources : ").append(String.join(" ; ", sources));
            }
            pages.ligneEtiquetee(Libelles.niveauDePack(pack.path("niveau").asString("")), texte.toString(), COLONNE);
        }
    }

    /** What each territorial pack declares on top of its parents, in the closed vocabulary of the packs. */
    private static void surcharges(PagesPdf pages, JsonNode chaine) {
        // A piece a pack adds may be one of its own codes: each pack's catalogue names them.
        Map<String, String> libelles = new LinkedHashMap<>();
        chaine.forEach(pack -> pack.path("catalogue").forEach(e -> libelles.put(e.path("code").asString(""), e.path("libelle").asString(""))));
        for (JsonNode pack : chaine) {
            if (pack.path("niveau").asString("").equals("NATIONAL")) {
                continue;
            }
            JsonNode s = pack.path("surcharges");
            pages.intertitre("Ce qu'ajoute " + pack.path("libelle").asString("") + " (" + pack.path("id").asString("") + ")");
            int declarees = 0;
            for (JsonNode p : s.path("pieces")) {
                String code = p.path("code").asString("");
                pages.ligneEtiquetee("Pièce exigée", libelles.getOrDefault(code, code) + " (" + code + "), "
                        + (p.path("bloquante").asBoolean() ? "bloquante" : "non bloquante") + conditions(p.path("quand")) + "."
                        + motifEtSource(p), COLONNE);
                declarees++;
            }
            for (JsonNode e : s.path("ecarts")) {
                String code = e.path("code").asString("");
                pages.ligneEtiquetee("Pièce écartée", libelles.getOrDefault(code, code) + " (" + code + ") n'est plus demandée."
                        + motifEtSource(e), COLONNE);
                declarees++;
            }
            for (JsonNode a : s.path("anomalies")) {
                pages.ligneEtiquetee("Anomalie ajoutée", a.path("code").asString("") + ", " + a.path("gravite").asString("") + "."
                        + motifEtSource(a), COLONNE);
                declarees++;
            }
            for (JsonNode g : s.path("gravites")) {
                pages.ligneEtiquetee("Gravité relevée", g.path("code").asString("") + " devient " + g.path("gravite").asString("") + "."
                        + motifEtSource(g), COLONNE);
                declarees++;
            }
            for (JsonNode c : s.path("calendrier")) {
                String periode = c.path("mois").isEmpty() ? "du " + c.path("du").asString("") + " au " + c.path("au").asString("")
                        : "en " + Libelles.mois(entiers(c.path("mois")));
                pages.ligneEtiquetee("Calendrier", c.path("code").asString("") + ", " + c.path("gravite").asString("") + ", pour un dossier daté "
                        + periode + " : « " + c.path("message").asString("") + " »" + motifEtSource(c), COLONNE);
                declarees++;
            }
            if (declarees == 0) {
                pages.paragraphe("Ni pièce, ni anomalie, ni calendrier : ce pack ne change que des paramètres (ci-dessous, ceux qu'il fixe"
                        + " portent son nom), ou rien.");
            }
        }
    }

    private static String conditions(JsonNode quand) {
        List<String> criteres = new ArrayList<>();
        critere(criteres, quand.path("phases"), p -> Libelles.phase(p).toLowerCase(Locale.FRENCH), "en ", " ou en ");
        critere(criteres, quand.path("natures"), Libelles::nature, "pour une ", " ou une ");
        critere(criteres, quand.path("produits"), Libelles::produit, "pour un lot ", " ou ");
        critere(criteres, quand.path("typesHebergement"), Libelles::hebergement, "en ", " ou en ");
        return criteres.isEmpty() ? ", pour tout dossier" : ", " + String.join(", ", criteres);
    }

    /** « pour une construction neuve ou une transformation… »: one criterion of a condition, when it names codes. */
    private static void critere(List<String> criteres, JsonNode codes, Function<String, String> libelle, String avant, String entre) {
        List<String> libelles = new ArrayList<>();
        codes.forEach(c -> libelles.add(libelle.apply(c.asString(""))));
        if (!libelles.isEmpty()) {
            criteres.add(avant + String.join(entre, libelles));
        }
    }

    private static String motifEtSource(JsonNode surcharge) {
        String motif = surcharge.path("motif").asString("");
        String source = surcharge.path("source").asString("");
        return (motif.isEmpty() ? "" : "\nMotif : " + motif) + (source.isEmpty() ? "" : "\nSource : " + source);
    }

    private static List<Integer> entiers(JsonNode liste) {
        List<Integer> n = new ArrayList<>();
        liste.forEach(m -> n.add(m.asInt()));
        return n;
    }

    private static void parametres(PagesPdf pages, JsonNode parametres) {
        pages.intertitre("Paramètres (" + parametres.size() + ")");
        for (JsonNode p : parametres) {
            String libelle = p.path("libelle").asString(p.path("cle").asString(""));
            String nonVerifiable = p.path("nonVerifiable").asString("");
            if (!nonVerifiable.isEmpty()) {
                pages.ligneEtiquetee("non vérifiable", libelle + "\n" + nonVerifiable, COLONNE);
                continue;
            }
            String depuis = p.path("depuis").asString("");
            String jusqua = p.path("jusqua").asString("");
            pages.ligneEtiquetee(Fr.nombre(p.path("valeur").asDouble(), 6), libelle + " (" + p.path("cle").asString("") + ")"
                    + (depuis.isEmpty() ? "" : ", depuis le " + Libelles.jour(depuis)) + (jusqua.isEmpty() ? "" : " jusqu'au " + Libelles.jour(jusqua))
                    + ", fixé par " + p.path("pack").asString("") + "\nSource : " + p.path("reference").asString("")
                    + (p.path("motif").asString("").isEmpty() ? "" : "\nMotif : " + p.path("motif").asString("")), COLONNE);
        }
    }

    private static void reglesParEtape(PagesPdf pages, JsonNode regles) {
        pages.intertitre("Règles (" + regles.size() + ")");
        String groupe = null;
        for (JsonNode r : regles) {
            // In the order the engine runs them: each pack's, stage by stage, the national one first.
            String celui = Libelles.etape(r.path("etape").asString("")) + " — " + r.path("pack").asString("");
            if (!celui.equals(groupe)) {
                groupe = celui;
                pages.espace(4);
                pages.paragraphe(celui, PagesPdf.Style.GRAS, 10, 0);
                pages.espace(2);
            }
            pages.ligneEtiquetee(r.path("id").asString(""), r.path("nom").asString("") + " (" + r.path("pack").asString("") + ")"
                    + "\nSource : " + r.path("reference").asString("")
                    + (r.path("derogeable").asBoolean() ? "\nUn pack territorial peut écarter cette pièce." : ""), COLONNE);
        }
    }
}
