package fr.harmonie.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.dossier.LecteurDossier;
import fr.harmonie.json.Json;
import fr.harmonie.regles.FichiersPack;
import fr.harmonie.regles.LecteurPack;
import fr.harmonie.regles.SocleNational;
import fr.harmonie.territoires.Geographie;
import fr.harmonie.territoires.RegistrePacks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Les propriétés du score de maturité que le socle garantit quels que soient les poids: améliorer une seule donnée ne
 * le fait jamais baisser, un dossier avec une anomalie bloquante n'est jamais mûr, et faire les prochaines étapes
 * fait monter d'un niveau. Vérifiées sur des dossiers tirés au hasard (graine fixe) autour du dossier de base des cas
 * (Dijon), avec les poids du socle et avec ceux qu'un pack régional d'essai leur substitue, comme une DREAL peut le
 * faire : des dimensions qui comptent peu, ou plus du tout.
 */
class ProprietesMaturiteTest {

    private static final String[] FONCIER = {"AUCUNE", "PROMESSE_VENTE", "ACTE_VENTE"};
    private static final String[] PERMIS = {"NON_DEPOSE", "DEPOSE", "OBTENU", "PURGE_DE_RECOURS"};
    private static final String[] DIMENSIONS = {"FONCIER", "URBANISME", "FINANCEMENT", "COMPLETUDE", "QUALITE"};
    private static final LecteurDossier LECTEUR = new LecteurDossier();

    private static final Evaluateur SOCLE = new Evaluateur(new SocleNational(SocleNational.charger(Path.of("rules"))), Clock.systemUTC());

    /** Weights in the order of {@link #DIMENSIONS}, and the evaluator whose chain applies them to Dijon. */
    record Ponderation(String nom, int[] poids, Evaluateur evaluateur) {
        @Override
        public String toString() {
            return nom + " " + Arrays.toString(poids);
        }
    }

    /** Built once: each weighting compiles its chain. */
    private static final List<Ponderation> PONDERATIONS = List.of(
            new Ponderation("poids du socle", new int[] {25, 25, 25, 15, 10}, SOCLE),
            repondere("pièces et qualité d'abord", 10, 10, 10, 40, 30),
            repondere("ni complétude ni qualité", 40, 40, 20, 0, 0),
            repondere("complétude et qualité seules", 0, 0, 0, 50, 50),
            repondere("l'urbanisme d'abord", 5, 50, 5, 35, 5));

    static List<Ponderation> ponderations() {
        return PONDERATIONS;
    }

    /** Bourgogne-Franche-Comté, whose pack re-weights the dimensions from 2026. */
    private static Ponderation repondere(String nom, int... poids) {
        TreeMap<String, byte[]> f = new TreeMap<>();
        f.put("pack.yaml", """
                id: region-27
                libelle: Bourgogne-Franche-Comté (essai de pondération)
                niveau: REGION
                parent: national
                version: "2026.1"
                validFrom: 2026-01-01
                perimetre:
                  departements: ["21", "25", "39", "58", "70", "71", "89", "90"]
                sources: [essai]
                """.getBytes(StandardCharsets.UTF_8));
        f.put("README.md", "Repondère la maturité.\n".getBytes(StandardCharsets.UTF_8));
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < DIMENSIONS.length; i++) {
            yaml.append("maturite.poids.").append(DIMENSIONS[i]).append(":\n  libelle: poids\n  valeurs: [{ depuis: 2026-01-01, valeur: ")
                    .append(poids[i]).append(", reference: essai, motif: essai }]\n");
        }
        f.put("parametres/maturite.yaml", yaml.toString().getBytes(StandardCharsets.UTF_8));
        RegistrePacks registre = new RegistrePacks(SocleNational.charger(Path.of("rules")),
                List.of(LecteurPack.lire(new FichiersPack("essai", f))), Geographie.chargerEmbarquee());
        return new Ponderation(nom, poids, new Evaluateur(registre, Clock.systemUTC()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ponderations")
    void ameliorerUneSeuleDonneeNeFaitJamaisBaisserLeScore(Ponderation ponderation) throws Exception {
        Evaluateur evaluateur = ponderation.evaluateur();
        assertThat(evaluer(evaluateur, tirer(1, 1).get(0)).maturite().dimensions())
                .extracting(d -> (int) d.maximum()).containsExactly(Arrays.stream(ponderation.poids()).boxed().toArray(Integer[]::new));
        int comparaisons = 0;
        for (ObjectNode dossier : tirer(150, 20261122)) {
            Resultat avant = evaluer(evaluateur, dossier);
            if (avant.anomalies().stream().anyMatch(a -> a.gravite().name().equals("BLOQUANTE"))) {
                assertThat(avant.maturite().niveau()).isNotEqualTo(Resultat.Niveau.MURE);
            }
            for (Consumer<ObjectNode> amelioration : ameliorations(dossier)) {
                ObjectNode mieux = dossier.deepCopy();
                amelioration.accept(mieux);
                Resultat apres = evaluer(evaluateur, mieux);
                assertThat(apres.maturite().score())
                        .as("dossier %s amélioré en %s", dossier, mieux)
                        .isGreaterThanOrEqualTo(avant.maturite().score());
                assertThat(apres.maturite().niveau().ordinal()).isGreaterThanOrEqualTo(avant.maturite().niveau().ordinal());
                comparaisons++;
            }
        }
        assertThat(comparaisons).isGreaterThan(500);
    }

    /**
     * What the bailleur is told to do is enough: a dossier that is not mature, once every next step is done, reaches
     * the next level. Each step is done as a bailleur would, from its words alone.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("ponderations")
    void faireLesProchainesEtapesFaitMonterLeDossierDUnNiveau(Ponderation ponderation) throws Exception {
        Evaluateur evaluateur = ponderation.evaluateur();
        int plans = 0;
        for (ObjectNode dossier : tirer(300, 20261203)) {
            Resultat avant = evaluer(evaluateur, dossier);
            if (avant.maturite().niveau() == Resultat.Niveau.MURE) {
                continue;
            }
            ObjectNode fait = dossier.deepCopy();
            for (String etape : avant.maturite().prochainesEtapes()) {
                faire(etape, fait, avant);
            }
            Resultat apres = evaluer(evaluateur, fait);
            assertThat(apres.maturite().niveau().ordinal())
                    .as("dossier %s, score %d, étapes %s : après, score %d", dossier, avant.maturite().score(),
                            avant.maturite().prochainesEtapes(), apres.maturite().score())
                    .isGreaterThan(avant.maturite().niveau().ordinal());
            plans++;
        }
        assertThat(plans).isGreaterThan(100);
    }

    /**
     * With the socle's own weights: six logements whose surface utile is wrong (six majeures, no quality point that a
     * single fix would bring back) and a permit not filed. Filing it is not enough (77). Under 2026.15 and 2026.16 the
     * plan went on to obtaining the permit (+8); since 2026.17, fixing all the anomalies at once (+10) is the more
     * valuable second step, and doing both makes the dossier mature.
     */
    @Test
    void sixAnomaliesMajeuresEtUnPermisNonDeposeLePlanVaAuDelaDuDepot() throws Exception {
        ObjectNode d = (ObjectNode) Json.MAPPER.readTree(Files.readAllBytes(Path.of("rules/cas/agrement.json")));
        ObjectNode op = (ObjectNode) d.get("operation");
        ((ObjectNode) op.get("urbanisme")).put("permisConstruire", "NON_DEPOSE");
        op.get("financement").get("ressources").forEach(x -> ((ObjectNode) x).put("statut", "ACCORDE"));
        int faussees = 0;
        for (JsonNode lot : op.get("lots")) {
            for (JsonNode l : lot.get("logements")) {
                if (faussees < 6) {
                    ((ObjectNode) l).put("surfaceUtile", l.get("surfaceHabitable").asDouble() + 40);
                    faussees++;
                }
            }
        }

        Resultat avant = evaluer(SOCLE, d);

        assertThat(avant.anomalies()).filteredOn(a -> a.code().equals("SURFACE_UTILE_INCOHERENTE")).hasSize(6);
        assertThat(avant.maturite().score()).isEqualTo(65);
        assertThat(avant.maturite().prochainesEtapes()).containsExactly(
                "Déposer le permis de construire (+12 points)",
                "Corriger toutes les anomalies relevées, soit 6 majeures (+10 points)");
        for (String etape : avant.maturite().prochainesEtapes()) {
            faire(etape, d, avant);
        }
        Resultat apres = evaluer(SOCLE, d);
        assertThat(apres.maturite().score()).isEqualTo(87);
        assertThat(apres.maturite().niveau()).isEqualTo(Resultat.Niveau.MURE);
    }

    /**
     * A region that gives quality 30 points: six logements whose surface utile is wrong (six majeures, 36 points of
     * malus) leave it at 0, and no single fix brings a point back. Everything else done, the dossier is at 70, « à
     * consolider »: fixing them all is the only way up, and the plan says so (it was empty before socle 2026.17).
     */
    @Test
    void quandAucuneCorrectionSeuleNeRendDePointLePlanLesCorrigeToutes() throws Exception {
        Ponderation qualite = PONDERATIONS.get(1);
        assertThat(qualite.poids()).containsExactly(10, 10, 10, 40, 30);
        ObjectNode d = (ObjectNode) Json.MAPPER.readTree(Files.readAllBytes(Path.of("rules/cas/agrement.json")));
        ObjectNode op = (ObjectNode) d.get("operation");
        ((ObjectNode) op.get("urbanisme")).put("permisConstruire", "PURGE_DE_RECOURS");
        op.get("financement").get("ressources").forEach(x -> ((ObjectNode) x).put("statut", "ACCORDE"));
        for (int i = 0; i < 6; i++) {
            ((ObjectNode) op.get("lots").get(0).get("logements").get(i)).put("surfaceUtile", 66);
        }

        Resultat avant = evaluer(qualite.evaluateur(), d);

        assertThat(avant.maturite().score()).isEqualTo(70);
        assertThat(avant.maturite().niveau()).isEqualTo(Resultat.Niveau.A_CONSOLIDER);
        assertThat(avant.maturite().prochainesEtapes())
                .containsExactly("Corriger toutes les anomalies relevées, soit 6 majeures (+30 points)");
        faire(avant.maturite().prochainesEtapes().get(0), d, avant);
        Resultat apres = evaluer(qualite.evaluateur(), d);
        assertThat(apres.maturite().score()).isEqualTo(100);
        assertThat(apres.maturite().niveau()).isEqualTo(Resultat.Niveau.MURE);
    }

    /** Does {@code etape} to {@code d}, as its words say. */
    private static void faire(String etape, ObjectNode d, Resultat r) {
        ObjectNode op = (ObjectNode) d.get("operation");
        if (etape.startsWith("Maîtriser le foncier") || etape.startsWith("Signer l'acte de vente")) {
            ((ObjectNode) op.get("foncier")).put("maitrise", "ACTE_VENTE");
        } else if (etape.startsWith("Déposer le permis")) {
            ((ObjectNode) op.get("urbanisme")).put("permisConstruire", "DEPOSE");
        } else if (etape.startsWith("Obtenir le permis")) {
            ((ObjectNode) op.get("urbanisme")).put("permisConstruire", "OBTENU");
        } else if (etape.startsWith("Purger le permis")) {
            ((ObjectNode) op.get("urbanisme")).put("permisConstruire", "PURGE_DE_RECOURS");
        } else if (etape.startsWith("Obtenir l'accord des financeurs")) {
            op.get("financement").get("ressources").forEach(x -> ((ObjectNode) x).put("statut", "ACCORDE"));
        } else if (etape.startsWith("Fournir la pièce « ")) {
            String libelle = etape.substring("Fournir la pièce « ".length(), etape.indexOf(" »"));
            String code = r.piecesRequises().stream().filter(p -> p.libelle().equals(libelle)).findFirst().orElseThrow().code();
            d.get("pieces").forEach(p -> {
                if (p.get("code").asString().equals(code)) {
                    ((ObjectNode) p).put("fournie", true);
                }
            });
        } else if (etape.startsWith("Corriger : Plan de financement déséquilibré") || etape.startsWith("Équilibrer le plan")) {
            double ressources = 0;
            for (JsonNode x : op.get("financement").get("ressources")) {
                ressources += x.get("montant").asDouble();
            }
            ((ObjectNode) op.get("financement")).put("prixRevientTTC", ressources);
        } else if (etape.startsWith("Corriger : SIREN")) {
            ((ObjectNode) d.get("maitreOuvrage")).put("siren", "356000000");
        } else if (etape.startsWith("Corriger : Livraison prévue")) {
            ((ObjectNode) op.get("calendrier")).put("dateLivraisonPrevue", "2028-06-30");
        } else if (etape.startsWith("Corriger : Logement ")) {
            corriger(r.anomalies().stream().filter(a -> etape.startsWith("Corriger : " + a.message())).findFirst().orElseThrow(), d);
        } else if (etape.startsWith("Corriger : Le courrier de demande")) {
            ((ObjectNode) d.get("pieces").get(0)).put("signee", true);
        } else if (etape.startsWith("Corriger : Lot PLUS : marge locale")) {
            ((ObjectNode) op.get("lots").get(0)).put("margeLocale", 0.05);
        } else if (etape.startsWith("Corriger toutes les anomalies relevées")) {
            for (Resultat.AnomalieRelevee a : r.anomalies()) {
                if (!a.gravite().name().equals("INFO")) {
                    corriger(a, d);
                }
            }
        } else {
            throw new AssertionError("étape que le test ne sait pas faire : " + etape);
        }
    }

    /** Fixes one anomaly of the dossiers this test draws, as the step « Corriger : <its message> » says. */
    private static void corriger(Resultat.AnomalieRelevee a, ObjectNode d) {
        ObjectNode op = (ObjectNode) d.get("operation");
        switch (a.code()) {
            case "SURFACE_UTILE_INCOHERENTE" -> {
                ObjectNode logement = (ObjectNode) d.at(a.champ().substring(0, a.champ().lastIndexOf('/')));
                logement.put("surfaceUtile", logement.get("surfaceHabitable").asDouble() + 0.5 * logement.get("surfaceAnnexes").asDouble());
            }
            default -> faire("Corriger : " + a.message(), d, null);
        }
    }

    private static Resultat evaluer(Evaluateur evaluateur, JsonNode dossier) {
        return evaluateur.evaluer(LECTEUR.lire(Json.MAPPER.writeValueAsBytes(dossier)));
    }

    /** {@code nombre} dossiers tirés au hasard autour du dossier de base des cas, toujours les mêmes pour une graine. */
    private static List<ObjectNode> tirer(int nombre, long graine) throws IOException {
        ObjectNode base = (ObjectNode) Json.MAPPER.readTree(Files.readAllBytes(Path.of("rules/cas/agrement.json")));
        Random hasard = new Random(graine);
        List<ObjectNode> dossiers = new ArrayList<>();
        for (int i = 0; i < nombre; i++) {
            dossiers.add(tirer(base, hasard));
        }
        return dossiers;
    }

    /** A dossier at a random stage: land, permit, pieces, grants, and a few anomalies switched on. */
    private static ObjectNode tirer(ObjectNode base, Random r) {
        ObjectNode d = base.deepCopy();
        ObjectNode op = (ObjectNode) d.get("operation");
        ((ObjectNode) op.get("foncier")).put("maitrise", FONCIER[r.nextInt(FONCIER.length)]);
        ((ObjectNode) op.get("urbanisme")).put("permisConstruire", PERMIS[r.nextInt(PERMIS.length)]);
        for (JsonNode p : d.get("pieces")) {
            ((ObjectNode) p).put("fournie", r.nextInt(3) > 0);
        }
        for (JsonNode res : op.get("financement").get("ressources")) {
            ((ObjectNode) res).put("statut", r.nextBoolean() ? "ACCORDE" : "SOLLICITE");
        }
        if (r.nextInt(4) == 0) {
            ((ObjectNode) d.get("maitreOuvrage")).put("siren", "356000001");
        }
        if (r.nextInt(4) == 0) {
            ((ObjectNode) op.get("calendrier")).put("dateLivraisonPrevue", "2026-01-01");
        }
        if (r.nextInt(4) == 0) {
            ((ObjectNode) op.get("lots").get(0).get("logements").get(0)).put("surfaceUtile", 80);
        }
        if (r.nextInt(4) == 0) {
            // The same error on several logements: from six of them, no single fix brings a quality point back.
            for (int i = 1, n = 2 + r.nextInt(8); i <= n; i++) {
                ((ObjectNode) op.get("lots").get(0).get("logements").get(i)).put("surfaceUtile", 66);
            }
        }
        if (r.nextInt(4) == 0) {
            ((ObjectNode) d.get("pieces").get(0)).put("fournie", true).put("signee", false);
        }
        if (r.nextInt(4) == 0) {
            ((ObjectNode) op.get("lots").get(0)).put("margeLocale", 0.2);
        }
        if (r.nextInt(4) == 0) {
            ((ObjectNode) op.get("financement")).put("prixRevientTTC", 2_300_000);
        }
        return d;
    }

    /** Every single-step improvement of that dossier. */
    private static List<Consumer<ObjectNode>> ameliorations(ObjectNode d) {
        List<Consumer<ObjectNode>> liste = new ArrayList<>();
        JsonNode op = d.get("operation");
        int foncier = indice(FONCIER, op.get("foncier").get("maitrise").asString());
        if (foncier < FONCIER.length - 1) {
            liste.add(x -> ((ObjectNode) x.get("operation").get("foncier")).put("maitrise", FONCIER[foncier + 1]));
        }
        int permis = indice(PERMIS, op.get("urbanisme").get("permisConstruire").asString());
        if (permis < PERMIS.length - 1) {
            liste.add(x -> ((ObjectNode) x.get("operation").get("urbanisme")).put("permisConstruire", PERMIS[permis + 1]));
        }
        ArrayNode pieces = (ArrayNode) d.get("pieces");
        for (int i = 0; i < pieces.size(); i++) {
            int k = i;
            if (!pieces.get(i).get("fournie").asBoolean()) {
                liste.add(x -> ((ObjectNode) x.get("pieces").get(k)).put("fournie", true));
            }
        }
        ArrayNode ressources = (ArrayNode) op.get("financement").get("ressources");
        for (int i = 0; i < ressources.size(); i++) {
            int k = i;
            if (ressources.get(i).get("statut").asString().equals("SOLLICITE")) {
                liste.add(x -> ((ObjectNode) x.get("operation").get("financement").get("ressources").get(k)).put("statut", "ACCORDE"));
            }
        }
        liste.add(x -> ((ObjectNode) x.get("maitreOuvrage")).put("siren", "356000000"));
        liste.add(x -> ((ObjectNode) x.get("operation").get("calendrier")).put("dateLivraisonPrevue", "2028-06-30"));
        liste.add(x -> ((ObjectNode) x.get("operation").get("lots").get(0).get("logements").get(0)).put("surfaceUtile", 65));
        liste.add(x -> ((ObjectNode) x.get("pieces").get(0)).put("signee", true));
        liste.add(x -> ((ObjectNode) x.get("operation").get("lots").get(0)).put("margeLocale", 0.05));
        return liste;
    }

    private static int indice(String[] valeurs, String valeur) {
        for (int i = 0; i < valeurs.length; i++) {
            if (valeurs[i].equals(valeur)) {
                return i;
            }
        }
        throw new IllegalArgumentException(valeur);
    }
}
