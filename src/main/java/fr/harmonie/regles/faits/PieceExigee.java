package fr.harmonie.regles.faits;

import fr.harmonie.regles.Origine;
import org.kie.api.definition.rule.Rule;

/**
 * Une règle exige une pièce. Plusieurs règles peuvent exiger la même: elles deviennent ses motifs. Une pièce ajoutée
 * par une surcharge territoriale n'a pas de règle DRL mais l'origine de sa déclaration.
 */
public record PieceExigee(String code, boolean bloquante, Rule regle, Origine origine) {

    public PieceExigee(String code, boolean bloquante, Rule regle) {
        this(code, bloquante, regle, null);
    }

    public String getCode() { return code; }
    public boolean isBloquante() { return bloquante; }
}
