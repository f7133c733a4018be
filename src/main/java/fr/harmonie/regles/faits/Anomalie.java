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
    private final fr.harmonie.regles.Origine origine;

    public Anomalie(String code, Gravite gravite, String champ, String message, Rule regle) {
        this(code, gravite, champ, message, regle, null);
    }

    /** Une anomalie posée par une surcharge déclarée (avis de calendrier), qui n'a pas de règle DRL. */
    public Anomalie(String code, Gravite gravite, String champ, String message, Rule regle, fr.harmonie.regles.Origine origine) {
        this.code = code;
        this.gravite = gravite;
        this.champ = champ;
        this.message = message;
        this.regle = regle;
        this.origine = origine;
    }

    public fr.harmonie.regles.Origine getOrigine() { return origine; }

    public String getCode() { return code; }
    public Gravite getGravite() { return gravite; }
    public void setGravite(Gravite gravite) { this.gravite = gravite; }
    public String getChamp() { return champ; }
    public String getMessage() { return message; }
    public Rule getRegle() { return regle; }
}
