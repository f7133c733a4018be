package fr.harmonie.regles.faits;

import org.kie.api.definition.rule.Rule;

public record DimensionMaturite(String code, String libelle, double points, double maximum, String explication, Rule regle) {

    public String getCode() { return code; }
    public double getPoints() { return points; }
    public double getMaximum() { return maximum; }
}
