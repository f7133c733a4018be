package fr.harmonie.regles.faits;

import org.kie.api.definition.rule.Rule;

/**
 * Une anomalie relevée par une règle. La gravité peut être relevée (jamais abaissée) par un pack territorial entre
 * l'étape « anomalies » et l'étape « maturité »: c'est le seul champ modifiable.
 */
public final class Anomalie {

    private final String code;
    private Gravite gravite;
    private final String champ;
    private final String message;
    private final Rule regle;

    public Anomalie(String code, Gravite gravite, String champ, String message, Rule regle) {
        this.code = code;
        this.gravite = gravite;
        this.champ = champ;
        this.message = message;
        this.regle = regle;
    }

    public String getCode() { return code; }
    public Gravite getGravite() { return gravite; }
    public void setGravite(Gravite gravite) { this.gravite = gravite; }
    public String getChamp() { return champ; }
    public String getMessage() { return message; }
    public Rule getRegle() { return regle; }
}
