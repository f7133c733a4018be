package fr.harmonie.dossiers;

import fr.harmonie.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.DoubleNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ce qui a changé d'un contenu de dossier à l'autre, pour son historique : l'instructeur qui a demandé des compléments
 * voit, au nouveau dépôt (et à chaque modification du dossier en compléments), ce que le bailleur a corrigé, au lieu
 * de relire tout le dossier. C'est un JSON Patch (RFC 6902) qui mène de l'ancien contenu au nouveau, appliqué dans l'ordre : chaque
 * remplacement avec sa valeur d'avant ({@code fromValue}), une suppression avec la valeur retirée, de quoi lire
 * « loyerMensuel : 399.3 → 390 » sans rien rapprocher soi-même.
 *
 * <p>Written here rather than with a JSON Patch library: zjsonpatch aligns whole arrays by their longest common
 * subsequence, and took 11 s of CPU for a 15 000-logement dossier whose loyers had all been revised, on each save. Here
 * the common start and end of an array are set aside first (one piece added, one logement removed: nothing else
 * moves), the rest is aligned only while it is small, and beyond that compared position by position, which is what a
 * revision of every loyer is anyway: linear in the dossier's size.
 */
final class Changements {

    /** Beyond this, the history says how many changes there were, not each: a whole dossier replaced is one fact. */
    static final int MONTRES_AU_PLUS = 200;

    /** The middle of two arrays is aligned (common subsequence) up to this many pairs, then position by position. */
    private static final long ALIGNEMENT_AU_PLUS = 250_000;

    private Changements() {
    }

    /**
     * Ce qui mène de {@code avant} à {@code apres} (deux dossiers en JSON), sans les propriétés de premier niveau
     * {@code ignorees} : pour le journal, {@code changements} (les {@value #MONTRES_AU_PLUS} premiers) et
     * {@code nombreChangements}, 0 quand rien n'a changé, ce qui se dit aussi.
     */
    static Map<String, Object> entre(String avant, String apres, Set<String> ignorees) {
        List<ObjectNode> operations = operations(avant, apres, ignorees);
        ArrayNode montres = Json.MAPPER.createArrayNode();
        operations.stream().limit(MONTRES_AU_PLUS).forEach(montres::add);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("changements", montres);
        m.put("nombreChangements", operations.size());
        return m;
    }

    /** Every operation, in the order they apply. */
    static List<ObjectNode> operations(String avant, String apres, Set<String> ignorees) {
        List<ObjectNode> operations = new ArrayList<>();
        comparer(comparable(avant, ignorees), comparable(apres, ignorees), "", "", List.of(), operations);
        return operations;
    }

    /**
     * {@code nom}: the property that holds {@code a} and {@code b} (an array's name for its elements); {@code lieu}:
     * where they stand, in French words, for each operation's {@code resume}.
     */
    private static void comparer(JsonNode a, JsonNode b, String chemin, String nom, List<String> lieu, List<ObjectNode> operations) {
        if (a.equals(b)) {
            return;
        }
        if (a.isObject() && b.isObject()) {
            for (Map.Entry<String, JsonNode> e : a.properties()) {
                String sous = chemin + "/" + echappe(e.getKey());
                List<String> ou = plus(lieu, ChangementsEnFrancais.propriete(nom, e.getKey()));
                if (b.has(e.getKey())) {
                    // « lot PLUS, logement P01 », not « lots, lot PLUS, logements, logement P01 »: an element says its list.
                    boolean elementsNommes = e.getValue().isArray() && b.get(e.getKey()).isArray()
                            && ChangementsEnFrancais.nommeSesElements(e.getKey());
                    comparer(e.getValue(), b.get(e.getKey()), sous, e.getKey(), elementsNommes ? lieu : ou, operations);
                } else {
                    operations.add(operation("remove", sous, e.getValue(), ChangementsEnFrancais.retrait(ou, e.getValue())));
                }
            }
            for (Map.Entry<String, JsonNode> e : b.properties()) {
                if (!a.has(e.getKey())) {
                    List<String> ou = plus(lieu, ChangementsEnFrancais.propriete(nom, e.getKey()));
                    operations.add(operation("add", chemin + "/" + echappe(e.getKey()), e.getValue(), ChangementsEnFrancais.ajout(ou, e.getValue())));
                }
            }
        } else if (a.isArray() && b.isArray()) {
            comparerTableaux(a, b, chemin, nom, lieu, operations);
        } else {
            operations.add(operation("replace", chemin, b, ChangementsEnFrancais.remplace(lieu, a, b)).set("fromValue", a));
        }
    }

    private static List<String> plus(List<String> lieu, String mot) {
        if (mot == null) {
            return lieu;
        }
        List<String> ou = new ArrayList<>(lieu);
        ou.add(mot);
        return ou;
    }

    /**
     * Indices are those of the array as the previous operations left it, so that the patch applies in order: a
     * removal leaves the index where it is, an addition or a kept element moves it on.
     */
    private static void comparerTableaux(JsonNode a, JsonNode b, String chemin, String nom, List<String> lieu,
                                         List<ObjectNode> operations) {
        int debut = 0;
        while (debut < a.size() && debut < b.size() && a.get(debut).equals(b.get(debut))) {
            debut++;
        }
        int finA = a.size();
        int finB = b.size();
        while (finA > debut && finB > debut && a.get(finA - 1).equals(b.get(finB - 1))) {
            finA--;
            finB--;
        }
        int indice = debut;
        int i = debut;
        int j = debut;
        for (int[] communs : alignement(a, debut, finA, b, debut, finB)) {
            // Between two elements kept: what faces each other is one element changed, the rest removed or added.
            while (i < communs[0] && j < communs[1]) {
                List<String> ou = plus(lieu, ChangementsEnFrancais.element(nom, a.get(i), i));
                comparer(a.get(i++), b.get(j++), chemin + "/" + indice++, nom, ou, operations);
            }
            while (i < communs[0]) {
                List<String> ou = plus(lieu, ChangementsEnFrancais.element(nom, a.get(i), i));
                operations.add(operation("remove", chemin + "/" + indice, a.get(i), ChangementsEnFrancais.retrait(ou, a.get(i))));
                i++;
            }
            while (j < communs[1]) {
                List<String> ou = plus(lieu, ChangementsEnFrancais.element(nom, b.get(j), j));
                operations.add(operation("add", chemin + "/" + indice++, b.get(j), ChangementsEnFrancais.ajout(ou, b.get(j))));
                j++;
            }
            i++;
            j++;
            indice++;
        }
    }

    /**
     * The pairs (i, j) of equal elements kept in order, longest first found, then ({@code finA}, {@code finB}) to close
     * the walk. None when the middle is too large to align: position by position then.
     */
    private static List<int[]> alignement(JsonNode a, int debutA, int finA, JsonNode b, int debutB, int finB) {
        int n = finA - debutA;
        int m = finB - debutB;
        List<int[]> paires = new ArrayList<>();
        if (n > 0 && m > 0 && (long) n * m <= ALIGNEMENT_AU_PLUS) {
            int[][] longueur = new int[n + 1][m + 1];
            for (int x = n - 1; x >= 0; x--) {
                for (int y = m - 1; y >= 0; y--) {
                    longueur[x][y] = a.get(debutA + x).equals(b.get(debutB + y)) ? longueur[x + 1][y + 1] + 1
                            : Math.max(longueur[x + 1][y], longueur[x][y + 1]);
                }
            }
            int x = 0;
            int y = 0;
            while (x < n && y < m) {
                if (a.get(debutA + x).equals(b.get(debutB + y))) {
                    paires.add(new int[] {debutA + x++, debutB + y++});
                } else if (longueur[x + 1][y] >= longueur[x][y + 1]) {
                    x++;
                } else {
                    y++;
                }
            }
        }
        paires.add(new int[] {finA, finB});
        return paires;
    }

    /** {@code resume}: the same in words, a member RFC 6902 lets a patch carry (an applier ignores it). */
    private static ObjectNode operation(String op, String chemin, JsonNode valeur, String resume) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("op", op);
        o.put("path", chemin);
        o.set("value", valeur);
        o.put("resume", resume);
        return o;
    }

    /** RFC 6901: « ~ » and « / » in a property name. */
    private static String echappe(String nom) {
        return nom.replace("~", "~0").replace("/", "~1");
    }

    /**
     * One number written 62 by one system and 62.0 by another is the same surface: numbers are compared by value, an
     * integral one shown without decimals. The ignored top-level properties are set by the service (the deposit's date
     * of reference), not by the bailleur.
     */
    private static JsonNode comparable(String json, Set<String> ignorees) {
        JsonNode noeud = Json.MAPPER.readTree(json);
        if (noeud instanceof ObjectNode o) {
            o.remove(ignorees);
        }
        return nombresParValeur(noeud);
    }

    private static JsonNode nombresParValeur(JsonNode noeud) {
        if (noeud.isNumber()) {
            BigDecimal v = noeud.decimalValue().stripTrailingZeros();
            if (v.scale() <= 0 && v.precision() - v.scale() <= 18) {
                long entier = v.longValueExact();
                return entier == (int) entier ? IntNode.valueOf((int) entier) : LongNode.valueOf(entier);
            }
            return DoubleNode.valueOf(noeud.doubleValue());
        }
        if (noeud instanceof ObjectNode o) {
            o.properties().forEach(e -> e.setValue(nombresParValeur(e.getValue())));
        } else if (noeud instanceof ArrayNode t) {
            for (int i = 0; i < t.size(); i++) {
                t.set(i, nombresParValeur(t.get(i)));
            }
        }
        return noeud;
    }
}
