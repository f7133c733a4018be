package fr.harmonie.dossiers;

import fr.harmonie.evaluation.Evaluateur;
import fr.harmonie.json.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * La liste des dossiers (toute, ou une page) pour un tableur: la file qu'un instructeur trie et annote en décembre, ou
 * le suivi d'un bailleur. Le tableur français l'ouvre d'un double clic: séparateur point-virgule, UTF-8 annoncé par son
 * BOM, dates à l'heure de Paris, oui et non.
 */
final class ListeEnCsv {

    private static final List<String> COLONNES = List.of("identifiant", "référence", "statut", "phase", "opération", "nature",
            "code INSEE", "commune", "SIREN", "maître d'ouvrage", "produits", "logements", "territoire", "déposé le", "créé le",
            "modifié le", "évalué le", "évaluation à jour", "déposable", "complet", "niveau", "score", "pièces manquantes",
            "anomalies bloquantes", "anomalies majeures", "anomalies mineures", "avis (INFO)", "instructeur",
            "pièces demandées", "décision", "premier dépôt le", "rejet implicite le", "message du dépôt", "message de l'instruction",
            "message du retrait", "statut depuis le", "modifié par");
    /** Where the columns after the evaluation's begin: a dossier never evaluated leaves the evaluation's empty up to it. */
    private static final int APRES_L_EVALUATION = COLONNES.indexOf("instructeur");
    /** What a French spreadsheet opens with a double click: semicolons, CRLF (with a BOM before the first line). */
    static final CSVFormat FORMAT = CSVFormat.EXCEL.builder().setDelimiter(';').setRecordSeparator("\r\n").get();
    private static final DateTimeFormatter HEURE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ListeEnCsv() {
    }

    static String ecrire(List<DossierStocke> dossiers, Map<UUID, DossiersStore.DerniereEvaluation> evaluations) {
        StringWriter texte = new StringWriter();
        texte.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(texte, FORMAT)) {
            csv.printRecord(COLONNES);
            for (DossierStocke d : dossiers) {
                csv.printRecord(ligne(d, evaluations.get(d.id())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return texte.toString();
    }

    private static List<String> ligne(DossierStocke d, DossiersStore.DerniereEvaluation e) {
        Map<String, Object> a = d.apercu();
        List<String> l = new ArrayList<>();
        l.add(d.id().toString());
        l.add(texte(a.get("reference")));
        l.add(d.statut());
        l.add(texte(a.get("phase")));
        l.add(texte(a.get("operation")));
        l.add(texte(a.get("nature")));
        l.add(texte(a.get("codeInsee")));
        l.add(texte(a.get("commune")));
        l.add(texte(a.get("siren")));
        l.add(texte(a.get("raisonSociale")));
        l.add(a.get("produits") instanceof Collection<?> produits
                ? produits.stream().map(String::valueOf).collect(Collectors.joining(" ")) : "");
        l.add(String.valueOf(a.getOrDefault("logements", "")));
        l.add(d.territoire() == null ? "" : d.territoire());
        l.add(heure(d.deposeLe()));
        l.add(heure(d.creeLe()));
        l.add(heure(d.modifieLe()));
        if (e == null) {
            // Never evaluated: the evaluation's columns stay empty, rather than read as « non déposable, score 0 ».
            while (l.size() < APRES_L_EVALUATION) {
                l.add("");
            }
        } else {
            l.add(heure(e.le()));
            l.add(ouiNon(e.aJour()));
            l.add(ouiNon(e.deposable()));
            l.add(ouiNon(e.complet()));
            l.add(e.niveau());
            l.add(Integer.toString(e.score()));
            l.add(Integer.toString(e.piecesManquantes()));
            for (String gravite : List.of("BLOQUANTE", "MAJEURE", "MINEURE", "INFO")) {
                l.add(Integer.toString(e.anomalies().getOrDefault(gravite, 0)));
            }
        }
        // Last, after the columns that existed before them: a sheet that reads them by position still reads them.
        l.add(d.instructeur() == null ? "" : d.instructeur());
        l.add(codes(d.piecesDemandees()));
        l.add(d.decision() == null ? "" : d.decision());
        l.add(heure(d.premierDepotLe()));
        LocalDate rejetImplicite = RejetImplicite.le(d);
        l.add(rejetImplicite == null ? "" : rejetImplicite.toString());
        // Typed by the bailleur or the instructeur, kept text as every typed cell; a line break stays inside its cell.
        l.add(texte(d.messageDepot()));
        l.add(texte(d.messageInstruction()));
        l.add(texte(d.messageRetrait()));
        // Added after the messages, so that a sheet reading the columns by position still reads them.
        l.add(heure(d.statutDepuis()));
        l.add(texte(d.modifiePar()));
        return l;
    }

    /**
     * What the bailleur typed (an operation's name, a reference) must not become a formula in the instructeur's
     * spreadsheet: a cell that starts like one (=, +, -, @, a tab or a carriage return) is kept as text by a leading
     * apostrophe, as OWASP advises against CSV injection.
     */
    static String texte(Object valeur) {
        if (valeur == null) {
            return "";
        }
        String s = valeur.toString();
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    /**
     * The codes of the pieces the last request for compléments names, in catalogue order, as the products are written;
     * once answered, each says what the answer did to it: « PLAN_MASSE (modifiée) PRIX_REVIENT (inchangée) ».
     */
    private static String codes(String piecesDemandees) {
        if (piecesDemandees == null) {
            return "";
        }
        return Json.MAPPER.readTree(piecesDemandees).valueStream().map(p -> p.path("code").asString("")
                        + (p.has("modifiee") ? p.path("modifiee").asBoolean() ? " (modifiée)" : " (inchangée)" : ""))
                .collect(Collectors.joining(" "));
    }

    private static String heure(OffsetDateTime instant) {
        return instant == null ? "" : instant.atZoneSameInstant(Evaluateur.PARIS).format(HEURE);
    }

    private static String ouiNon(boolean vrai) {
        return vrai ? "oui" : "non";
    }
}
