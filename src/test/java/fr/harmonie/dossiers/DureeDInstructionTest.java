package fr.harmonie.dossiers;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.dossiers.DureeDInstruction.Etape;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How long an instruction took, and how much of it was the service's: the time a bailleur took to answer compléments
 * is not the service's delay.
 */
class DureeDInstructionTest {

    private static Etape le(String action, String quand) {
        return new Etape(action, Instant.parse(quand));
    }

    @Test
    void sansComplementsToutLeDelaiEstAuService() {
        DureeDInstruction d = DureeDInstruction.de(List.of(le("DEPOT", "2026-12-01T09:00:00Z"), le("INSTRUIRE", "2026-12-16T09:00:00Z")));
        assertThat(d).isEqualTo(new DureeDInstruction(15, 15));
    }

    /** Deposited on 1 December, compléments asked on the 10th, answered on the 30th, instructed on 5 January. */
    @Test
    void lAttenteDeLaReponseDuBailleurNestPasAuService() {
        DureeDInstruction d = DureeDInstruction.de(List.of(le("DEPOT", "2026-12-01T09:00:00Z"),
                le("DEMANDER_COMPLEMENTS", "2026-12-10T09:00:00Z"), le("DEPOT", "2026-12-30T09:00:00Z"),
                le("INSTRUIRE", "2027-01-05T09:00:00Z")));
        assertThat(d.totalJours()).isEqualTo(35);
        assertThat(d.auServiceJours()).isEqualTo(9 + 6);
    }

    @Test
    void deuxDemandesDeComplementsEtDesHeuresComptentAuDixieme() {
        DureeDInstruction d = DureeDInstruction.de(List.of(le("DEPOT", "2026-11-02T08:00:00Z"),
                le("DEMANDER_COMPLEMENTS", "2026-11-04T20:00:00Z"), le("DEPOT", "2026-11-20T08:00:00Z"),
                le("DEMANDER_COMPLEMENTS", "2026-11-21T08:00:00Z"), le("DEPOT", "2026-12-01T08:00:00Z"),
                le("INSTRUIRE", "2026-12-03T08:00:00Z")));
        assertThat(d.totalJours()).isEqualTo(31);
        assertThat(d.auServiceJours()).isEqualTo(2.5 + 1 + 2);
    }

    /**
     * The service closes only a dossier in its hands, but a journal imported from elsewhere may close one waiting for
     * compléments: the instruction still counts, the wait not as the service's.
     */
    @Test
    void uneClotureEnAttenteDesComplementsCompteSansLAttente() {
        DureeDInstruction d = DureeDInstruction.de(List.of(le("DEPOT", "2026-12-01T09:00:00Z"),
                le("DEMANDER_COMPLEMENTS", "2026-12-05T09:00:00Z"), le("INSTRUIRE", "2026-12-20T09:00:00Z")));
        assertThat(d).isEqualTo(new DureeDInstruction(19, 4));
    }

    /**
     * Closed on the 10th by mistake, reopened on the 12th, closed on the 20th: one instruction of 19 days, all of it the
     * service's (the dossier never left its hands).
     */
    @Test
    void uneClotureDefaiteParUneReouvertureNeCoupePasLInstruction() {
        DureeDInstruction d = DureeDInstruction.de(List.of(le("DEPOT", "2026-12-01T09:00:00Z"),
                le("INSTRUIRE", "2026-12-10T09:00:00Z"), le("INSTRUIRE", "2026-12-20T09:00:00Z")));
        assertThat(d).isEqualTo(new DureeDInstruction(19, 19));
    }

    @Test
    void uneClotureSansDepotNeSeMesurePas() {
        assertThat(DureeDInstruction.de(List.of(le("INSTRUIRE", "2026-12-03T08:00:00Z")))).isNull();
        assertThat(DureeDInstruction.de(List.of(le("DEPOT", "2026-12-03T08:00:00Z")))).isNull();
    }
}
