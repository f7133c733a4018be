package fr.harmonie.regles;

/** Les étapes d'une évaluation, dans l'ordre; chaque règle appartient à une seule (son ruleflow-group). */
public enum Etape {
    QUALIFICATION("qualification"),
    PIECES("pieces"),
    ANOMALIES("anomalies"),
    MATURITE("maturite");

    private final String groupe;

    Etape(String groupe) {
        this.groupe = groupe;
    }

    public String groupe() {
        return groupe;
    }

    public static Etape duGroupe(String groupe) {
        for (Etape e : values()) {
            if (e.groupe.equals(groupe)) {
                return e;
            }
        }
        return null;
    }
}
