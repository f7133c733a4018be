package fr.harmonie.dossiers;

import fr.harmonie.dossier.DossierInvalideException;
import fr.harmonie.dossier.Violation;
import fr.harmonie.json.Json;
import fr.harmonie.json.Textes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Un dossier gardé l'est en jsonb, qui refuse deux choses que JSON permet d'écrire: le caractère NUL ({@code \u005Cu0000})
 * et une demi-paire de substitution isolée ({@code \u005CuD800} seul). L'évaluation sans compte les accepte, puisqu'elle ne
 * garde rien; pour un dossier gardé, chaque texte en cause est nommé par son pointeur, au lieu d'une erreur de la base.
 */
final class TextesConservables {

    private TextesConservables() {
    }

    /** @throws DossierInvalideException 400, une violation par texte que la base ne peut pas garder */
    static void verifier(byte[] corps) {
        List<Violation> violations = new ArrayList<>();
        parcourir(Json.MAPPER.readTree(corps), "", violations);
        if (!violations.isEmpty()) {
            throw new DossierInvalideException("Dossier non conservable",
                    "Le dossier contient des caractères qui ne peuvent pas être gardés : retirez-les.", violations);
        }
    }

    private static void parcourir(JsonNode noeud, String pointeur, List<Violation> violations) {
        if (noeud.isString() && !Textes.conservable(noeud.asString())) {
            violations.add(new Violation(pointeur,
                    "caractère NUL (U+0000) ou demi-paire de substitution isolée (U+D800 à U+DFFF) : retirez-le."));
        } else if (noeud.isObject()) {
            for (Map.Entry<String, JsonNode> e : noeud.properties()) {
                parcourir(e.getValue(), pointeur + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), violations);
            }
        } else if (noeud.isArray()) {
            for (int i = 0; i < noeud.size(); i++) {
                parcourir(noeud.get(i), pointeur + "/" + i, violations);
            }
        }
    }
}
