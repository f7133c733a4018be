package fr.harmonie.rapport;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;

/** What every report of an evaluation must print of its result, whoever asked for it and whether it is kept or not. */
final class ResultatImprime {

    private ResultatImprime() {
    }

    /** Each pack with its hash, each required piece with its state, each anomaly with its gravité, each next step. */
    static void verifier(String texte, JsonNode resultat) {
        for (JsonNode pack : resultat.get("territoire").get("packs")) {
            assertThat(texte).contains(pack.get("id").asString() + "@" + pack.get("version").asString() + " : " + pack.get("empreinte").asString());
        }
        for (JsonNode piece : resultat.get("piecesRequises")) {
            String etat = (piece.get("statut").asString().equals("MANQUANTE") ? "Manquante" : "Fournie")
                    + (piece.get("bloquante").asBoolean() ? ", bloquante" : "");
            assertThat(texte).contains(etat + " " + piece.get("libelle").asString() + " (" + piece.get("code").asString() + ")");
        }
        for (JsonNode anomalie : resultat.get("anomalies")) {
            assertThat(texte).contains(anomalie.get("gravite").asString() + " " + anomalie.get("message").asString()
                    + " (" + anomalie.get("code").asString());
        }
        for (JsonNode etape : resultat.get("maturite").get("prochainesEtapes")) {
            assertThat(texte).contains(etape.asString());
        }
    }
}
