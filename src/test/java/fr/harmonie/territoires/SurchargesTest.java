package fr.harmonie.territoires;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.Socle;
import fr.harmonie.dossier.LecteurDossier;
import fr.harmonie.evaluation.Evaluateur;
import fr.harmonie.evaluation.Resultat;
import fr.harmonie.regles.FichiersPack;
import fr.harmonie.regles.LecteurPack;
import fr.harmonie.regles.Pack;
import fr.harmonie.regles.SocleNational;
import fr.harmonie.regles.cas.Cas;
import fr.harmonie.regles.cas.ExecuteurCas;
import fr.harmonie.regles.cas.LecteurCas;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Le vocabulaire des surcharges appliqué de bout en bout, sur un délégataire d'essai à Rouen qui écarte une pièce
 * écartable, ajoute deux pièces nouvelles (avec leur entrée de catalogue ; l'une sous conditions de nature, de produit
 * et de type d'hébergement), relève une gravité, repondère la maturité et donne une date limite de dépôt au jour près.
 */
class SurchargesTest {

    private static final Geographie GEO = Geographie.chargerEmbarquee();

    private static Pack essai() {
        TreeMap<String, byte[]> f = new TreeMap<>();
        FichiersPack.depuisDossier(Path.of("territories/metropole-rouen-normandie/2026.1")).fichiers().forEach(f::put);
        String surcharges = new String(f.get("surcharges.yaml"), StandardCharsets.UTF_8).replace("anomalies:\n", """
                  - { id: MRN-PJ-002, code: CHARTE_QUALITE, bloquante: false, quand: { phases: [AGREMENT] }, motif: essai, source: essai }
                  - id: MRN-PJ-003
                    code: PROJET_SOCIAL_RENFORCE
                    bloquante: true
                    quand: { natures: [CONSTRUCTION_NEUVE, VEFA], produits: [PLAI_ADAPTE], typesHebergement: [RESIDENCE_SOCIALE, PENSION_DE_FAMILLE] }
                    motif: essai
                    source: essai
                ecarts:
                  - { id: MRN-EC-001, code: PERMIS_CONSTRUIRE, motif: essai, source: essai }
                gravites:
                  - { id: MRN-GR-001, code: CALENDRIER_INCOHERENT, gravite: MAJEURE, motif: essai, source: essai }
                  - { id: MRN-GR-002, code: PLAN_FINANCEMENT_DESEQUILIBRE, gravite: BLOQUANTE, motif: essai, source: essai }
                calendrier:
                  - id: MRN-CA-001
                    code: DATE_LIMITE_DEPASSEE
                    gravite: MAJEURE
                    du: 16/10
                    au: 15/01
                    message: "Déposé après la date limite du 15 octobre : le dossier passe à la programmation de l'an prochain."
                    motif: essai
                    source: essai
                anomalies:
                """);
        ajouter(f, "surcharges.yaml", surcharges);
        ajouter(f, "catalogue/pieces.csv", "code,libelle,attendus,reference,code_spls,modele\n"
                + "CHARTE_QUALITE,Charte qualité métropolitaine,Engagements de qualité signés,essai,,https://exemple.invalid/charte.pdf\n"
                + "PROJET_SOCIAL_RENFORCE,Projet social renforcé,Accompagnement des ménages en PLAI adapté,essai,,\n");
        ajouter(f, "parametres/maturite.yaml", """
                maturite.poids.FONCIER:
                  libelle: Points de la dimension foncier
                  valeurs: [{ depuis: 2026-01-01, valeur: 20, reference: essai, motif: essai }]
                maturite.poids.COMPLETUDE:
                  libelle: Points de la dimension complétude
                  valeurs: [{ depuis: 2026-01-01, valeur: 20, reference: essai, motif: essai }]
                """);
        ajouter(f, "regles/surcharges.cas.yaml", """
                dossier: agrement
                cas:
                  - { regle: MRN-PJ-002, nom: exigée, declenche: true }
                  - { regle: MRN-PJ-002, nom: pas en programmation, dossier: programmation, declenche: false }
                  - { regle: MRN-EC-001, nom: écartée, declenche: true }
                  - { regle: MRN-EC-001, nom: pas de permis à écarter, modifier: { /operation/nature: ACQUISITION_AMELIORATION }, declenche: false }
                  - regle: MRN-GR-001
                    nom: relevée, l'anomalie attendue par son code (elle garde l'origine de la règle du socle qui l'a trouvée)
                    modifier: { /operation/calendrier/dateLivraisonPrevue: "2026-01-01" }
                    declenche: true
                    anomalies: [{ code: CALENDRIER_INCOHERENT, gravite: MAJEURE }]
                  - { regle: MRN-GR-001, nom: rien à relever, declenche: false }
                  - { regle: MRN-CA-001, nom: le jour de la date limite, modifier: { /dateReference: "2026-10-15" }, declenche: false }
                  - { regle: MRN-CA-001, nom: le lendemain, modifier: { /dateReference: "2026-10-16" }, declenche: true }
                  - { regle: MRN-CA-001, nom: "le dernier jour, passé le nouvel an", modifier: { /dateReference: "2027-01-15" }, declenche: true }
                  - { regle: MRN-CA-001, nom: le jour d'après, modifier: { /dateReference: "2027-01-16" }, declenche: false }
                  - regle: MRN-GR-002
                    nom: en programmation, le plan déséquilibré devient bloquant
                    dossier: programmation
                    modifier: { /operation/financement/prixRevientTTC: 2100000 }
                    declenche: true
                    anomalies: [{ code: PLAN_FINANCEMENT_DESEQUILIBRE, gravite: BLOQUANTE, regle: NAT-AN-010 }]
                  - regle: MRN-GR-002
                    nom: à l'agrément, il l'est déjà et rien n'est relevé
                    modifier: { /operation/financement/prixRevientTTC: 2100000 }
                    declenche: false
                    anomalies: [{ code: PLAN_FINANCEMENT_DESEQUILIBRE, gravite: BLOQUANTE, regle: NAT-AN-010 }]
                  - regle: MRN-PJ-003
                    nom: une pension de famille neuve avec un lot en PLAI adapté
                    modifier: { /operation/typeHebergement: PENSION_DE_FAMILLE, /operation/lots/1/produit: PLAI_ADAPTE }
                    declenche: true
                    pieces: [{ code: PROJET_SOCIAL_RENFORCE, bloquante: true, statut: MANQUANTE }]
                  - regle: MRN-PJ-003
                    nom: un lot en PLAI adapté, mais en logement ordinaire
                    modifier: { /operation/lots/1/produit: PLAI_ADAPTE }
                    declenche: false
                  - regle: MRN-PJ-003
                    nom: une pension de famille sans PLAI adapté
                    modifier: { /operation/typeHebergement: PENSION_DE_FAMILLE }
                    declenche: false
                  - regle: MRN-PJ-003
                    nom: la même, d'un dossier de base propre au pack (cas/pension.json)
                    dossier: pension
                    declenche: true
                    pieces: [{ code: PROJET_SOCIAL_RENFORCE, bloquante: true, statut: MANQUANTE }]
                  - regle: MRN-PJ-003
                    nom: une pension de famille en PLAI adapté, mais acquise-améliorée
                    modifier:
                      /operation/typeHebergement: PENSION_DE_FAMILLE
                      /operation/lots/1/produit: PLAI_ADAPTE
                      /operation/nature: ACQUISITION_AMELIORATION
                    declenche: false
                """);
        try {
            ajouter(f, "cas/pension.json", Files.readString(Path.of("rules/cas/agrement.json"))
                    .replace("\"typeHebergement\": \"LOGEMENT_ORDINAIRE\"", "\"typeHebergement\": \"PENSION_DE_FAMILLE\"")
                    .replace("\"produit\": \"PLAI\"", "\"produit\": \"PLAI_ADAPTE\""));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return LecteurPack.lire(new FichiersPack("essai", f));
    }

    private static void ajouter(TreeMap<String, byte[]> f, String chemin, String texte) {
        f.put(chemin, texte.getBytes(StandardCharsets.UTF_8));
    }

    private static RegistrePacks registre() {
        return new RegistrePacks(SocleNational.charger(Path.of("rules")),
                List.of(LecteurPack.lire(FichiersPack.depuisDossier(Path.of("territories/region-28/2026.1"))), essai()), GEO);
    }

    /**
     * Shown by cases, as a DREAL writes them: each condition of an added piece (phase, nature, produit, type
     * d'hébergement), and a raised gravité that applies only where the national rule poses a lesser one.
     */
    @Test
    void lesCasDuPackDEssaiPassent() {
        RegistrePacks registre = registre();
        List<Pack> chaine = registre.chainesDesPacks().stream().filter(c -> c.get(c.size() - 1).reference().startsWith("metropole"))
                .findFirst().orElseThrow();
        ExecuteurCas executeur = new ExecuteurCas(registre.chaine(chaine), new LecteurDossier(), registre);
        List<Cas> cas = LecteurCas.lire(chaine.get(chaine.size() - 1));

        assertThat(executeur.reglesSansCas(cas)).isEmpty();
        assertThat(cas).filteredOn(c -> c.regle().equals("MRN-PJ-003")).hasSize(5);
        assertThat(cas).filteredOn(c -> c.regle().equals("MRN-GR-002")).hasSize(2);
        assertThat(cas).filteredOn(c -> c.regle().equals("MRN-CA-001")).hasSize(4);
        assertThat(cas).allSatisfy(c -> assertThat(executeur.jouer(c).ecarts()).as(c.nom()).isEmpty());
    }

    @Test
    void lesSurchargesDeclareesSAppliquentAuDossier() throws Exception {
        RegistrePacks registre = registre();
        String dossier = Files.readString(Path.of("rules/cas/agrement.json"))
                .replace("\"21231\"", "\"76540\"").replace("\"Dijon\"", "\"Rouen\"").replace("\"2028-06-30\"", "\"2026-01-01\"");

        Resultat r = new Evaluateur(registre, Clock.systemUTC()).evaluer(new LecteurDossier().lire(dossier.getBytes(StandardCharsets.UTF_8)));

        assertThat(r.piecesEcartees()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("PERMIS_CONSTRUIRE");
            assertThat(p.motifs()).extracting(o -> o.regle() + " " + o.pack()).containsExactly("MRN-EC-001 metropole-rouen-normandie@2026.1");
        });
        assertThat(r.piecesRequises()).extracting(Resultat.PieceRequise::code).doesNotContain("PERMIS_CONSTRUIRE").contains("CHARTE_QUALITE");
        assertThat(r.piecesRequises()).filteredOn(p -> p.code().equals("CHARTE_QUALITE")).singleElement().satisfies(p -> {
            assertThat(p.libelle()).isEqualTo("Charte qualité métropolitaine");
            assertThat(p.modele()).isEqualTo("https://exemple.invalid/charte.pdf");
            assertThat(p.statut().name()).isEqualTo("MANQUANTE");
        });
        assertThat(Socle.anomaliesHorsLoyerDeZone(r)).singleElement().satisfies(a -> {
            assertThat(a.code()).isEqualTo("CALENDRIER_INCOHERENT");
            assertThat(a.gravite().name()).isEqualTo("MAJEURE");
        });
        assertThat(r.maturite().dimensions()).extracting(d -> d.code() + " " + d.maximum())
                .containsExactly("FONCIER 20.0", "URBANISME 25.0", "FINANCEMENT 25.0", "COMPLETUDE 20.0", "QUALITE 10.0");
        assertThat(r.trace()).extracting(o -> o.regle()).contains("MRN-PJ-002", "MRN-EC-001", "MRN-GR-001");
    }
}
