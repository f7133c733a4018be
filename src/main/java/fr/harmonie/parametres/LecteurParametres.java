package fr.harmonie.parametres;

import fr.harmonie.json.FautesDeSaisie;
import fr.harmonie.json.Json;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/**
 * Lit un fichier de paramètres YAML:
 * <pre>
 * marge-locale.plafond.PLUS:
 *   libelle: Plafond de la marge locale, PLUS
 *   valeurs:
 *     - depuis: 2023-01-01
 *       valeur: 0.15
 *       reference: DRIHL, grille des marges locales 2023
 * </pre>
 * {@code sens: plafond} ou {@code plancher} dit dans quel sens un pack territorial peut le resserrer, et
 * {@code bornes: { min, max, pourquoi }} jusqu'où: ce qui garde un sens (une part de 0 à 1, une marge positive).
 * Une valeur sans source, des périodes qui se chevauchent ou une clé en double sont des erreurs de chargement.
 */
public final class LecteurParametres {

    private LecteurParametres() {
    }

    record Fichier(String libelle, String sens, Parametre.Bornes bornes, List<Valeur> valeurs) { }

    record Valeur(LocalDate depuis, @JsonProperty("jusqua") LocalDate jusqua, Double valeur, String reference, String motif) { }

    public static Map<String, Parametre> lire(String nomFichier, String contenu) {
        Map<String, Fichier> brut;
        try {
            brut = Json.YAML.readValue(contenu, new TypeReference<LinkedHashMap<String, Fichier>>() { });
        } catch (JacksonException e) {
            throw new ParametreInvalideException(nomFichier, "ligne " + FautesDeSaisie.ligne(e, contenu)
                    + " : YAML illisible : " + FautesDeSaisie.enFrancais(e));
        }
        Map<String, Parametre> parametres = new LinkedHashMap<>();
        if (brut == null) {
            return parametres;
        }
        brut.forEach((cle, f) -> parametres.put(cle, verifier(nomFichier, cle, f)));
        return parametres;
    }

    private static Parametre verifier(String fichier, String cle, Fichier f) {
        if (f == null || f.libelle() == null || f.libelle().isBlank()) {
            throw new ParametreInvalideException(fichier, "le paramètre « " + cle + " » n'a pas de libellé");
        }
        if (f.valeurs() == null || f.valeurs().isEmpty()) {
            throw new ParametreInvalideException(fichier, "le paramètre « " + cle + " » n'a aucune valeur");
        }
        List<ValeurDatee> valeurs = new ArrayList<>();
        for (Valeur v : f.valeurs()) {
            if (v.depuis() == null || v.valeur() == null) {
                throw new ParametreInvalideException(fichier, "« " + cle + " » : chaque valeur a une date « depuis » et une « valeur »");
            }
            if (v.reference() == null || v.reference().isBlank()) {
                throw new ParametreInvalideException(fichier, "« " + cle + " » au " + v.depuis() + " : valeur sans source (« reference »)");
            }
            if (v.jusqua() != null && v.jusqua().isBefore(v.depuis())) {
                throw new ParametreInvalideException(fichier, "« " + cle + " » : « jusqua » précède « depuis »");
            }
            valeurs.add(new ValeurDatee(v.depuis(), v.jusqua(), v.valeur(), v.reference(), v.motif()));
        }
        valeurs.sort(Comparator.comparing(ValeurDatee::depuis));
        for (int i = 1; i < valeurs.size(); i++) {
            ValeurDatee avant = valeurs.get(i - 1);
            if (avant.depuis().equals(valeurs.get(i).depuis())
                    || (avant.jusqua() != null && !avant.jusqua().isBefore(valeurs.get(i).depuis()))) {
                throw new ParametreInvalideException(fichier, "« " + cle + " » : deux valeurs en vigueur le " + valeurs.get(i).depuis());
            }
        }
        if (f.sens() != null && !f.sens().equals("plafond") && !f.sens().equals("plancher")) {
            throw new ParametreInvalideException(fichier, "« " + cle + " » : sens « " + f.sens() + " » inconnu (plafond ou plancher)");
        }
        Parametre.Bornes b = f.bornes();
        if (b != null) {
            if ((b.min() == null && b.max() == null) || b.pourquoi() == null || b.pourquoi().isBlank()
                    || (b.min() != null && b.max() != null && b.min() > b.max())) {
                throw new ParametreInvalideException(fichier, "« " + cle + " » : bornes sans min ni max, sans « pourquoi »,"
                        + " ou dont le min dépasse le max");
            }
            for (ValeurDatee v : valeurs) {
                String ecart = b.ecart(v.valeur());
                if (ecart != null) {
                    throw new ParametreInvalideException(fichier, "« " + cle + " » au " + v.depuis() + " : " + ecart);
                }
            }
        }
        return new Parametre(cle, f.libelle(), f.sens(), b, List.copyOf(valeurs));
    }
}
