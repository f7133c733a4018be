package fr.harmonie.dossiers;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVPrinter;

/**
 * The figures of a period for a spreadsheet: one line for all the territories, then one per territory, each with its
 * deposits, closed instructions and agréments month by month in columns (the year-end peak as rows of figures a chart
 * is drawn from), and the pieces and anomalies most often met, written out in one cell each.
 */
final class StatistiquesEnCsv {

    private static final List<String> COLONNES = List.of("territoire", "dépôts", "réponses aux compléments",
            "demandes de compléments", "demandes nommant des pièces", "dossiers déposés", "prématurés au dépôt",
            "à consolider au dépôt", "mûrs au dépôt", "instruits", "délai médian (jours)",
            "délai médian au service (jours)", "décisions favorables", "décisions défavorables", "décision non renseignée",
            "demandes retirées", "instruits après rejet implicite");

    private StatistiquesEnCsv() {
    }

    /** {@code corps}: the figures as the JSON answer gives them. */
    @SuppressWarnings("unchecked")
    static String ecrire(Map<String, Object> corps) {
        Map<String, Object> ensemble = (Map<String, Object>) corps.get("ensemble");
        List<String> mois = List.copyOf(((Map<String, Long>) ensemble.get("depotsParMois")).keySet());
        List<String> entete = new ArrayList<>(COLONNES);
        mois.forEach(m -> entete.add("dépôts " + m));
        mois.forEach(m -> entete.add("instruits " + m));
        mois.forEach(m -> entete.add("favorables " + m));
        entete.add("pièces demandées en compléments");
        entete.add("anomalies au dépôt");
        entete.add("délai médian de réponse aux compléments (jours)");
        entete.add("pièces jugées non conformes");
        StringWriter texte = new StringWriter();
        texte.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(texte, ListeEnCsv.FORMAT)) {
            csv.printRecord(entete);
            csv.printRecord(ligne("ensemble", ensemble));
            for (Map<String, Object> t : (List<Map<String, Object>>) corps.get("territoires")) {
                csv.printRecord(ligne((String) t.get("territoire"), t));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return texte.toString();
    }

    /** Days to the tenth, with the decimal comma a French spreadsheet reads as a number; empty without instruction. */
    private static String jours(Object jours) {
        return jours == null ? "" : String.valueOf(jours).replace('.', ',');
    }

    @SuppressWarnings("unchecked")
    private static List<Object> ligne(String territoire, Map<String, Object> b) {
        Map<String, Long> maturite = (Map<String, Long>) b.get("maturiteAuDepot");
        List<Object> l = new ArrayList<>(List.of(territoire, b.get("depots"), b.get("reponsesAuxComplements"),
                b.get("demandesDeComplements"), b.get("demandesNommantDesPieces"), b.get("dossiersDeposes"),
                maturite.get("PREMATUREE"), maturite.get("A_CONSOLIDER"), maturite.get("MURE"), b.get("instruits"),
                jours(b.get("delaiMedianJours")), jours(b.get("delaiMedianAuServiceJours"))));
        l.addAll(((Map<String, Long>) b.get("decisions")).values());
        l.add(b.get("retraits"));
        l.add(b.get("instruitsApresRejetImplicite"));
        l.addAll(((Map<String, Long>) b.get("depotsParMois")).values());
        l.addAll(((Map<String, Long>) b.get("instruitsParMois")).values());
        l.addAll(((Map<String, Long>) b.get("favorablesParMois")).values());
        l.add(((List<Map<String, Object>>) b.get("piecesDemandees")).stream()
                .map(p -> p.get("code") + " (" + p.get("demandes") + ")").collect(Collectors.joining(", ")));
        l.add(((List<Map<String, Object>>) b.get("anomaliesAuDepot")).stream()
                .map(a -> a.get("code") + " " + a.get("gravite") + " (" + a.get("dossiers") + ")").collect(Collectors.joining(", ")));
        // Added last: a sheet that reads the columns by position still reads them.
        l.add(jours(b.get("delaiMedianReponseAuxComplementsJours")));
        l.add(((List<Map<String, Object>>) b.get("piecesNonConformes")).stream()
                .map(p -> p.get("code") + " (" + p.get("dossiers") + ")").collect(Collectors.joining(", ")));
        return l;
    }
}
