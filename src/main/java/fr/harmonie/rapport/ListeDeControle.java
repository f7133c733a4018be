package fr.harmonie.rapport;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.GregorianCalendar;
import tools.jackson.databind.JsonNode;

/**
 * La liste de contrôle d'un dossier déposé, sur papier : le dossier, chaque pièce requise à son dernier dépôt avec ce
 * que le bailleur en a déclaré et ce que l'instructeur en a jugé, et une place pour le visa du chef de service. Ce que
 * le service joint au dossier papier, ou remet au collègue qui reprend le dossier. Elle imprime ce que donne
 * {@code GET /api/v1/dossiers/{id}/controle}, avec le dossier.
 */
public final class ListeDeControle {

    private static final float COLONNE = 150;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private ListeDeControle() {
    }

    /**
     * {@code dossier}: id, reference, operation, commune, raisonSociale, territoire, statut, instructeur (each may be
     * absent); {@code controle}: the checklist as the API gives it; {@code imprimeLe}: the instant it is printed.
     */
    public static byte[] pdf(JsonNode dossier, JsonNode controle, OffsetDateTime imprimeLe) {
        String id = dossier.path("id").asString("");
        String le = jourAParis(imprimeLe.toString());
        try (PagesPdf pages = new PagesPdf("Liste de contrôle du dossier " + dossier.path("reference").asString(id),
                GregorianCalendar.from(imprimeLe.atZoneSameInstant(PARIS)), id.hashCode())) {
            pages.titre("Liste de contrôle du dépôt");
            pages.ligneEtiquetee("Dossier", dossier.path("reference").asString("(sans référence)") + " — " + id, COLONNE);
            ligne(pages, "Opération", dossier.path("operation"));
            ligne(pages, "Commune", dossier.path("commune"));
            ligne(pages, "Maître d'ouvrage", dossier.path("raisonSociale"));
            ligne(pages, "Service (pack)", dossier.path("territoire"));
            ligne(pages, "Statut", dossier.path("statut"));
            ligne(pages, "Instructeur", dossier.path("instructeur"));
            if (controle.has("deposeLe")) {
                pages.ligneEtiquetee("Dernier dépôt", jourAParis(controle.path("deposeLe").asString())
                        + " (évaluation " + controle.path("evaluationDepot").asString("") + ")", COLONNE);
            }
            JsonNode bilan = controle.path("bilan");
            pages.ligneEtiquetee("Bilan", bilan.path("CONFORME").asLong() + " conforme(s), " + bilan.path("NON_CONFORME").asLong()
                    + " non conforme(s), " + bilan.path("A_VERIFIER").asLong() + " à vérifier", COLONNE);
            pages.intertitre("Pièces requises au dépôt");
            if (controle.path("pieces").isEmpty()) {
                pages.paragraphe("Aucune : le dossier a été déposé avant que les dépôts soient scellés.");
            }
            for (JsonNode piece : controle.path("pieces")) {
                StringBuilder texte = new StringBuilder(piece.path("libelle").asString("") + " (" + piece.path("code").asString("") + ")"
                        + (piece.path("bloquante").asBoolean() ? ", bloquante" : "") + "\nDéclarée au dépôt : "
                        + ("FOURNIE".equals(piece.path("statutAuDepot").asString()) ? "fournie" : "manquante"));
                if (piece.has("qui")) {
                    texte.append("\nJugée par ").append(piece.path("qui").asString()).append(" le ")
                            .append(jourAParis(piece.path("quand").asString()))
                            .append(piece.path("avantDernierDepot").asBoolean() ? ", avant le dernier dépôt : à revoir" : "");
                }
                if (piece.has("commentaire")) {
                    texte.append("\n").append(piece.path("commentaire").asString());
                }
                pages.ligneEtiquetee(etat(piece.path("etat").asString()), texte.toString(), COLONNE);
            }
            pages.intertitre("Visa");
            pages.paragraphe("Imprimée le " + le + ". Nom, date et signature du chef de service :");
            pages.espace(48);
            return pages.octets("Harmonie — liste de contrôle — " + id);
        }
    }

    /** « 8 décembre 2026 »: the day in Paris of an instant as the API writes it. */
    private static String jourAParis(String instant) {
        return Libelles.jour(OffsetDateTime.parse(instant).atZoneSameInstant(PARIS).toLocalDate().toString());
    }

    private static void ligne(PagesPdf pages, String etiquette, JsonNode valeur) {
        if (!valeur.isMissingNode() && !valeur.isNull()) {
            pages.ligneEtiquetee(etiquette, valeur.asString(""), COLONNE);
        }
    }

    private static String etat(String etat) {
        return switch (etat) {
            case "CONFORME" -> "Conforme";
            case "NON_CONFORME" -> "Non conforme";
            default -> "À vérifier";
        };
    }
}
