package fr.harmonie.rapport;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.dossier.LecteurDossier;
import fr.harmonie.evaluation.Evaluateur;
import fr.harmonie.json.Json;
import fr.harmonie.regles.SocleNational;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Un bailleur dont le logiciel a mal calculé les surfaces utiles de 400 logements : l'évaluation relève 400 anomalies,
 * le rapport en imprime 300 et dit combien il en reste ; et un nom d'opération tapé sans une espace tient dans la page.
 */
class RapportEvaluationTest {

    private static final Evaluateur SOCLE = new Evaluateur(new SocleNational(SocleNational.charger(Path.of("rules"))), Clock.systemUTC());

    @Test
    void unDossierAuxPiecesCompletesMaisAuLoyerTropHautNEstNiDeposableNiCompletParSonAnomalie() throws Exception {
        ObjectNode dossier = agrement();
        ((ObjectNode) dossier.get("operation").get("lots").get(0)).put("loyerMensuelM2", 9.0);
        JsonNode resultat = evaluer(dossier);
        long bloquantes = resultat.get("anomalies").findValuesAsString("gravite").stream().filter("BLOQUANTE"::equals).count();
        assertThat(bloquantes).isPositive();
        assertThat(resultat.get("piecesRequises").findValuesAsString("statut")).containsOnly("FOURNIE");

        String texte = TexteDuPdf.lire(rapport(dossier, resultat));

        String raison = bloquantes + (bloquantes == 1 ? " anomalie bloquante" : " anomalies bloquantes");
        assertThat(texte).contains("Déposable non : " + raison + " Complet non : " + raison + " Maturité")
                .contains("Pièces requises : " + resultat.get("piecesRequises").size() + ", toutes fournies");
    }

    @Test
    void unePieceManquanteDitCeQuElleDoitContenirEtOuEstSonModele() throws Exception {
        ObjectNode dossier = agrement();
        ((ArrayNode) dossier.get("pieces")).removeIf(p -> p.get("code").asString().equals("PERMIS_CONSTRUIRE"));
        JsonNode resultat = evaluer(dossier);
        // A territory's catalogue may link a template to a piece (the national one links none yet).
        for (JsonNode piece : resultat.get("piecesRequises")) {
            if (piece.get("code").asString().equals("PERMIS_CONSTRUIRE")) {
                ((ObjectNode) piece).put("modele", "https://exemple.gouv.fr/modeles/permis.pdf");
            }
        }

        String texte = TexteDuPdf.lire(rapport(dossier, resultat));

        assertThat(texte).contains("Complet non : 1 pièce requise manquante Maturité", "Pièces requises : 11, dont 1 manquante",
                "Manquante Permis de construire ou récépissé de dépôt (PERMIS_CONSTRUIRE) Attendu : Arrêté de permis de construire",
                "Modèle : https://exemple.gouv.fr/modeles/permis.pdf Demandée par NAT-PJ-014");
    }

    @Test
    void chaquePieceSeLitSurUneSeulePage() throws Exception {
        ObjectNode dossier = agrement();
        dossier.putArray("pieces");
        // Longer names (operation, maître d'ouvrage) move every piece down the pages: wherever the page breaks, no piece is cut
        // (the 38th layout cut the PRIX_REVIENT piece in two when only its first three lines had to fit).
        for (int essai = 0; essai < 48; essai++) {
            ((ObjectNode) dossier.get("operation")).put("nom", "Résidence des Tilleuls ".repeat(1 + essai % 8).strip());
            ((ObjectNode) dossier.get("maitreOuvrage")).put("raisonSociale", "Office public de l'habitat ".repeat(1 + essai / 8).strip());
            JsonNode resultat = evaluer(dossier);
            List<String> pages = TexteDuPdf.parPage(rapport(dossier, resultat));
            assertThat(pages).hasSizeGreaterThan(1);
            for (JsonNode piece : resultat.get("piecesRequises")) {
                // From its state to the rule that asks for it: five lines or so, and its label on one line.
                String bloc = "Manquante" + (piece.get("bloquante").asBoolean() ? ", bloquante " : " ") + piece.get("libelle").asString()
                        + " (" + piece.get("code").asString() + ") Attendu : " + piece.get("attendus").asString() + " Demandée par "
                        + piece.get("motifs").get(0).get("regle").asString();
                assertThat(pages).as("essai " + essai + ", " + piece.get("code").asString()).anySatisfy(page -> assertThat(page).contains(bloc));
            }
        }
    }

    private static ObjectNode agrement() throws Exception {
        return (ObjectNode) Json.MAPPER.readTree(Files.readString(Path.of("rules/cas/agrement.json")));
    }

    private static JsonNode evaluer(ObjectNode dossier) {
        return Json.MAPPER.readTree(SOCLE.evaluer(new LecteurDossier().lire(Json.MAPPER.writeValueAsBytes(dossier))).enJson());
    }

    private static byte[] rapport(ObjectNode dossier, JsonNode resultat) {
        return rapport(dossier, resultat, null);
    }

    private static byte[] rapport(ObjectNode dossier, JsonNode resultat, RapportEvaluation.Depot depot) {
        return RapportEvaluation.pdf(new RapportEvaluation.Contenu(UUID.randomUUID().toString(), "bailleur",
                OffsetDateTime.parse("2026-12-07T10:00:00Z"), resultat.get("empreinte").asString(), dossier, resultat, depot));
    }

    /**
     * A message is typed by people: 10 000 characters (the most a deposit or a request takes), in paragraphs separated
     * as Windows separates them, with a tab, a bell and an emoji. The answer's report prints it over pages, every word,
     * rather than fail.
     */
    @Test
    void laReponseAuxComplementsSImprimeEntiereQuelleQueSoitSaLongueur() throws Exception {
        ObjectNode dossier = agrement();
        JsonNode resultat = evaluer(dossier);
        String paragraphe = "Le plan de masse\tsigné est joint \uD83D\uDCCE ; le prix de revient suit.\u0007\r\n";
        int paragraphes = (10_000 - "FIN-DU-MESSAGE".length()) / paragraphe.length();
        String message = paragraphe.repeat(paragraphes) + "FIN-DU-MESSAGE";
        RapportEvaluation.Depot depot = new RapportEvaluation.Depot(message, new RapportEvaluation.Complements(
                "Le plan de masse signé.\r\nLe prix de revient.", List.of(
                        new RapportEvaluation.PieceDemandee("PLAN_MASSE", "Plan de masse", true),
                        new RapportEvaluation.PieceDemandee("PRIX_REVIENT", "Prix de revient prévisionnel HT", false)), 203,
                List.of("Ajout : pièce PLAN_MASSE", "Lot PLUS, logement P01, loyer mensuel : 399,3 → 390")),
                java.time.LocalDate.of(2026, 10, 31), java.time.LocalDate.of(2027, 2, 28));

        byte[] pdf = rapport(dossier, resultat, depot);
        String texte = TexteDuPdf.lire(pdf);

        assertThat(texte).contains("Évaluation du dépôt d'un dossier de demande d'agrément", "Demande Le plan de masse signé.",
                "Pièces demandées 2 pièces, dont 1 déclarée autrement", "Modifiée Plan de masse (PLAN_MASSE)",
                "Inchangée Prix de revient prévisionnel HT (PRIX_REVIENT)", "Changements 203 changements depuis le dépôt précédent : Ajout : pièce PLAN_MASSE"
                        + " Lot PLUS, logement P01, loyer mensuel : 399,3 → 390 … et 201 autres, que donne l'historique du dossier",
                "Réponse du bailleur Le plan de masse", "FIN-DU-MESSAGE");
        assertThat(texte.split("prix de revient suit", -1).length - 1).as("chaque paragraphe").isEqualTo(paragraphes);
        assertThat(TexteDuPdf.pages(pdf)).isGreaterThan(TexteDuPdf.pages(rapport(dossier, resultat)) + 2);
        assertThat(texte.replaceAll("\\s+", " ")).contains("Délai de décision jusqu'au 28 février 2027, quatre mois à compter de la"
                + " demande (déposée le 31 octobre 2026)");
        // A programming request is not a request for a decision: no délai on its deposit's report.
        dossier.put("phase", "PROGRAMMATION");
        assertThat(TexteDuPdf.lire(rapport(dossier, evaluer(dossier), depot))).doesNotContain("Délai de décision");
    }

    @Test
    void unRapportDeMilliersDAnomaliesSArreteAuxTroisCentsPremieres() throws Exception {
        ObjectNode dossier = agrement();
        ObjectNode operation = (ObjectNode) dossier.get("operation");
        operation.put("nom", "X".repeat(200));
        ObjectNode lot = (ObjectNode) operation.get("lots").get(0);
        ObjectNode modele = (ObjectNode) lot.get("logements").get(0);
        ArrayNode logements = lot.putArray("logements");
        for (int i = 1; i <= 400; i++) {
            logements.add(modele.deepCopy().put("designation", "L" + i).put("surfaceUtile", 66.0));
        }
        JsonNode resultat = evaluer(dossier);
        int anomalies = resultat.get("anomalies").size();
        assertThat(anomalies).isGreaterThan(RapportEvaluation.ANOMALIES_IMPRIMEES + 50);

        byte[] pdf = rapport(dossier, resultat);
        String texte = TexteDuPdf.lire(pdf);

        assertThat(texte).contains(resultat.get("anomalies").get(RapportEvaluation.ANOMALIES_IMPRIMEES - 1).get("message").asString())
                .doesNotContain(resultat.get("anomalies").get(RapportEvaluation.ANOMALIES_IMPRIMEES).get("message").asString())
                .contains("… et " + (anomalies - RapportEvaluation.ANOMALIES_IMPRIMEES) + " autres anomalies, que donne l'évaluation en JSON (GET /api/v1/evaluations/")
                .contains("Anomalies (" + anomalies + ")")
                // Cut where the line ends rather than run off the page: every X is printed.
                .contains("X".repeat(50));
        assertThat(texte.chars().filter(c -> c == 'X').count()).isGreaterThanOrEqualTo(200);
        assertThat(TexteDuPdf.pages(pdf)).isGreaterThan(10);
        assertThat(texte).contains("Évalué le 7 décembre 2026 à 11 h 00 (heure de Paris), par bailleur");
    }
}
