package fr.harmonie.regles.faits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Messages are part of the receipt: a rent written « 5,53 » where it was written « 5,52 » would break every sealed
 * evaluation that holds it. {@link Fr#deuxDecimales} must keep the text of {@code String.format("%.2f")} it replaced.
 */
class FrTest {

    @Test
    void unLoyerAuM2SEcritCommeLeFormatQuIlRemplace() {
        Random hasard = new Random(20261205);
        for (int i = 0; i < 200_000; i++) {
            // Values with three decimals (where half-up rounding decides), then any double of a rent's range.
            double trois = Math.round(hasard.nextDouble() * 100_000) / 1000.0;
            double quelconque = hasard.nextDouble() * 10_000;
            assertThat(Fr.deuxDecimales(trois)).as("%s", trois).isEqualTo(String.format(Locale.FRANCE, "%.2f", trois));
            assertThat(Fr.deuxDecimales(quelconque)).as("%s", quelconque).isEqualTo(String.format(Locale.FRANCE, "%.2f", quelconque));
        }
        for (double v : new double[] {0, 5.525, 1.005, 2.675, 0.005, 5.52, 1e7, 12345678.905, -0.001, -5.5, Double.NaN}) {
            assertThat(Fr.deuxDecimales(v)).as("%s", v).isEqualTo(String.format(Locale.FRANCE, "%.2f", v));
        }
        assertThat(Fr.m2(5.2)).isEqualTo("5,20 €/m²");
    }

    @Test
    void lePremierDuMoisSEcritPremierEtLesVersionsPublieesGardentLeurTexte() {
        assertThat(Fr.jour(LocalDate.of(2026, 4, 1))).isEqualTo("1er avril 2026");
        assertThat(Fr.jour(LocalDate.of(2026, 4, 2))).isEqualTo("2 avril 2026");
        assertThat(Fr.jour(LocalDate.of(2026, 8, 31))).isEqualTo("31 août 2026");
        // What the socle up to 2026.10 wrote, and its sealed receipts hold.
        assertThat(Fr.date(LocalDate.of(2026, 4, 1))).isEqualTo("1 avril 2026");
    }

    @Test
    void unMontantSEcritEnEurosRondsOuAvecSesCentimes() {
        assertThat(Fr.montant(7128)).isEqualTo("7 128 €");
        assertThat(Fr.montant(4508.2)).isEqualTo("4 508,20 €");
        assertThat(Fr.montant(5635.25)).isEqualTo("5 635,25 €");
        assertThat(Fr.montant(1_400_000.004)).isEqualTo("1 400 000 €");
        assertThat(Fr.montant(0.5)).isEqualTo("0,50 €");
        // What the socle up to 2026.11 wrote, and its sealed receipts hold.
        assertThat(Fr.euros(4508.2)).isEqualTo("4 508,2 €");
    }

    /** What a bailleur reads in French, not a code: « PLAI adapté », « acte de vente », and the plural from two on. */
    @Test
    void lesCodesEtLesNombresSEcriventEnFrancais() {
        assertThat(Fr.produit(fr.harmonie.dossier.Produit.PLAI_ADAPTE)).isEqualTo("PLAI adapté");
        assertThat(Fr.produit(fr.harmonie.dossier.Produit.PLUS)).isEqualTo("PLUS");
        assertThat(Fr.maitrise(fr.harmonie.dossier.Foncier.Maitrise.CONTRAT_RESERVATION_VEFA)).isEqualTo("contrat de réservation (VEFA)");
        for (fr.harmonie.dossier.Foncier.Maitrise m : fr.harmonie.dossier.Foncier.Maitrise.values()) {
            assertThat(Fr.maitrise(m)).as(m.name()).doesNotContain("_").doesNotContain(m.name());
        }
        assertThat(Fr.compte(0, "anomalie majeure", "anomalies majeures")).isEqualTo("0 anomalie majeure");
        assertThat(Fr.compte(1, "anomalie majeure", "anomalies majeures")).isEqualTo("1 anomalie majeure");
        assertThat(Fr.compte(2, "anomalie majeure", "anomalies majeures")).isEqualTo("2 anomalies majeures");
    }
}
