package fr.harmonie.regles.faits;

import org.kie.api.definition.rule.Rule;

/** Une règle exige une pièce. Plusieurs règles peuvent exiger la même: elles deviennent ses motifs. */
public record PieceExigee(String code, boolean bloquante, Rule regle) {

    public String getCode() { return code; }
    public boolean isBloquante() { return bloquante; }
}
