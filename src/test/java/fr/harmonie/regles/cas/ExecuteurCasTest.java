package fr.harmonie.regles.cas;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.dossier.LecteurDossier;
import fr.harmonie.regles.Pack;
import fr.harmonie.territoires.ChargeurPacks;
import fr.harmonie.territoires.Geographie;
import fr.harmonie.territoires.RegistrePacks;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The harness that plays every case of every pack must itself fail where a case is wrong: otherwise a rule could change
 * and its cases, all "passing", say nothing. Each wrong case here differs by one expectation from a right one.
 */
class ExecuteurCasTest {

    private static final RegistrePacks REGISTRE = ChargeurPacks.charger(Path.of("."), Geographie.chargerEmbarquee());
    private static final List<Pack> SOCLE = REGISTRE.chainesDesPacks().get(0);
    private static final ExecuteurCas EXECUTEUR = new ExecuteurCas(REGISTRE.chaine(SOCLE), new LecteurDossier(), REGISTRE);
    private static final Map<String, Object> DESEQUILIBRE = Map.of("/operation/financement/prixRevientTTC", 2100000);

    private static Cas cas(String regle, String dossier, Map<String, Object> modifier, boolean declenche, List<Cas.AnomalieAttendue> anomalies,
                           List<Cas.PieceAttendue> pieces, Map<String, Double> maturite) {
        return new Cas(regle, "essai", dossier, modifier, declenche, anomalies, pieces, maturite, null, null, null, null,
                "regles/essai.cas.yaml");
    }

    private static List<String> ecarts(Cas c) {
        return EXECUTEUR.jouer(c).ecarts();
    }

    private static Cas.AnomalieAttendue anomalie(String gravite, String champ, String message) {
        return new Cas.AnomalieAttendue("PLAN_FINANCEMENT_DESEQUILIBRE", gravite, champ, message, null);
    }

    @Test
    void unCasJustePasseEtChaqueAttenteFausseEstDite() {
        assertThat(ecarts(cas("NAT-AN-010", "agrement", DESEQUILIBRE, true,
                List.of(anomalie("BLOQUANTE", "/operation/financement/ressources", "pour un prix de revient de 2 100 000 €")), List.of(), Map.of())))
                .isEmpty();

        assertThat(ecarts(cas("NAT-AN-010", "agrement", Map.of(), true, List.of(), List.of(), Map.of())))
                .containsExactly("NAT-AN-010 ne s'est pas déclenchée");
        assertThat(ecarts(cas("NAT-AN-010", "agrement", DESEQUILIBRE, false, List.of(), List.of(), Map.of())))
                .containsExactly("NAT-AN-010 s'est déclenchée");
        for (Cas.AnomalieAttendue fausse : List.of(anomalie("MAJEURE", null, null), anomalie(null, "/operation/financement/prixRevientTTC", null),
                anomalie(null, null, "pour un prix de revient de 2 000 000 €"))) {
            assertThat(ecarts(cas("NAT-AN-010", "agrement", DESEQUILIBRE, true, List.of(fausse), List.of(), Map.of())))
                    .singleElement().asString().startsWith("anomalie attendue absente : PLAN_FINANCEMENT_DESEQUILIBRE")
                    .contains("relevées : [PLAN_FINANCEMENT_DESEQUILIBRE BLOQUANTE /operation/financement/ressources")
                    .contains("(NAT-AN-010)");
        }
        // Said in the author's words, not as a Java record.
        assertThat(ecarts(cas("NAT-AN-010", "agrement", DESEQUILIBRE, true, List.of(new Cas.AnomalieAttendue("PLAN_FINANCEMENT_DESEQUILIBRE",
                "MAJEURE", "/operation/financement/ressources", "écart", "NAT-AN-010")), List.of(), Map.of())))
                .singleElement().asString().startsWith("anomalie attendue absente : PLAN_FINANCEMENT_DESEQUILIBRE MAJEURE au champ"
                        + " /operation/financement/ressources, message contenant « écart », posée par NAT-AN-010 ; relevées : [");
    }

    @Test
    void unePieceOuUneMaturiteQuiNeSontPasCellesAttenduesSontDites() {
        assertThat(ecarts(cas("NAT-PJ-005", "agrement", Map.of(), true, List.of(), List.of(new Cas.PieceAttendue("PLAN_MASSE", true, "FOURNIE")),
                Map.of()))).isEmpty();
        assertThat(ecarts(cas("NAT-PJ-005", "agrement", Map.of(), true, List.of(), List.of(new Cas.PieceAttendue("PLAN_MASSE", true, "MANQUANTE")),
                Map.of()))).singleElement().asString().startsWith("pièce attendue absente : PLAN_MASSE bloquante MANQUANTE ; requises : [")
                .contains("PLAN_MASSE bloquante FOURNIE");
        assertThat(ecarts(cas("NAT-PJ-005", "agrement", Map.of(), true, List.of(), List.of(new Cas.PieceAttendue("PLAN_MASSE", false, null)),
                Map.of()))).singleElement().asString().startsWith("pièce attendue absente : ");

        assertThat(ecarts(cas("NAT-MA-001", "agrement", Map.of(), true, List.of(), List.of(), Map.of("FONCIER", 25.0)))).isEmpty();
        assertThat(ecarts(cas("NAT-MA-001", "agrement", Map.of(), true, List.of(), List.of(), Map.of("FONCIER", 15.0))))
                .containsExactly("maturité FONCIER : attendu 15.0, obtenu 25.0");
    }

    @Test
    void desProchainesEtapesQuiNeSontPasExactementCellesAttenduesSontDites() {
        List<String> attendues = List.of("Obtenir l'accord des financeurs sur les 1 400 000 € encore sollicités (+10,5 points)",
                "Purger le permis de construire de tout recours (+5 points)");
        assertThat(ecarts(etapes(attendues))).isEmpty();
        for (List<String> fausses : List.of(List.of(attendues.get(1), attendues.get(0)), attendues.subList(0, 1),
                List.of(attendues.get(0), "Purger le permis de construire de tout recours (+4 points)"))) {
            assertThat(ecarts(etapes(fausses))).containsExactly("prochaines étapes : attendu " + fausses + ", obtenu " + attendues);
        }
    }

    private static Cas etapes(List<String> etapes) {
        return new Cas("NAT-MA-015", "essai", "agrement", Map.of(), true, List.of(), List.of(), Map.of(), null, etapes, null, null,
                "regles/essai.cas.yaml");
    }

    /** The base dossier scores 84.5 points, rounded to 85, MURE: a case that expects otherwise says what it got. */
    @Test
    void unScoreOuUnNiveauAttendusSontComparesACeuxDuResultat() {
        Cas juste = new Cas("NAT-MA-001", "essai", "agrement", Map.of(), true, List.of(), List.of(), Map.of(), null, null, 85, "MURE",
                "regles/essai.cas.yaml");
        assertThat(ecarts(juste)).isEmpty();
        Cas faux = new Cas("NAT-MA-001", "essai", "agrement", Map.of(), true, List.of(), List.of(), Map.of(), null, null, 84,
                "A_CONSOLIDER", "regles/essai.cas.yaml");
        assertThat(ecarts(faux)).containsExactly("maturité : attendu score 84 A_CONSOLIDER, obtenu score 85 MURE");
    }

    /** What the bailleur reads of a dimension, word for word: a case that expects other words says what it got. */
    @Test
    void uneExplicationAttendueEstCompareeMotPourMot() {
        Cas juste = new Cas("NAT-MA-008", "essai", "agrement", Map.of(), true, List.of(), List.of(), Map.of(),
                Map.of("QUALITE", "Aucune anomalie majeure ni mineure"), null, null, null, "regles/essai.cas.yaml");
        assertThat(ecarts(juste)).isEmpty();
        Cas faux = new Cas("NAT-MA-008", "essai", "agrement", Map.of(), true, List.of(), List.of(), Map.of(),
                Map.of("QUALITE", "0 anomalie majeure, 0 mineure", "INCONNUE", "?"), null, null, null, "regles/essai.cas.yaml");
        assertThat(ecarts(faux)).containsExactlyInAnyOrder(
                "explication QUALITE : attendu « 0 anomalie majeure, 0 mineure », obtenu « Aucune anomalie majeure ni mineure »",
                "explication INCONNUE : attendu « ? », obtenu aucune");
    }

    @Test
    void unCasDontLeDossierNEstPasAuContratOuQuiViseUneRegleInconnueEstDit() {
        assertThat(ecarts(cas("NAT-AN-010", "agrement", Map.of("/operation/financement/prixRevientTTC", "cher"), true, List.of(), List.of(),
                Map.of()))).singleElement().asString().startsWith("le dossier du cas n'est pas au contrat : /operation/financement/prixRevientTTC : ")
                .doesNotContain("Violation[");

        List<Cas> duSocle = new ArrayList<>(LecteurCas.lire(SOCLE.get(0)));
        duSocle.add(cas("NAT-AN-999", "agrement", Map.of(), true, List.of(), List.of(), Map.of()));
        duSocle.removeIf(c -> c.regle().equals("NAT-PJ-005") && !c.declenche());
        assertThat(EXECUTEUR.reglesSansCas(duSocle)).containsExactly(
                "NAT-PJ-005 (regles/pieces.drl) n'a aucun cas où elle ne se déclenche pas (à écrire dans un fichier"
                        + " regles/*.cas.yaml du pack, sous « cas: » : « - regle: NAT-PJ-005 », un « nom », les « modifier »"
                        + " du dossier de base, « declenche: false »)",
                "regles/essai.cas.yaml : le cas « essai » vise NAT-AN-999, règle inconnue de la chaîne");
    }

    /**
     * The date offered to a case dated outside its version: its day and month in the period, so that a December case
     * still shows a December deposit; the period's first day when that day falls outside a short period.
     */
    @Test
    void laDateProposeeAUnCasHorsDeSaVersionGardeSonJourEtSonMois() {
        LocalDate debut2027 = LocalDate.parse("2027-01-01");
        assertThat(ExecuteurCas.memeJourDansLaPeriode(LocalDate.parse("2026-12-15"), debut2027, null)).isEqualTo("2027-12-15");
        assertThat(ExecuteurCas.memeJourDansLaPeriode(LocalDate.parse("2026-12-15"), LocalDate.parse("2025-01-01"),
                LocalDate.parse("2025-12-31"))).isEqualTo("2025-12-15");
        assertThat(ExecuteurCas.memeJourDansLaPeriode(LocalDate.parse("2026-02-10"), LocalDate.parse("2026-03-01"), null))
                .isEqualTo("2027-02-10");
        assertThat(ExecuteurCas.memeJourDansLaPeriode(LocalDate.parse("2024-02-29"), debut2027, null)).isEqualTo("2027-02-28");
        assertThat(ExecuteurCas.memeJourDansLaPeriode(LocalDate.parse("2026-06-02"), LocalDate.parse("2027-03-01"),
                LocalDate.parse("2027-05-31"))).isEqualTo("2027-03-01");
    }
}
