package fr.harmonie.dossiers;

import fr.harmonie.catalogue.CataloguePieces;
import fr.harmonie.catalogue.CodesProches;
import fr.harmonie.json.Json;
import fr.harmonie.web.ProblemeHttpException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * The pieces an instructeur names in a request for compléments, by their catalogue code: the bailleur's system reads
 * them by code, as it reads the checklist, instead of searching the message for them. Only codes that the chain of the
 * deposit knows are taken (a code mistyped would otherwise reach the bailleur as a piece nobody can send), each once, in
 * catalogue order, with its label.
 */
final class PiecesDemandees {

    /** More than the catalogue holds: a list this long is not a request for compléments. */
    static final int AU_PLUS = 100;

    /** A catalogue code is at most this long; a longer text is not one, and is not searched for a near code. */
    private static final int CODE_AU_PLUS = 64;

    record PieceDemandee(String code, String libelle) { }

    /** A piece asked, in the answer: whether its declaration in the dossier changed since the deposit that was read. */
    record PieceRepondue(String code, String libelle, boolean modifiee) { }

    private PiecesDemandees() {
    }

    /**
     * The pieces {@code ecrits} (at least one) names, read against {@code catalogue} of the chain {@code chaine} (codes
     * without regard to case or spaces around). Refused (400) as a whole, with every code it does not know, so that
     * nothing is asked by half.
     */
    static List<PieceDemandee> lire(List<String> ecrits, CataloguePieces catalogue, String chaine) {
        if (ecrits.size() > AU_PLUS) {
            throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Trop de pièces demandées",
                    ecrits.size() + " pièces dans « pieces » ; " + AU_PLUS + " au plus.");
        }
        Set<String> codes = new LinkedHashSet<>();
        List<String> inconnues = new ArrayList<>();
        for (String ecrit : ecrits) {
            String code = ecrit == null ? "" : ecrit.strip().toUpperCase(Locale.ROOT);
            if (catalogue.connait(code)) {
                codes.add(code);
            } else {
                inconnues.add(inconnue(ecrit, code, catalogue));
            }
        }
        if (!inconnues.isEmpty()) {
            throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Pièce inconnue",
                    String.join(" ; ", inconnues) + " : « pieces » nomme des pièces par leur code au catalogue de la chaîne"
                            + " du dépôt (" + chaine + "), comme la liste des pièces requises de l'évaluation ; rien n'a été demandé.");
        }
        return codes.stream().sorted(Comparator.comparingInt(catalogue::rang))
                .map(code -> new PieceDemandee(code, catalogue.entree(code).libelle())).toList();
    }

    /**
     * The answer to the request: for each piece it named ({@code demandees}, as stored), whether the dossier declares it
     * otherwise in {@code entree} than in {@code entreePrecedente} (both as sealed): provided, signed, dated or commented
     * anew, or added, or removed. A piece that did not change may be on its way by post; the instructeur reads which.
     */
    static List<PieceRepondue> repondues(String demandees, String entreePrecedente, String entree) {
        JsonNode avant = Json.MAPPER.readTree(entreePrecedente).path("pieces");
        JsonNode apres = Json.MAPPER.readTree(entree).path("pieces");
        return List.of(Json.MAPPER.readValue(demandees, PieceDemandee[].class)).stream()
                .map(p -> new PieceRepondue(p.code(), p.libelle(), !declarations(avant, p.code()).equals(declarations(apres, p.code()))))
                .toList();
    }

    /** What a dossier declares under {@code code}, in its order (a piece may be listed twice). */
    private static List<JsonNode> declarations(JsonNode pieces, String code) {
        return pieces.valueStream().filter(p -> code.equals(p.path("code").asString(null))).toList();
    }

    private static String inconnue(String ecrit, String code, CataloguePieces catalogue) {
        if (ecrit == null || ecrit.isBlank()) {
            return "un code vide";
        }
        if (code.length() > CODE_AU_PLUS) {
            return "« " + code.substring(0, CODE_AU_PLUS) + "… » n'est pas un code de pièce";
        }
        CodesProches.CodeProche proche = catalogue.codeProche(code);
        String dit = "« " + ecrit.strip() + " » inconnue";
        if (proche == null) {
            return dit;
        }
        String voulue = proche.code() + ", « " + catalogue.entree(proche.code()).libelle() + " »";
        return dit + (proche.codeSpls() ? " (le code SPLS de " + voulue + ")" : " (vouliez-vous " + voulue + " ?)");
    }
}
