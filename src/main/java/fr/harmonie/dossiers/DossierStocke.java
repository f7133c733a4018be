package fr.harmonie.dossiers;

import java.time.OffsetDateTime;
import java.util.UUID;

public record DossierStocke(UUID id, long organisation, String statut, String contenu, int version, String territoire,
                            String region, String messageInstruction, String chaine, OffsetDateTime creeLe,
                            OffsetDateTime modifieLe) {

    public boolean modifiable() {
        return statut.equals("BROUILLON") || statut.equals("COMPLEMENTS_DEMANDES");
    }
}
