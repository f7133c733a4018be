package fr.harmonie.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.evaluation.Resultat.Maturite;
import fr.harmonie.evaluation.Resultat.Niveau;
import fr.harmonie.regles.SocleNational;
import fr.harmonie.regles.faits.EtapePossible;
import fr.harmonie.regles.faits.Parametres;
import fr.harmonie.regles.faits.PointsMaturite;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Les prochaines étapes, choisies parmi ce que les règles disent que chaque action rapporterait: ce qu'un bailleur lit
 * pour savoir quoi faire d'abord. Les poids et seuils sont ceux du socle (mûr à 80, à consolider à 50).
 */
class CalculMaturiteTest {

    private static final Parametres SOCLE = new Parametres(SocleNational.charger(Path.of("rules")).parametres(), LocalDate.of(2026, 6, 1));

    private static PointsMaturite points(String dimension, double points) {
        return new PointsMaturite(dimension, points, dimension.toLowerCase(), null);
    }

    private static EtapePossible etape(String action, double gain, boolean bloqueDepot, boolean bloqueMaturite) {
        return new EtapePossible(action, gain, bloqueDepot, bloqueMaturite, null);
    }

    private static final List<PointsMaturite> SANS_QUALITE = List.of(points("FONCIER", 25), points("URBANISME", 12),
            points("FINANCEMENT", 10), points("COMPLETUDE", 15));

    /**
     * Two blocking anomalies: each fix restores the same quality points, so fixing both is worth them once. At 62
     * points, the two fixes reach 72, not 82: one more action is needed to be mature, the most valuable one.
     */
    @Test
    void deuxAnomaliesBloquantesComptentUneFoisLesPointsDeQualiteQuEllesRetablissent() {
        Maturite m = CalculMaturite.calculer(SANS_QUALITE, List.of(
                etape("Corriger : plan de financement déséquilibré", 10, true, true),
                etape("Corriger : courrier non signé", 10, true, true),
                etape("Obtenir le permis de construire", 8, false, false),
                etape("Obtenir l'accord des financeurs", 15, false, false)), true, 4, 4, SOCLE);

        assertThat(m.score()).isEqualTo(62);
        assertThat(m.niveau()).isEqualTo(Niveau.A_CONSOLIDER);
        assertThat(m.prochainesEtapes()).containsExactly(
                "Corriger : courrier non signé (bloquant)",
                "Corriger : plan de financement déséquilibré (bloquant)",
                "Obtenir l'accord des financeurs (+15 points)");
    }

    /**
     * Premature, aiming at 50: fixing one of two blocking anomalies restores no quality point, so the two fixes go
     * together and count the quality once. At 37 they reach 47, not 57: one more action is needed.
     */
    @Test
    void unDossierPrematureCorrigeSesAnomaliesBloquantesEnsembleEtLesCompteUneFois() {
        List<PointsMaturite> premature = List.of(points("FONCIER", 15), points("URBANISME", 12), points("FINANCEMENT", 10));
        Maturite m = CalculMaturite.calculer(premature, List.of(
                etape("Corriger : plan de financement déséquilibré", 10, true, true).corrigeant("PLAN_FINANCEMENT_DESEQUILIBRE"),
                etape("Corriger : courrier non signé", 10, true, true).corrigeant("COURRIER_NON_SIGNE"),
                etape("Obtenir le permis de construire", 8, false, false),
                etape("Fournir la pièce « Plan de masse »", 4, false, false)), true, 0, 4, SOCLE);

        assertThat(m.score()).isEqualTo(37);
        assertThat(m.niveau()).isEqualTo(Niveau.PREMATUREE);
        assertThat(m.prochainesEtapes()).containsExactly(
                "Corriger : courrier non signé (bloquant)",
                "Corriger : plan de financement déséquilibré (bloquant)",
                "Obtenir le permis de construire (+8 points)");

        // The same steps from a pack whose rules do not name their anomalies (national 2026.2 and before): the plan
        // those evaluations were sealed with, so that replaying a deposit still gives its receipt.
        Maturite scellee = CalculMaturite.calculer(premature, List.of(
                etape("Corriger : plan de financement déséquilibré", 10, true, true),
                etape("Corriger : courrier non signé", 10, true, true),
                etape("Obtenir le permis de construire", 8, false, false)), true, 0, 4, SOCLE);
        assertThat(scellee.prochainesEtapes()).containsExactly(
                "Corriger : courrier non signé (bloquant)", "Corriger : plan de financement déséquilibré (bloquant)");
    }

    /**
     * An action on the data that also fixes an anomaly (balancing the plan fixes "plan déséquilibré") is one action:
     * proposed once, under the anomaly's words, for both gains, and chosen for their sum.
     */
    @Test
    void uneActionQuiCorrigeAussiUneAnomalieNEstProposeeQuUneFoisPourLesDeuxGains() {
        Maturite m = CalculMaturite.calculer(List.of(points("FONCIER", 25), points("URBANISME", 20), points("FINANCEMENT", 4),
                points("COMPLETUDE", 15), points("QUALITE", 8)), List.of(
                etape("Obtenir l'accord des financeurs", 11, false, false),
                etape("Équilibrer le plan de financement", 10, false, false).corrigeantAussi("PLAN_FINANCEMENT_DESEQUILIBRE"),
                etape("Corriger : plan déséquilibré", 2, false, false).corrigeant("PLAN_FINANCEMENT_DESEQUILIBRE")),
                false, 4, 4, SOCLE);

        assertThat(m.score()).isEqualTo(72);
        assertThat(m.prochainesEtapes()).containsExactly("Corriger : plan déséquilibré (+12 points)");
    }

    /** Mature already: what still stands between the dossier and its deposit, then the three best remaining gains. */
    @Test
    void unDossierMurVoitDAbordCeQuiEmpecheLeDepotPuisTroisGainsAuPlus() {
        Maturite m = CalculMaturite.calculer(List.of(points("FONCIER", 25), points("URBANISME", 20), points("FINANCEMENT", 17),
                points("COMPLETUDE", 12), points("QUALITE", 10)), List.of(
                etape("Purger le permis de construire de tout recours", 5, false, false),
                etape("Fournir la pièce « Plan de masse » (bloquante)", 3, true, false),
                etape("Obtenir l'accord des financeurs", 8, false, false),
                etape("Fournir la pièce « Note descriptive »", 1, false, false),
                etape("Fournir la pièce « Avis des domaines »", 2, false, false),
                etape("Rien à gagner", 0, false, false)), false, 3, 5, SOCLE);

        assertThat(m.score()).isEqualTo(84);
        assertThat(m.niveau()).isEqualTo(Niveau.MURE);
        assertThat(m.prochainesEtapes()).containsExactly(
                "Fournir la pièce « Plan de masse » (bloquante) (+3 points)",
                "Obtenir l'accord des financeurs (+8 points)",
                "Purger le permis de construire de tout recours (+5 points)",
                "Fournir la pièce « Avis des domaines » (+2 points)");
    }

    /**
     * Gains as a territory that gives urbanism 40 points has them: a dossier at 59 whose permit is not filed cannot be
     * mature by what it can do now (filing brings 19,2, the grants 0,9: 79). The plan goes on to obtaining the permit
     * once filed, and is then the shortest: filing and obtaining (91), without the grants. Where what can be done now is enough, the
     * later steps stay out of the plan: filing, then the grants, to 80.
     */
    @Test
    void quandLesActionsPossiblesNeSuffisentPasLePlanVaJusquAObtenirLePermis() {
        List<PointsMaturite> acquis = List.of(points("FONCIER", 25), points("FINANCEMENT", 19.1), points("COMPLETUDE", 15));
        List<EtapePossible> etapes = List.of(
                etape("Déposer le permis de construire", 19.2, false, false),
                etape("Obtenir le permis de construire", 12.8, false, false).apres("Déposer le permis de construire"),
                etape("Purger le permis de construire de tout recours", 8, false, false).apres("Obtenir le permis de construire"),
                etape("Obtenir l'accord des financeurs", 0.9, false, false));

        Maturite m = CalculMaturite.calculer(acquis, etapes, false, 0, 0, SOCLE);

        assertThat(m.score()).isEqualTo(59);
        assertThat(m.prochainesEtapes()).containsExactly(
                "Déposer le permis de construire (+19,2 points)",
                "Obtenir le permis de construire (+12,8 points)");

        Maturite assez = CalculMaturite.calculer(List.of(points("FONCIER", 25), points("FINANCEMENT", 20), points("COMPLETUDE", 15)),
                etapes, false, 0, 0, SOCLE);
        assertThat(assez.prochainesEtapes()).containsExactly(
                "Déposer le permis de construire (+19,2 points)",
                "Obtenir l'accord des financeurs (+0,9 point)");
    }

    /**
     * A VEFA whose permit is not filed, at 55: filing is folded into fixing the blocking anomaly (75), and opens the
     * next step, which reaches 81.
     */
    @Test
    void deposerLePermisEnCorrigeantLAnomalieOuvreLEtapeDApres() {
        List<PointsMaturite> acquis = List.of(points("FONCIER", 25), points("FINANCEMENT", 15), points("COMPLETUDE", 15));
        Maturite m = CalculMaturite.calculer(acquis, List.of(
                etape("Corriger : permis du promoteur non déposé", 10, true, true).corrigeant("VEFA_PERMIS_NON_DEPOSE"),
                etape("Déposer le permis de construire", 9.6, false, false).corrigeantAussi("VEFA_PERMIS_NON_DEPOSE"),
                etape("Obtenir le permis de construire", 6.4, false, false).apres("Déposer le permis de construire")),
                true, 0, 0, SOCLE);

        assertThat(m.score()).isEqualTo(55);
        assertThat(m.niveau()).isEqualTo(Niveau.A_CONSOLIDER);
        assertThat(m.prochainesEtapes()).containsExactly(
                "Corriger : permis du promoteur non déposé (bloquant)",
                "Obtenir le permis de construire (+6,4 points)");
    }

    /**
     * A step offered only if needed (fixing every anomaly at once, +10) stays out of a plan that reaches the level
     * without it, even where it is worth more than each step of that plan (filing +6, the grants +5: 70 → 81); it
     * comes in when they are not enough (60 → 71 by them, 81 with it).
     */
    @Test
    void uneEtapeProposeeSeulementSiNecessaireNEntreQueSiLesAutresNeSuffisentPas() {
        List<EtapePossible> etapes = List.of(
                etape("Corriger toutes les anomalies relevées, soit 6 majeures", 10, false, false).seulementSiNecessaire(),
                etape("Déposer le permis de construire", 6, false, false),
                etape("Obtenir l'accord des financeurs", 5, false, false));

        Maturite assez = CalculMaturite.calculer(
                List.of(points("FONCIER", 25), points("FINANCEMENT", 25), points("COMPLETUDE", 15), points("QUALITE", 5)),
                etapes, false, 0, 0, SOCLE);
        assertThat(assez.score()).isEqualTo(70);
        assertThat(assez.prochainesEtapes()).containsExactly(
                "Déposer le permis de construire (+6 points)", "Obtenir l'accord des financeurs (+5 points)");

        Maturite court = CalculMaturite.calculer(
                List.of(points("FONCIER", 25), points("FINANCEMENT", 15), points("COMPLETUDE", 15), points("QUALITE", 5)),
                etapes, false, 0, 0, SOCLE);
        assertThat(court.score()).isEqualTo(60);
        assertThat(court.prochainesEtapes()).containsExactly(
                "Corriger toutes les anomalies relevées, soit 6 majeures (+10 points)",
                "Déposer le permis de construire (+6 points)", "Obtenir l'accord des financeurs (+5 points)");
    }
}
