package fr.harmonie.dossiers;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ce que l'historique d'un dossier dit de ses changements : ce qu'un instructeur lirait lui-même en comparant, en JSON
 * Patch pour un système et en français pour une personne.
 */
class ChangementsTest {

    private static final String LOGEMENTS = """
            {"dateReference": "2026-11-02", "operation": {"lots": [{"produit": "PLUS", "logements": [
              {"designation": "P01", "surfaceHabitable": 62.0, "loyerMensuel": 399.3},
              {"designation": "P02", "surfaceHabitable": 48.5, "loyerMensuel": 312.4}]}]},
             "pieces": [{"code": "PLAN_SITUATION", "fournie": true}, {"code": "NOTE_DESCRIPTIVE", "fournie": false}]}""";

    /** As the history gives them back: written to the journal, read again. */
    private static JsonNode changements(Map<String, Object> m) {
        return Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(m.get("changements")));
    }

    @Test
    void unLoyerCorrigeSeLitAvecSaValeurDAvant() {
        Map<String, Object> m = Changements.entre(LOGEMENTS, LOGEMENTS.replace("399.3", "390"), Set.of());
        assertThat(changements(m)).isEqualTo(Json.MAPPER.readTree("""
                [{"op": "replace", "path": "/operation/lots/0/logements/0/loyerMensuel", "value": 390, "fromValue": 399.3,
                  "resume": "Lot PLUS, logement P01, loyer mensuel : 399,3 → 390"}]"""));
        assertThat(m.get("nombreChangements")).isEqualTo(1);
    }

    /** Each change in words, where it stands in the dossier, without a pointer. */
    @Test
    void chaqueChangementSeDitEnFrancais() {
        String avant = """
                {"operation": {"nom": "Les Jardins", "commune": {"codeInsee": "21231", "nom": "Dijon"}, "ascenseur": false,
                  "foncier": {"maitrise": "PROMESSE_VENTE", "dateMaitrise": "2025-12-01"}, "lots": [{"produit": "PLAI", "margeLocale": 0.05}]},
                 "pieces": [{"code": "PLAN_SITUATION", "fournie": true}]}""";
        String apres = """
                {"operation": {"nom": "Les Jardins II", "commune": {"codeInsee": "76540", "nom": "Rouen"}, "ascenseur": true,
                  "foncier": {"maitrise": "ACTE_VENTE"}, "lots": [{"produit": "PLAI", "margeLocale": 0}]},
                 "pieces": [{"code": "PLAN_SITUATION", "fournie": true, "dateDocument": "2026-11-02"}]}""";
        assertThat(Changements.operations(avant, apres, Set.of())).extracting(o -> o.get("resume").asString()).containsExactly(
                "Nom de l'opération : « Les Jardins » → « Les Jardins II »",
                "Commune, code INSEE : « 21231 » → « 76540 »",
                "Commune, nom : « Dijon » → « Rouen »",
                "Ascenseur : non → oui",
                "Foncier, maîtrise foncière : « PROMESSE_VENTE » → « ACTE_VENTE »",
                "Retrait : foncier, date de maîtrise (était : « 2025-12-01 »)",
                "Lot PLAI, marge locale : 0,05 → 0",
                "Ajout : pièce PLAN_SITUATION, date du document : « 2026-11-02 »");
    }

    /** One system writes 62, another 62.0, a third 62.00: the same surface, not a change. */
    @Test
    void unNombreEcritAutrementNEstPasUnChangement() {
        Map<String, Object> m = Changements.entre(LOGEMENTS, LOGEMENTS.replace("62.0", "62").replace("48.5", "48.50"), Set.of());
        assertThat(changements(m)).isEmpty();
        assertThat(m.get("nombreChangements")).isEqualTo(0);
    }

    /** A piece inserted before the others is one addition, not every later piece rewritten. */
    @Test
    void unePieceAjouteeEnTeteEstUnAjoutEtRienDAutre() {
        Map<String, Object> m = Changements.entre(LOGEMENTS, LOGEMENTS.replace("\"pieces\": [",
                "\"pieces\": [{\"code\": \"AVIS_COMMUNE\", \"fournie\": true}, "), Set.of());
        assertThat(changements(m)).isEqualTo(Json.MAPPER.readTree("""
                [{"op": "add", "path": "/pieces/0", "value": {"code": "AVIS_COMMUNE", "fournie": true}, "resume": "Ajout : pièce AVIS_COMMUNE"}]"""));
    }

    /** Two pieces added at two places, the one between them untouched: two additions. */
    @Test
    void deuxPiecesAjouteesADeuxEndroitsSontDeuxAjouts() {
        String deux = LOGEMENTS.replace("\"pieces\": [", "\"pieces\": [{\"code\": \"AVIS_COMMUNE\", \"fournie\": true}, ")
                .replace("\"fournie\": false}]", "\"fournie\": false}, {\"code\": \"PLAN_MASSE\", \"fournie\": true}]");
        assertThat(changements(Changements.entre(LOGEMENTS, deux, Set.of()))).isEqualTo(Json.MAPPER.readTree("""
                [{"op": "add", "path": "/pieces/0", "value": {"code": "AVIS_COMMUNE", "fournie": true}, "resume": "Ajout : pièce AVIS_COMMUNE"},
                 {"op": "add", "path": "/pieces/3", "value": {"code": "PLAN_MASSE", "fournie": true}, "resume": "Ajout : pièce PLAN_MASSE"}]"""));
    }

    @Test
    void unLogementRetireSeLitAvecCeQuIlEtait() {
        String sansP01 = LOGEMENTS.replace("{\"designation\": \"P01\", \"surfaceHabitable\": 62.0, \"loyerMensuel\": 399.3},", "");
        assertThat(changements(Changements.entre(LOGEMENTS, sansP01, Set.of()))).isEqualTo(Json.MAPPER.readTree("""
                [{"op": "remove", "path": "/operation/lots/0/logements/0",
                  "value": {"designation": "P01", "surfaceHabitable": 62, "loyerMensuel": 399.3}, "resume": "Retrait : lot PLUS, logement P01"}]"""));
    }

    /** A deposit sets the date of reference itself: between two deposits, only what the bailleur changed counts. */
    @Test
    void uneProprieteIgnoreeNeComptePas() {
        String redepose = LOGEMENTS.replace("2026-11-02", "2026-12-05");
        assertThat(Changements.entre(LOGEMENTS, redepose, Set.of("dateReference")).get("nombreChangements")).isEqualTo(0);
        assertThat(Changements.entre(LOGEMENTS, redepose, Set.of()).get("nombreChangements")).isEqualTo(1);
    }

    /**
     * What a system does with the history: apply the patch, in order, to the dossier before and find the dossier after.
     * Pieces added, removed and changed at random places, few of them (aligned) and many (compared by position).
     */
    @Test
    void leCorrectifAppliqueDansLOrdreMeneAuDossierDApres() {
        Random hasard = new Random(20261205);
        for (int essai = 0; essai < 300; essai++) {
            int taille = essai < 250 ? hasard.nextInt(12) : 600 + hasard.nextInt(200);
            List<String> avant = new ArrayList<>();
            for (int i = 0; i < taille; i++) {
                avant.add(piece("P" + hasard.nextInt(taille + 1), hasard.nextBoolean()));
            }
            List<String> apres = new ArrayList<>(avant);
            for (int k = hasard.nextInt(essai < 250 ? 5 : 400); k > 0; k--) {
                int ou = hasard.nextInt(apres.size() + 1);
                switch (hasard.nextInt(3)) {
                    case 0 -> apres.add(ou, piece("N" + k, true));
                    case 1 -> { if (ou < apres.size()) { apres.remove(ou); } }
                    default -> { if (ou < apres.size()) { apres.set(ou, apres.get(ou).replace("false", "true")); } }
                }
            }
            String a = "{\"pieces\": [" + String.join(",", avant) + "]}";
            String b = "{\"pieces\": [" + String.join(",", apres) + "]}";
            JsonNode correctif = Json.MAPPER.readTree(Changements.operations(a, b, Set.of()).toString());
            assertThat(appliquer(Json.MAPPER.readTree(a), correctif)).as("essai %d", essai).isEqualTo(Json.MAPPER.readTree(b));
        }
    }

    private static String piece(String code, boolean fournie) {
        return "{\"code\": \"" + code + "\", \"fournie\": " + fournie + "}";
    }

    /** RFC 6902 add, remove and replace, enough for these tests. */
    private static JsonNode appliquer(JsonNode document, JsonNode correctif) {
        for (JsonNode op : correctif) {
            String chemin = op.get("path").asString();
            String dernier = chemin.substring(chemin.lastIndexOf('/') + 1);
            JsonNode parent = document.at(chemin.substring(0, chemin.lastIndexOf('/')));
            switch (op.get("op").asString()) {
                case "add" -> {
                    if (parent instanceof ArrayNode t) {
                        t.insert(Integer.parseInt(dernier), op.get("value"));
                    } else {
                        ((ObjectNode) parent).set(dernier, op.get("value"));
                    }
                }
                case "remove" -> {
                    if (parent instanceof ArrayNode t) {
                        t.remove(Integer.parseInt(dernier));
                    } else {
                        ((ObjectNode) parent).remove(dernier);
                    }
                }
                default -> {
                    if (parent instanceof ArrayNode t) {
                        t.set(Integer.parseInt(dernier), op.get("value"));
                    } else {
                        ((ObjectNode) parent).set(dernier, op.get("value"));
                    }
                }
            }
        }
        return document;
    }

    /** A dossier replaced by another says how many changes, and shows the first ones only. */
    @Test
    void auDelaDeDeuxCentsLeNombreDitLeReste() {
        StringBuilder avant = new StringBuilder("{\"pieces\": [");
        StringBuilder apres = new StringBuilder("{\"pieces\": [");
        for (int i = 0; i < 300; i++) {
            avant.append(i == 0 ? "" : ",").append("{\"code\": \"P").append(i).append("\", \"fournie\": false}");
            apres.append(i == 0 ? "" : ",").append("{\"code\": \"P").append(i).append("\", \"fournie\": true}");
        }
        Map<String, Object> m = Changements.entre(avant + "]}", apres + "]}", Set.of());
        assertThat(changements(m)).hasSize(Changements.MONTRES_AU_PLUS);
        assertThat(m.get("nombreChangements")).isEqualTo(300);
        assertThat(changements(m).get(0)).isEqualTo(Json.MAPPER.readTree("""
                {"op": "replace", "path": "/pieces/0/fournie", "value": true, "fromValue": false, "resume": "Pièce P0, fournie : non → oui"}"""));
    }
}
