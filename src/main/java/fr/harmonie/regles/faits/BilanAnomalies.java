package fr.harmonie.regles.faits;

import java.util.List;

/**
 * Les anomalies du dossier comptées par gravité, une fois l'étape « anomalies » close (avis de calendrier et gravités
 * relevées compris), pour les règles de maturité.
 *
 * <p>Counted once here rather than by an {@code accumulate} beside each anomaly: that form makes Drools keep one
 * tuple per pair of anomalies, so a dossier with thousands of anomalies (16 000 duplicated designations fit in the
 * contract) took minutes and gigabytes.
 */
public record BilanAnomalies(int bloquantes, int majeures, int mineures) {

    public static BilanAnomalies de(List<Anomalie> anomalies) {
        int bloquantes = 0;
        int majeures = 0;
        int mineures = 0;
        for (Anomalie a : anomalies) {
            switch (a.getGravite()) {
                case BLOQUANTE -> bloquantes++;
                case MAJEURE -> majeures++;
                case MINEURE -> mineures++;
                case INFO -> { }
            }
        }
        return new BilanAnomalies(bloquantes, majeures, mineures);
    }

    public int getBloquantes() { return bloquantes; }
    public int getMajeures() { return majeures; }
    public int getMineures() { return mineures; }
}
