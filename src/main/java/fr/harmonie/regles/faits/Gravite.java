package fr.harmonie.regles.faits;

/** Ordre de déclaration = ordre de tri des anomalies (la plus grave d'abord). */
public enum Gravite {
    BLOQUANTE, MAJEURE, MINEURE, INFO;

    public boolean plusGraveQue(Gravite autre) {
        return ordinal() < autre.ordinal();
    }
}
