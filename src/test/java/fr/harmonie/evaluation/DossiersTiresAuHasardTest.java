package fr.harmonie.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.dossier.Dossier;
import fr.harmonie.dossier.DossierInvalideException;
import fr.harmonie.dossier.LecteurDossier;
import fr.harmonie.json.Json;
import fr.harmonie.regles.faits.Gravite;
import fr.harmonie.territoires.ChargeurPacks;
import fr.harmonie.territoires.Geographie;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * N'importe quel dossier conforme au contrat, pas seulement ceux qu'on a imaginés: des dossiers tirés au hasard du
 * schéma lui-même (graine fixe : chaque champ présent ou non, chaque énumération, les bornes, des dates de 2008 à 2029,
 * des communes de chaque territoire, des pièces connues ou non) reçoivent un résultat conforme au format 1 et
 * cohérent. Déposable exactement quand aucune pièce bloquante ne manque et qu'aucune anomalie n'est BLOQUANTE;
 * complet exactement quand toutes les pièces sont fournies sans anomalie BLOQUANTE; anomalies dans l'ordre promis
 * (gravité, puis code); chaque pièce une fois; des dimensions de maturité qui font 100, chacune dans ses bornes;
 * jamais MURE avec une anomalie BLOQUANTE; un champ d'anomalie qui ne désigne pas un élément absent d'une liste; le
 * même reçu pour le même dossier.
 */
class DossiersTiresAuHasardTest {

    private static final LecteurDossier LECTEUR = new LecteurDossier();
    private static final Evaluateur EVALUATEUR = new Evaluateur(
            ChargeurPacks.charger(Path.of("."), Geographie.chargerEmbarquee()), Clock.systemUTC());
    private static final int TIRAGES = 400;

    @Test
    void toutDossierConformeRecoitUnResultatConformeEtCoherent() throws Exception {
        JsonNode schema = Json.MAPPER.readTree(Files.readString(Path.of("src/main/resources/contrat/dossier.schema.json")));
        List<String> pieces = Files.readAllLines(Path.of("rules/catalogue/pieces.csv")).stream().skip(1)
                .map(l -> l.substring(0, l.indexOf(','))).toList();
        Tirage tirage = new Tirage(new Random(20261203), pieces);
        Set<String> anomaliesVues = new TreeSet<>();
        Set<String> chainesVues = new TreeSet<>();
        int evalues = 0;
        for (int i = 0; i < TIRAGES; i++) {
            JsonNode entree = tirage.valeur(schema, "dossier");
            Dossier dossier;
            try {
                dossier = LECTEUR.lire(Json.MAPPER.writeValueAsBytes(entree));
            } catch (DossierInvalideException horsContrat) {
                continue; // a draw the contract refuses (a rule between fields): not what this test is about
            }
            Resultat r = EVALUATEUR.evaluer(dossier);
            String json = Json.MAPPER.writeValueAsString(r);
            String cas = "tirage n° " + i + " : " + entree;

            assertThat(SchemaResultat.ecarts(json)).as(cas).isEmpty();
            boolean anomalieBloquante = r.anomalies().stream().anyMatch(a -> a.gravite() == Gravite.BLOQUANTE);
            boolean pieceBloquanteManquante = r.piecesRequises().stream()
                    .anyMatch(p -> p.bloquante() && p.statut() == Resultat.StatutPiece.MANQUANTE);
            boolean toutesFournies = r.piecesRequises().stream().allMatch(p -> p.statut() == Resultat.StatutPiece.FOURNIE);
            assertThat(r.deposable()).as(cas).isEqualTo(!anomalieBloquante && !pieceBloquanteManquante);
            assertThat(r.complet()).as(cas).isEqualTo(toutesFournies && !anomalieBloquante);
            if (anomalieBloquante) {
                assertThat(r.maturite().niveau()).as(cas).isNotEqualTo(Resultat.Niveau.MURE);
            }
            assertThat(r.anomalies()).as(cas).isSortedAccordingTo(
                    Comparator.comparing((Resultat.AnomalieRelevee a) -> a.gravite()).thenComparing(Resultat.AnomalieRelevee::code));
            assertThat(r.piecesRequises().stream().map(Resultat.PieceRequise::code)).as(cas).doesNotHaveDuplicates();
            assertThat(r.maturite().dimensions().stream().mapToDouble(Resultat.Dimension::maximum).sum()).as(cas).isEqualTo(100.0);
            assertThat(r.maturite().dimensions()).as(cas).allSatisfy(d -> assertThat(d.points()).isBetween(0.0, d.maximum()));
            for (Resultat.AnomalieRelevee a : r.anomalies()) {
                assertThat(horsDesListes(entree, a.champ())).as(cas + " : champ de " + a.code()).isFalse();
            }
            if (i % 10 == 0) {
                assertThat(EVALUATEUR.evaluer(LECTEUR.lire(Json.MAPPER.writeValueAsBytes(entree))).empreinte()).as(cas)
                        .isEqualTo(r.empreinte());
            }
            r.anomalies().forEach(a -> anomaliesVues.add(a.code()));
            chainesVues.add(r.territoire().packs().stream().map(Resultat.PackApplique::id).toList().toString());
            evalues++;
        }
        // The draws stay inside the contract, and reach most of what the rules can say, in each territory.
        assertThat(evalues).isGreaterThan(TIRAGES * 9 / 10);
        assertThat(anomaliesVues).hasSizeGreaterThanOrEqualTo(25);
        assertThat(chainesVues).contains("[national]", "[national, region-84]", "[national, region-28]",
                "[national, region-28, metropole-rouen-normandie]");
    }

    /** Whether a JSON pointer names an element past the end of a list of the dossier (or into a scalar). */
    private static boolean horsDesListes(JsonNode dossier, String champ) {
        if (champ == null || champ.isEmpty()) {
            return false;
        }
        JsonNode courant = dossier;
        for (String segment : champ.substring(1).split("/")) {
            if (courant.isArray()) {
                int rang = Integer.parseInt(segment);
                if (rang >= courant.size()) {
                    return true;
                }
                courant = courant.get(rang);
            } else if (courant.isObject()) {
                if (!courant.has(segment)) {
                    return false; // an absent field (one the dossier should give) is a fair target
                }
                courant = courant.get(segment);
            } else {
                return true;
            }
        }
        return false;
    }

    /** A value drawn from a part of the JSON Schema: enough of the 2020-12 keywords for the dossier's contract. */
    private static final class Tirage {

        private static final JsonNodeFactory NOEUDS = JsonNodeFactory.instance;
        private static final String[] COMMUNES = {"76540", "76351", "38185", "38421", "29019", "21231", "69123", "14118",
            "99999", "2A004", "97411"};
        private static final String[] TERRITOIRES = {"national", "region-84", "region-28", "metropole-rouen-normandie", "inconnu"};
        private static final String[] TEXTES = {"", "x", "Résidence « Les Érables »", "n° 12 — bât. B", "😀"};
        /** How long lists get: enough to meet duplicates and sums, not the contract's 2 000 logements each time. */
        private static final Map<String, Integer> LONGUEURS = Map.of("lots", 4, "logements", 12, "pieces", 30, "ressources", 6);

        private final Random hasard;
        private final List<String> pieces;

        Tirage(Random hasard, List<String> pieces) {
            this.hasard = hasard;
            this.pieces = pieces;
        }

        JsonNode valeur(JsonNode s, String nom) {
            if (s.has("const")) {
                return s.get("const");
            }
            if (s.has("enum")) {
                return s.get("enum").get(hasard.nextInt(s.get("enum").size()));
            }
            String type = s.get("type").asString();
            switch (type) {
                case "object":
                    return objet(s);
                case "array":
                    return liste(s, nom);
                case "number":
                case "integer":
                    return nombre(s, "integer".equals(type));
                case "boolean":
                    return NOEUDS.booleanNode(hasard.nextBoolean());
                case "string":
                    return NOEUDS.stringNode(texte(s, nom));
                default:
                    throw new IllegalArgumentException("type « " + type + " » de « " + nom + " »");
            }
        }

        private ObjectNode objet(JsonNode s) {
            Set<String> requis = new TreeSet<>();
            s.path("required").forEach(r -> requis.add(r.asString()));
            ObjectNode o = NOEUDS.objectNode();
            for (Map.Entry<String, JsonNode> p : s.get("properties").properties()) {
                if (requis.contains(p.getKey()) || hasard.nextInt(10) < 6) {
                    o.set(p.getKey(), valeur(p.getValue(), p.getKey()));
                }
            }
            return o;
        }

        private ArrayNode liste(JsonNode s, String nom) {
            int min = s.has("minItems") ? s.get("minItems").asInt() : 0;
            int max = Math.min(s.has("maxItems") ? s.get("maxItems").asInt() : 10, LONGUEURS.getOrDefault(nom, 5));
            if ("logements".equals(nom) && hasard.nextInt(40) == 0) {
                max = 200;
            }
            ArrayNode a = NOEUDS.arrayNode();
            for (int n = min + hasard.nextInt(max - min + 1); n > 0; n--) {
                a.add(valeur(s.get("items"), nom));
            }
            return a;
        }

        /** At a bound one time in ten each, near the low end often, anywhere in the range otherwise. */
        private JsonNode nombre(JsonNode s, boolean entier) {
            boolean exclusif = s.has("exclusiveMinimum");
            double bas = exclusif ? s.get("exclusiveMinimum").asDouble() : s.path("minimum").asDouble(0);
            double haut = s.has("maximum") ? s.get("maximum").asDouble() : 1e6;
            int c = hasard.nextInt(10);
            double v = c == 0 ? haut : c == 1 ? bas : c < 6 ? bas + hasard.nextDouble() * Math.min(haut - bas, 100)
                    : bas + hasard.nextDouble() * (haut - bas);
            if (entier) {
                long n = Math.round(v);
                return NOEUDS.numberNode(exclusif && n <= bas ? (long) bas + 1 : n);
            }
            BigDecimal d = BigDecimal.valueOf(v).setScale(hasard.nextInt(3) * 2, RoundingMode.HALF_UP).stripTrailingZeros();
            return NOEUDS.numberNode(exclusif && d.doubleValue() <= bas ? BigDecimal.valueOf(bas).add(new BigDecimal("0.01")) : d);
        }

        private String texte(JsonNode s, String nom) {
            if ("date".equals(s.path("format").asString(""))) {
                return LocalDate.of(2008, 1, 1).plusDays(hasard.nextInt(22 * 365)).toString();
            }
            switch (nom) {
                case "codeInsee":
                    return COMMUNES[hasard.nextInt(COMMUNES.length)];
                case "siren":
                    // A real one (Luhn key right) half of the time, any nine digits otherwise.
                    return hasard.nextBoolean() ? "732829320" : String.format("%09d", hasard.nextInt(1_000_000_000));
                case "code":
                    return hasard.nextInt(20) == 0 ? "CODE_INCONNU_" + hasard.nextInt(9) : pieces.get(hasard.nextInt(pieces.size()));
                case "territoire":
                    return TERRITOIRES[hasard.nextInt(TERRITOIRES.length)];
                case "designation":
                    return "ABCD".charAt(hasard.nextInt(4)) + String.valueOf(1 + hasard.nextInt(6));
                default:
                    return TEXTES[hasard.nextInt(TEXTES.length)];
            }
        }
    }
}
