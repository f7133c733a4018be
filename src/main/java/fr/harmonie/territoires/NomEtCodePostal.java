package fr.harmonie.territoires;

import fr.harmonie.json.Citations;
import fr.harmonie.web.ProblemeHttpException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * What a search for a commune asks, read as people write it: a name, a postal code, or both, the postal code often
 * within the name as in an address (« Rouen 76000 », « 76000 Rouen »). A name that is only a five-digit code is no
 * name: which search it meant is said, with the commune that bears it as an INSEE code. A postal code is five digits.
 */
record NomEtCodePostal(String nom, String codePostal) {

    private static final Pattern CINQ_CHIFFRES = Pattern.compile("[0-9]{5}");

    static NomEtCodePostal lire(String nom, String codePostal, Geographie geo) {
        if (codePostal != null && !CINQ_CHIFFRES.matcher(codePostal).matches()) {
            throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Code postal invalide",
                    "« " + Citations.abregee(codePostal, 20) + " » n'est pas un code postal : cinq chiffres.");
        }
        if (nom == null) {
            return new NomEtCodePostal(null, codePostal);
        }
        String ecrit = nom.strip();
        if (CINQ_CHIFFRES.matcher(ecrit).matches()) {
            Geographie.Commune commune = geo.commune(ecrit);
            throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Nom de commune attendu", "« " + ecrit + " » est un code, pas"
                    + " un nom : codePostal=" + ecrit + " cherche les communes qui portent ce code postal"
                    + (commune == null ? "" : " ; /api/v1/communes/" + ecrit + " lit la commune de ce code INSEE, " + commune.nom())
                    + ".");
        }
        List<String> mots = new ArrayList<>(List.of(ecrit.split("[\\s,]+")));
        List<String> codes = mots.stream().filter(m -> CINQ_CHIFFRES.matcher(m).matches()).toList();
        if (codePostal == null && codes.size() == 1 && mots.size() > 1) {
            mots.remove(codes.get(0));
            return new NomEtCodePostal(String.join(" ", mots), codes.get(0));
        }
        return new NomEtCodePostal(nom, codePostal);
    }
}
