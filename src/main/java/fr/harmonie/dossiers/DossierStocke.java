package fr.harmonie.dossiers;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * {@code chaine}, {@code dateReferenceDepot} and {@code evaluationDepot}: the pack versions, the date of rules and
 * parameters, and the sealed evaluation of the last deposit (null before any deposit). {@code contenu}: the dossier as
 * stored, or null when read for a list, which shows its {@code apercu} only. {@code messageInstruction}: the last word of
 * the instruction to the bailleur; {@code messageDepot}: the bailleur's word with its last deposit, made at {@code deposeLe};
 * {@code piecesDemandees}: the pieces the last request for compléments names (JSON), null when it named none;
 * {@code decision}: FAVORABLE or DEFAVORABLE, as the service said it when closing the instruction (null before, or unsaid);
 * {@code messageRetrait}: what the bailleur said when withdrawing its request (RETIRE); {@code premierDepotLe}: its first
 * deposit, the date of the request (an answer to compléments deposits it again, {@code deposeLe}, not anew);
 * {@code statutDepuis}: when it entered its status (the decision of an INSTRUIT dossier, the request of compléments
 * awaiting the bailleur's answer), which neither CONFIER nor CORRIGER_DECISION nor an edit changes; {@code modifiePar}:
 * the account whose change {@code modifieLe} dates (null for a dossier whose journal kept nothing).
 */
public record DossierStocke(UUID id, long organisation, String statut, String contenu, Map<String, Object> apercu, int version,
                            String territoire, String region, String messageInstruction, String messageDepot, String chaine,
                            LocalDate dateReferenceDepot, UUID evaluationDepot, OffsetDateTime deposeLe, OffsetDateTime creeLe,
                            OffsetDateTime modifieLe, String instructeur, String piecesDemandees,
                            String decision, String messageRetrait, OffsetDateTime premierDepotLe,
                            OffsetDateTime statutDepuis, String modifiePar) {

    public boolean modifiable() {
        return statut.equals("BROUILLON") || statut.equals("COMPLEMENTS_DEMANDES");
    }

    /** Its version as the ETag header gives it, « "2" »: what If-Match names. */
    public String etag() {
        return "\"" + version + "\"";
    }
}
