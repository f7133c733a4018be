package fr.harmonie.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.harmonie.dossier.Dossier;
import fr.harmonie.dossier.Financement;
import fr.harmonie.dossier.LecteurDossier;
import fr.harmonie.dossier.Lot;
import fr.harmonie.dossier.MaitreOuvrage.Famille;
import fr.harmonie.dossier.Operation;
import fr.harmonie.dossier.Operation.Nature;
import fr.harmonie.dossier.Operation.TypeHebergement;
import fr.harmonie.dossier.Phase;
import fr.harmonie.dossier.PieceDeclaree;
import fr.harmonie.dossier.Produit;
import fr.harmonie.dossier.Urbanisme.EtatPermis;
import fr.harmonie.json.Json;
import fr.harmonie.regles.faits.Gravite;
import fr.harmonie.territoires.ChargeurPacks;
import fr.harmonie.territoires.Geographie;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Le socle national tel que {@code spec/baseline.md} l'écrit, et non tel que ses règles le lisent : une seconde
 * lecture de la page, écrite ici en Java simple (pièces requises du §1, anomalies du §2 avec leur gravité et leur
 * champ, points de chaque dimension de la maturité du §3, score et niveau), juge des dossiers tirés au hasard tout
 * près des seuils (surface utile à 0,5 m² près, loyer à 1 centime du maximum, loyers des logements à 1 € près,
 * ressources à 1 € du prix de revient, ancienneté de dix ans au jour près, usufruit de 14, 15 ou 16 ans, part de PLAI
 * d'un organisme MOI à la moitié…), et chaque dossier doit recevoir du moteur exactement ce qu'elle dit. Les cas de
 * chaque règle montrent qu'elle se déclenche ; ce test montre qu'à la frontière, et quand les règles se croisent
 * (lots en double, marge excessive et loyer, zonage d'un PLS en résidence), elles disent ce que dit la page, ni plus
 * ni moins.
 *
 * <p>Et les premiers packs tels que les décrit le point 7 du ticket des packs (et le README de chacun) : en Auvergne-
 * Rhône-Alpes (Grenoble, Lyon), la note descriptive exigée aussi à l'agrément (versions 2025.1 et 2026.1) et
 * DEPOT_TARDIF en novembre et décembre (2026.1) ; dans la Métropole Rouen Normandie (Rouen, Elbeuf), aucune marge
 * locale sur le PLAI et le PLAI adapté, et en programmation d'une construction ou d'une transformation, le permis exigé
 * et PERMIS_NON_OBTENU tant qu'il n'est pas obtenu ; en Normandie hors Métropole (Caen, Le Havre), le socle seul sous
 * le pack régional ; ailleurs (Dijon, Brest, Limoges ; Saint-Denis de La Réunion, où le socle 2026.19 relève
 * aussi les lots PLAI et PLUS, produits que l'outre-mer ne distribue pas ; Nouméa, où le socle 2026.23 relève tous
 * les lots, la Nouvelle-Calédonie fixant ses propres règles du logement), le socle seul. Les dates d'effet des paramètres sont celles de
 * {@code rules/parametres} (plafond des marges depuis 2023, ancienneté d'acquisition depuis 2024, durée d'usufruit
 * depuis 2023, part PLAI des organismes MOI depuis septembre 2019, LMzone PLUS zone 2 connue pour 2010) et celles des
 * versions des packs : les dossiers sont datés de 2026, 2025, 2021 ou 2010 pour passer de part et d'autre.
 *
 * <p>Là où la page laisse un choix, cette lecture prend celui des règles, dit ici pour qu'on le voie : la « SU totale »
 * d'un lot (coefficient de structure, plafond des annexes) et la SU des logements (coefficients des loyers) sont
 * surface habitable + ½ annexes, la surface utile déclarée n'étant que contrôlée ; le « 1 € par logement » des
 * coefficients compte les logements dont le loyer est déclaré ; un plafond sans valeur à la date (paramètre pas
 * encore en vigueur) ne déclenche rien. Tuer une règle de la page, la décaler d'un cran (tolérance de surface à
 * 0,4 m², part MOI comparée par « &lt; », ascenseur inversé, avis des Domaines demandé au propriétaire, CS sur la
 * surface habitable, qualité sans le malus des mineures, complétude sur les seules pièces bloquantes ; côté packs,
 * la transformation oubliée par la règle du permis de Rouen, DEPOT_TARDIF en décembre seulement, 10 % de marge sur le
 * PLAI adapté à Rouen) fait échouer ce test : essayé le 6 décembre 2026.
 */
class SocleEtPacksALaLettreTest {

    private static final LecteurDossier LECTEUR = new LecteurDossier();
    private static final Evaluateur EVALUATEUR = new Evaluateur(
            ChargeurPacks.charger(Path.of("."), Geographie.chargerEmbarquee()), Clock.systemUTC());
    /** Another seed, or more draws, to look further after a rule change: -Dlettre.graine=7 -Dlettre.tirages=20000. */
    private static final long GRAINE = Long.getLong("lettre.graine", 20261206);
    private static final int TIRAGES = Integer.getInteger("lettre.tirages", 1500);

    /** The codes of baseline.md §2 and of the first packs; the socle's other codes (DATE_FUTURE…) have their own cases. */
    private static final Set<String> CODES_DE_LA_PAGE = Set.of("SURFACE_UTILE_INCOHERENTE", "LOYER_SUPERIEUR_MAXIMUM",
            "MARGE_LOCALE_EXCESSIVE", "PLAFOND_ANNEXES_DEPASSE", "COEFFICIENTS_LOYER_EXCESSIFS", "LOYER_NON_VERIFIABLE",
            "LOYER_ZONE_DIFFERENT_AVIS", "ZONAGE_MANQUANT", "PLAN_FINANCEMENT_DESEQUILIBRE", "PLAN_FINANCEMENT_ABSENT",
            "SUBVENTION_ETAT_SUR_PLS", "BENEFICIAIRE_NON_ELIGIBLE", "VEFA_PERMIS_NON_DEPOSE", "ACQUISITION_TROP_ANCIENNE",
            "USUFRUIT_TROP_COURT", "USUFRUIT_DUREE_MANQUANTE", "PLS_EN_RESIDENCE_SOCIALE", "COURRIER_NON_SIGNE",
            "CALENDRIER_INCOHERENT", "SIREN_INVALIDE", "LOT_EN_DOUBLE", "DESIGNATION_EN_DOUBLE", "PIECE_INCONNUE",
            "PERMIS_NON_OBTENU", "DEPOT_TARDIF", "PRODUIT_NON_DISTRIBUE_OUTRE_MER");

    @Test
    void chaqueDossierRecoitCeQueDitLaPage() throws Exception {
        List<String> catalogue = Files.readAllLines(Path.of("rules/catalogue/pieces.csv")).stream().skip(1)
                .map(l -> l.substring(0, l.indexOf(','))).toList();
        Tirage tirage = new Tirage(new Random(GRAINE), List.copyOf(new TreeSet<>(catalogue)));
        TreeMap<String, Integer> declenchees = new TreeMap<>();
        int deposables = 0;
        Set<Resultat.Niveau> niveaux = new HashSet<>();
        Set<String> chaines = new TreeSet<>();
        for (int i = 0; i < TIRAGES; i++) {
            ObjectNode entree = tirage.dossier();
            Dossier dossier = LECTEUR.lire(Json.MAPPER.writeValueAsBytes(entree));
            Resultat r = EVALUATEUR.evaluer(dossier);
            String cas = "tirage n° " + i + " (graine " + GRAINE + ") : " + entree;

            assertThat(r.territoire().packs()).as(cas).extracting(Resultat.PackApplique::id)
                    .containsExactlyElementsOf(Lettre.chaine(dossier));
            chaines.add(Lettre.chaine(dossier).toString());
            assertThat(r.piecesRequises().stream().map(p -> p.code() + (p.bloquante() ? " (bloquante)" : "")
                    + (p.statut() == Resultat.StatutPiece.FOURNIE ? " fournie" : " manquante")).toList())
                    .as(cas).containsExactlyElementsOf(Lettre.pieces(dossier, catalogue));
            List<String> attendues = Lettre.anomalies(dossier, catalogue);
            assertThat(r.anomalies().stream().filter(a -> CODES_DE_LA_PAGE.contains(a.code()))
                    .map(a -> a.code() + " " + a.gravite() + " " + a.champ()).toList())
                    .as(cas).containsExactlyInAnyOrderElementsOf(attendues);
            Resultat.Maturite m = r.maturite();
            TreeMap<String, Double> points = new TreeMap<>();
            m.dimensions().forEach(dim -> points.put(dim.code(), dim.points()));
            TreeMap<String, Double> pointsAttendus = Lettre.points(dossier, r, catalogue);
            assertThat(points.keySet()).as(cas).containsExactlyElementsOf(pointsAttendus.keySet());
            // Points are given to the hundredth; the score rounds their exact sum.
            pointsAttendus.forEach((dim, p) -> assertThat(points.get(dim)).as(cas + " : " + dim)
                    .isCloseTo(p, within(0.005 + 1e-9)));
            double total = pointsAttendus.values().stream().mapToDouble(Double::doubleValue).sum();
            assertThat(m.score()).as(cas).isEqualTo(Math.round(total));
            boolean bloquante = r.anomalies().stream().anyMatch(a -> a.gravite() == Gravite.BLOQUANTE);
            assertThat(m.niveau()).as(cas).isEqualTo(m.score() < 50 ? Resultat.Niveau.PREMATUREE
                    : m.score() < 80 || bloquante ? Resultat.Niveau.A_CONSOLIDER : Resultat.Niveau.MURE);
            niveaux.add(m.niveau());
            attendues.stream().map(a -> a.substring(0, a.indexOf(' '))).distinct()
                    .forEach(code -> declenchees.merge(code, 1, Integer::sum));
            deposables += r.deposable() ? 1 : 0;
        }
        // Each code is met on many dossiers and missing from many others; some dossiers are deposable, not all.
        assertThat(declenchees.keySet()).as(declenchees.toString()).containsExactlyInAnyOrderElementsOf(CODES_DE_LA_PAGE);
        assertThat(declenchees.values()).as(declenchees.toString()).allMatch(n -> n >= 10 && n <= TIRAGES - 10);
        assertThat(deposables).isBetween(10, TIRAGES - 10);
        assertThat(niveaux).containsExactlyInAnyOrder(Resultat.Niveau.values());
        assertThat(chaines).containsExactlyInAnyOrder("[national]", "[national, region-84]", "[national, region-28]",
                "[national, region-28, metropole-rouen-normandie]");
    }

    /**
     * baseline.md, read to the letter: §1 (pieces), §2 (anomalies, with the tolerances and formulas of its head), §3
     * (maturity points); and what the first packs change, and the socle's outre-mer rule.
     */
    private static final class Lettre {

        private static final double TOLERANCE_EUROS = 1;
        private static final double TOLERANCE_LOYER_M2 = 0.01;
        private static final double TOLERANCE_SURFACE = 0.5;
        /** Floating rounding only: 5.53 − 5.52 is not exactly 0.01. */
        private static final double ARRONDI = 1e-9;

        /**
         * Issue 3, item 7: the packs of the repository and their versions (region-84 from 2025, its 2026.1 with the
         * late-deposit notice; region-28 and the Métropole from 2026), for the communes the draws use.
         */
        static List<String> chaine(Dossier d) {
            String commune = d.operation().commune().codeInsee();
            int annee = d.dateReference().getYear();
            List<String> chaine = new ArrayList<>(List.of("national"));
            if (Set.of("38185", "69123").contains(commune) && annee >= 2025) {
                chaine.add("region-84");
            }
            if (Set.of("14118", "76351", "76540", "76231").contains(commune) && annee >= 2026) {
                chaine.add("region-28");
                if (Set.of("76540", "76231").contains(commune)) {
                    chaine.add("metropole-rouen-normandie");
                }
            }
            return chaine;
        }

        /** §1, in the order of the piece catalogue (the result's contract). */
        static List<String> pieces(Dossier d, List<String> catalogue) {
            Operation o = d.operation();
            List<String> chaine = chaine(d);
            boolean constructionOuTransformation = o.nature() == Nature.CONSTRUCTION_NEUVE
                    || o.nature() == Nature.TRANSFORMATION_LOCAUX;
            Set<String> fournies = d.pieces().stream().filter(PieceDeclaree::fournie).map(PieceDeclaree::code)
                    .collect(Collectors.toSet());
            TreeMap<String, Boolean> requises = new TreeMap<>();
            requises.put("COURRIER_DEMANDE", true);
            if (d.phase() == Phase.PROGRAMMATION) {
                requises.put("NOTE_DESCRIPTIVE", true);
                if (chaine.contains("metropole-rouen-normandie") && constructionOuTransformation) {
                    requises.put("PERMIS_CONSTRUIRE", true); // permit obtained at programmation (former CREA)
                }
            } else {
                if (chaine.contains("region-84")) {
                    requises.put("NOTE_DESCRIPTIVE", true); // regional document-cadre: at every phase
                }
                for (String code : List.of("LOCALISATION", "FICHE_DESCRIPTIVE", "PLAN_MASSE", "TABLEAU_SURFACES",
                        "PRIX_REVIENT", "PLAN_FINANCEMENT", "EQUILIBRE_FINANCIER", "ECHEANCIER")) {
                    requises.put(code, true);
                }
                if (o.nature() != Nature.VEFA) {
                    requises.put("JUSTIFICATIF_FONCIER", true);
                } else {
                    requises.put("CONTRAT_RESERVATION_VEFA", true);
                    requises.put("PERMIS_CONSTRUIRE", true);
                }
                if (constructionOuTransformation) {
                    requises.put("PERMIS_CONSTRUIRE", false);
                }
                if ((o.nature() == Nature.ACQUISITION_AMELIORATION || o.nature() == Nature.ACQUISITION_SANS_TRAVAUX)
                        && !o.foncier().vendeurOrganismeHlm() && !o.foncier().dejaProprietaire()) {
                    requises.put("AVIS_DOMAINES", true);
                }
                if (o.typeHebergement() == TypeHebergement.RESIDENCE_SOCIALE
                        || o.typeHebergement() == TypeHebergement.PENSION_DE_FAMILLE
                        || o.typeHebergement() == TypeHebergement.LOGEMENT_FOYER_PA_PH || o.autorisationSpecifiqueL4412()) {
                    requises.put("PROJET_SOCIAL", true);
                }
                if (d.maitreOuvrage().famille() == Famille.ORGANISME_AGREE_MOI) {
                    requises.put("AGREMENT_MOI", true);
                }
                if (o.nature() == Nature.USUFRUIT_LOCATIF_SOCIAL) {
                    requises.put("CONVENTION_USUFRUIT", false);
                }
                if (o.lots().stream().anyMatch(l -> l.produit() == Produit.PLAI_ADAPTE)) {
                    requises.put("ENGAGEMENTS_PLAI_ADAPTE", true);
                }
            }
            List<String> attendues = new ArrayList<>();
            requises.keySet().stream().sorted(Comparator.comparingInt(catalogue::indexOf)).forEach(code -> attendues.add(
                    code + (requises.get(code) ? " (bloquante)" : "") + (fournies.contains(code) ? " fournie" : " manquante")));
            return attendues;
        }

        /** §3: the points of each dimension, under the suggested weights; quality from the anomalies the result gives. */
        static TreeMap<String, Double> points(Dossier d, Resultat r, List<String> catalogue) {
            Operation o = d.operation();
            TreeMap<String, Double> points = new TreeMap<>();
            points.put("FONCIER", switch (o.foncier().maitrise()) {
                case AUCUNE -> 0.0;
                case PROMESSE_VENTE, DELIBERATION_COLLECTIVITE -> 15.0;
                default -> 25.0;
            });
            points.put("URBANISME", switch (o.urbanisme().permisConstruire()) {
                case NON_DEPOSE -> 0.0;
                case DEPOSE -> 12.0;
                case OBTENU -> 20.0;
                case PURGE_DE_RECOURS, NON_REQUIS -> 25.0;
            });
            Financement f = o.financement();
            double financement = 0;
            if (f != null && !f.ressources().isEmpty()) {
                double total = f.ressources().stream().mapToDouble(Financement.Ressource::montant).sum();
                double accorde = f.ressources().stream().filter(x -> x.statut() == Financement.StatutRessource.ACCORDE)
                        .mapToDouble(Financement.Ressource::montant).sum();
                if (f.prixRevientTTC() != null && !desequilibre(f.ressources(), f.prixRevientTTC())) {
                    financement += 10;
                }
                financement += accorde > 0 ? 15 * accorde / total : 0;
            }
            points.put("FINANCEMENT", financement);
            List<String> requises = pieces(d, catalogue);
            points.put("COMPLETUDE", 15.0 * requises.stream().filter(p -> p.endsWith(" fournie")).count() / requises.size());
            long majeures = r.anomalies().stream().filter(a -> a.gravite() == Gravite.MAJEURE).count();
            long mineures = r.anomalies().stream().filter(a -> a.gravite() == Gravite.MINEURE).count();
            boolean bloquante = r.anomalies().stream().anyMatch(a -> a.gravite() == Gravite.BLOQUANTE);
            points.put("QUALITE", bloquante ? 0.0 : Math.max(0, 10.0 - 2 * majeures - mineures));
            return points;
        }

        static List<String> anomalies(Dossier d, List<String> catalogue) {
            List<String> a = new ArrayList<>();
            Operation o = d.operation();
            boolean metropole = chaine(d).contains("metropole-rouen-normandie");
            boolean outreMer = o.commune().codeInsee().matches("97[1-468].*");
            boolean reglesPropres = o.commune().codeInsee().matches("97[57].*|98[678].*");
            LocalDate date = d.dateReference();
            boolean agrement = d.phase() == Phase.AGREMENT;
            boolean ordinaire = o.typeHebergement() == TypeHebergement.LOGEMENT_ORDINAIRE;
            Set<Produit> produitsVus = new HashSet<>();
            Set<String> designationsVues = new HashSet<>();
            for (int i = 0; i < o.lots().size(); i++) {
                Lot lot = o.lots().get(i);
                String champ = "/operation/lots/" + i + "/";
                // Socle 2026.24 (not in the page): a PLS lot overseas, where the LLS and LLTS are, has the rent ceiling
                // and surface utile of the overseas rules (arrêté du 12 avril 2005), which the socle does not check.
                boolean regimeMetropole = !(outreMer && lot.produit() == Produit.PLS);
                int n = lot.logements().size();
                double sh = 0;
                double annexes = 0;
                double loyers = 0;
                double suDesLoyers = 0;
                int loyersDeclares = 0;
                for (int j = 0; j < n; j++) {
                    Lot.Logement g = lot.logements().get(j);
                    double su = g.surfaceHabitable() + g.surfaceAnnexes() / 2;
                    sh += g.surfaceHabitable();
                    annexes += g.surfaceAnnexes();
                    if (regimeMetropole && g.surfaceUtile() != null
                            && Math.abs(g.surfaceUtile() - su) > TOLERANCE_SURFACE + ARRONDI) {
                        a.add("SURFACE_UTILE_INCOHERENTE MAJEURE " + champ + "logements/" + j + "/surfaceUtile");
                    }
                    if (g.loyerMensuel() != null) {
                        loyers += g.loyerMensuel();
                        suDesLoyers += su;
                        loyersDeclares++;
                    }
                    if (!designationsVues.add(g.designation())) {
                        a.add("DESIGNATION_EN_DOUBLE MINEURE " + champ + "logements/" + j + "/designation");
                    }
                }
                double suTotale = sh + annexes / 2;
                Double lmZone = lot.loyerZoneM2();
                Double loyerM2 = lot.loyerMensuelM2();
                boolean plaiOuPlus = lot.produit() != Produit.PLS;
                if (regimeMetropole && lmZone != null && loyerM2 != null) {
                    double cs = 0.77 * (1 + 20.0 * n / suTotale);
                    if (loyerM2 - lmZone * cs * (1 + lot.margeLocale()) > TOLERANCE_LOYER_M2 + ARRONDI) {
                        a.add("LOYER_SUPERIEUR_MAXIMUM BLOQUANTE " + champ + "loyerMensuelM2");
                    }
                    double facteur = o.ascenseur() ? 1.25 : 1.18;
                    if (plaiOuPlus && suTotale * loyerM2
                            - facteur * sh * lmZone * 0.77 * (1 + 20.0 * n / sh) > TOLERANCE_EUROS + ARRONDI) {
                        a.add("PLAFOND_ANNEXES_DEPASSE BLOQUANTE " + champ + "loyerMensuelM2");
                    }
                }
                // No local margin on PLAI (PLAI adapté included) in the Métropole Rouen Normandie.
                double plafondMarge = metropole && lot.produit().estPlai() ? 0 : 0.15;
                if (plaiOuPlus && !date.isBefore(LocalDate.of(2023, 1, 1)) && lot.margeLocale() > plafondMarge + ARRONDI) {
                    a.add("MARGE_LOCALE_EXCESSIVE BLOQUANTE " + champ + "margeLocale");
                }
                if (regimeMetropole && loyerM2 != null && loyersDeclares > 0
                        && loyers - suDesLoyers * loyerM2 > TOLERANCE_EUROS * loyersDeclares + ARRONDI) {
                    a.add("COEFFICIENTS_LOYER_EXCESSIFS MAJEURE " + champ + "logements");
                }
                if (agrement && (lmZone == null || loyerM2 == null)) {
                    a.add("LOYER_NON_VERIFIABLE MAJEURE " + champ + (lmZone == null ? "loyerZoneM2" : "loyerMensuelM2"));
                }
                // The only official value the parameter table holds: PLUS, zone 2, 2010 (5.24 €/m²).
                String zone = lot.produit() == Produit.PLS && ordinaire ? (o.zoneABC() == null ? null : o.zoneABC().name())
                        : (o.zone123() == null ? null : o.zone123().code());
                if (lmZone != null && lot.produit() == Produit.PLUS && "2".equals(zone) && date.getYear() == 2010
                        && Math.abs(lmZone - 5.24) > TOLERANCE_LOYER_M2 + ARRONDI) {
                    a.add("LOYER_ZONE_DIFFERENT_AVIS BLOQUANTE " + champ + "loyerZoneM2");
                }
                if (lot.produit() == Produit.PLS && (o.typeHebergement() == TypeHebergement.RESIDENCE_SOCIALE
                        || o.typeHebergement() == TypeHebergement.PENSION_DE_FAMILLE)) {
                    a.add("PLS_EN_RESIDENCE_SOCIALE MAJEURE " + champ + "produit");
                }
                // Socle 2026.19 (2026.20: Saint-Martin too): outre-mer, the LLTS and the LLS stand for the PLAI and the
                // PLUS (not in the page).
                if (plaiOuPlus && outreMer) {
                    a.add("PRODUIT_NON_DISTRIBUE_OUTRE_MER BLOQUANTE " + champ + "produit");
                }
                // Socle 2026.23: where the overseas collectivity sets its own housing rules (Saint-Pierre-et-Miquelon,
                // Saint-Barthélemy, the Pacific), no product is the State's, the PLS included (not in the page).
                if (reglesPropres) {
                    a.add("PRODUIT_NON_DISTRIBUE_OUTRE_MER BLOQUANTE " + champ + "produit");
                }
                if (!produitsVus.add(lot.produit())) {
                    a.add("LOT_EN_DOUBLE MAJEURE " + champ + "produit");
                }
            }
            if (o.zone123() == null && o.lots().stream().anyMatch(l -> l.produit() != Produit.PLS)) {
                a.add("ZONAGE_MANQUANT MAJEURE /operation/zone123");
            }
            if (o.zoneABC() == null && ordinaire && o.lots().stream().anyMatch(l -> l.produit() == Produit.PLS)) {
                a.add("ZONAGE_MANQUANT MAJEURE /operation/zoneABC");
            }

            Financement f = o.financement();
            Double prix = f == null ? null : f.prixRevientTTC();
            List<Financement.Ressource> ressources = f == null ? List.of() : f.ressources();
            if (prix != null && !ressources.isEmpty() && desequilibre(ressources, prix)) {
                a.add("PLAN_FINANCEMENT_DESEQUILIBRE " + (agrement ? "BLOQUANTE" : "MAJEURE")
                        + " /operation/financement/ressources");
            }
            if (agrement && (prix == null || ressources.isEmpty())) {
                a.add("PLAN_FINANCEMENT_ABSENT MAJEURE /operation/financement/"
                        + (prix == null ? "prixRevientTTC" : "ressources"));
            }
            boolean toutPls = o.lots().stream().allMatch(l -> l.produit() == Produit.PLS);
            for (int k = 0; k < ressources.size(); k++) {
                Financement.Ressource r = ressources.get(k);
                if (r.type() == Financement.TypeRessource.SUBVENTION_ETAT && (r.produit() == Produit.PLS || toutPls)) {
                    a.add("SUBVENTION_ETAT_SUR_PLS BLOQUANTE /operation/financement/ressources/" + k);
                }
            }

            Famille famille = d.maitreOuvrage().famille();
            if (famille == Famille.AUTRE) {
                a.add("BENEFICIAIRE_NON_ELIGIBLE BLOQUANTE /maitreOuvrage/famille");
            }
            if (famille == Famille.ORGANISME_AGREE_MOI && !Boolean.TRUE.equals(d.maitreOuvrage().agrementMOI())) {
                a.add("BENEFICIAIRE_NON_ELIGIBLE BLOQUANTE /maitreOuvrage/agrementMOI");
            }
            long logements = o.lots().stream().mapToLong(l -> l.logements().size()).sum();
            long plai = o.lots().stream().filter(l -> l.produit().estPlai()).mapToLong(l -> l.logements().size()).sum();
            if (famille == Famille.ORGANISME_AGREE_MOI && !date.isBefore(LocalDate.of(2019, 9, 1)) && 2 * plai <= logements) {
                a.add("BENEFICIAIRE_NON_ELIGIBLE BLOQUANTE /operation/lots");
            }
            if (o.nature() == Nature.VEFA && o.urbanisme().permisConstruire() == EtatPermis.NON_DEPOSE) {
                a.add("VEFA_PERMIS_NON_DEPOSE BLOQUANTE /operation/urbanisme/permisConstruire");
            }
            LocalDate acquisition = o.foncier().dateAcquisition();
            if (o.nature() == Nature.ACQUISITION_AMELIORATION && o.foncier().dejaProprietaire() && acquisition != null
                    && !date.isBefore(LocalDate.of(2024, 1, 1)) && acquisition.isBefore(date.minusYears(10))) {
                a.add("ACQUISITION_TROP_ANCIENNE BLOQUANTE /operation/foncier/dateAcquisition");
            }
            if (o.nature() == Nature.USUFRUIT_LOCATIF_SOCIAL) {
                if (o.dureeUsufruitAnnees() == null) {
                    a.add("USUFRUIT_DUREE_MANQUANTE MAJEURE /operation/dureeUsufruitAnnees");
                } else if (o.dureeUsufruitAnnees() < 15 && !date.isBefore(LocalDate.of(2023, 1, 1))) {
                    a.add("USUFRUIT_TROP_COURT BLOQUANTE /operation/dureeUsufruitAnnees");
                }
            }
            Operation.Calendrier c = o.calendrier();
            if (c.dateLivraisonPrevue() != null && c.dateOrdreServicePrevue() != null
                    && c.dateLivraisonPrevue().isBefore(c.dateOrdreServicePrevue())) {
                a.add("CALENDRIER_INCOHERENT MINEURE /operation/calendrier/dateLivraisonPrevue");
            }
            if (o.urbanisme().dateObtentionPermis() != null && o.urbanisme().dateDepotPermis() != null
                    && o.urbanisme().dateObtentionPermis().isBefore(o.urbanisme().dateDepotPermis())) {
                a.add("CALENDRIER_INCOHERENT MINEURE /operation/urbanisme/dateObtentionPermis");
            }
            if (!luhn(d.maitreOuvrage().siren())) {
                a.add("SIREN_INVALIDE MAJEURE /maitreOuvrage/siren");
            }
            for (int k = 0; k < d.pieces().size(); k++) {
                PieceDeclaree p = d.pieces().get(k);
                if ("COURRIER_DEMANDE".equals(p.code()) && p.fournie() && Boolean.FALSE.equals(p.signee())) {
                    a.add("COURRIER_NON_SIGNE BLOQUANTE /pieces/" + k + "/signee");
                }
                if (!catalogue.contains(p.code())) {
                    a.add("PIECE_INCONNUE INFO /pieces/" + k + "/code");
                }
            }
            if (metropole && d.phase() == Phase.PROGRAMMATION
                    && (o.nature() == Nature.CONSTRUCTION_NEUVE || o.nature() == Nature.TRANSFORMATION_LOCAUX)
                    && o.urbanisme().permisConstruire() != EtatPermis.OBTENU
                    && o.urbanisme().permisConstruire() != EtatPermis.PURGE_DE_RECOURS) {
                a.add("PERMIS_NON_OBTENU BLOQUANTE /operation/urbanisme/permisConstruire");
            }
            if (chaine(d).contains("region-84") && date.getYear() >= 2026 && date.getMonthValue() >= 11) {
                a.add("DEPOT_TARDIF INFO /dateReference");
            }
            return a;
        }

        /**
         * Σ montants ≠ prixRevientTTC beyond the euro, in decimals as the dossier writes them: in binary, seven
         * resources of a 275 M€ operation that sum to the cost price plus 1,00 € add up to 1,0000000596 € more.
         */
        private static boolean desequilibre(List<Financement.Ressource> ressources, double prix) {
            BigDecimal total = ressources.stream().map(r -> BigDecimal.valueOf(r.montant())).reduce(BigDecimal.ZERO, BigDecimal::add);
            return total.subtract(BigDecimal.valueOf(prix)).abs().compareTo(BigDecimal.valueOf(TOLERANCE_EUROS)) > 0;
        }

        /** The SIREN's check key: Luhn over its nine digits. */
        private static boolean luhn(String siren) {
            int somme = 0;
            for (int i = 0; i < siren.length(); i++) {
                int chiffre = siren.charAt(siren.length() - 1 - i) - '0';
                if (i % 2 == 1) {
                    chiffre *= 2;
                    chiffre = chiffre > 9 ? chiffre - 9 : chiffre;
                }
                somme += chiffre;
            }
            return somme % 10 == 0;
        }
    }

    /** Dossiers of the contract, drawn close to every threshold of the page. */
    private static final class Tirage {

        private static final JsonNodeFactory NOEUDS = JsonNodeFactory.instance;
        /**
         * Dijon, Brest, Limoges, Saint-Denis de La Réunion, Nouméa (no pack); Grenoble, Lyon; Caen, Le Havre; Rouen,
         * Elbeuf.
         */
        private static final String[] COMMUNES = {"21231", "29019", "87085", "97411", "98818", "38185", "69123", "14118",
            "76351", "76540", "76231"};
        private static final String[] SIRENS = {"732829320", "552100554", "356000000", "732829320", "552100554",
            "356000000", "732829321", "123456789"};

        private final Random hasard;
        private final List<String> catalogue;

        Tirage(Random hasard, List<String> catalogue) {
            this.hasard = hasard;
            this.catalogue = catalogue;
        }

        ObjectNode dossier() {
            ObjectNode d = NOEUDS.objectNode();
            d.put("formatVersion", "1");
            boolean agrement = hasard.nextInt(3) > 0;
            d.put("phase", agrement ? "AGREMENT" : "PROGRAMMATION");
            int annee = un(2026, 2026, 2026, 2026, 2026, 2025, 2021, 2010);
            LocalDate date = LocalDate.of(annee, 1, 1).plusDays(hasard.nextInt(365));
            d.put("dateReference", date.toString());
            ObjectNode mo = d.putObject("maitreOuvrage");
            mo.put("siren", un(SIRENS));
            String famille = un("OPH", "ESH", "COOPERATIVE_HLM", "SEM", "ORGANISME_AGREE_MOI", "ORGANISME_AGREE_MOI",
                    "COLLECTIVITE", "AUTRE");
            mo.put("famille", famille);
            if (hasard.nextBoolean()) {
                mo.put("agrementMOI", hasard.nextInt(3) > 0);
            }

            ObjectNode o = d.putObject("operation");
            String nature = un("CONSTRUCTION_NEUVE", "VEFA", "ACQUISITION_AMELIORATION", "ACQUISITION_SANS_TRAVAUX",
                    "TRANSFORMATION_LOCAUX", "USUFRUIT_LOCATIF_SOCIAL");
            o.put("nature", nature);
            if (hasard.nextInt(3) > 0) {
                o.put("typeHebergement", un("LOGEMENT_ORDINAIRE", "LOGEMENT_ORDINAIRE", "RESIDENCE_SOCIALE",
                        "PENSION_DE_FAMILLE", "RESIDENCE_ETUDIANTE", "LOGEMENT_FOYER_PA_PH"));
            }
            if (hasard.nextInt(5) == 0) {
                o.put("autorisationSpecifiqueL4412", hasard.nextBoolean());
            }
            o.putObject("commune").put("codeInsee", un(COMMUNES));
            if (hasard.nextInt(5) > 0) {
                o.put("zone123", un("1BIS", "1", "2", "2", "3"));
            }
            if (hasard.nextInt(5) > 0) {
                o.put("zoneABC", un("ABIS", "A", "B1", "B2", "C"));
            }
            boolean ascenseur = hasard.nextBoolean();
            o.put("ascenseur", ascenseur);
            ObjectNode foncier = o.putObject("foncier");
            foncier.put("maitrise", un("AUCUNE", "PROMESSE_VENTE", "ACTE_VENTE", "CONTRAT_RESERVATION_VEFA"));
            foncier.put("dejaProprietaire", hasard.nextBoolean());
            foncier.put("vendeurOrganismeHlm", hasard.nextInt(4) == 0);
            if (hasard.nextBoolean()) {
                // Ten years before the reference date, to the day, or a day either side.
                foncier.put("dateAcquisition", date.minusYears(10).plusDays(hasard.nextInt(5) - 2).toString());
            }
            ObjectNode urbanisme = o.putObject("urbanisme");
            if (hasard.nextInt(4) > 0) {
                urbanisme.put("permisConstruire", un("NON_REQUIS", "NON_DEPOSE", "DEPOSE", "OBTENU", "PURGE_DE_RECOURS"));
            }
            LocalDate depot = date.minusDays(100 + hasard.nextInt(200));
            if (hasard.nextBoolean()) {
                urbanisme.put("dateDepotPermis", depot.toString());
            }
            if (hasard.nextBoolean()) {
                urbanisme.put("dateObtentionPermis", depot.plusDays(hasard.nextInt(5) - 2).toString());
            }
            if (hasard.nextBoolean()) {
                LocalDate os = date.plusDays(100 + hasard.nextInt(300));
                ObjectNode calendrier = o.putObject("calendrier");
                calendrier.put("dateOrdreServicePrevue", os.toString());
                LocalDate livraison = os.plusDays(hasard.nextBoolean() ? hasard.nextInt(3) - 1 : 600);
                calendrier.put("dateLivraisonPrevue", livraison.toString());
            }
            if ("USUFRUIT_LOCATIF_SOCIAL".equals(nature) ? hasard.nextInt(4) > 0 : hasard.nextInt(6) == 0) {
                o.put("dureeUsufruitAnnees", un(14, 15, 16, 1, 99));
            }
            ArrayNode lots = o.putArray("lots");
            int nombreLots = 1 + hasard.nextInt(3);
            for (int i = 0; i < nombreLots; i++) {
                lots.add(lot(i, ascenseur));
            }
            if (hasard.nextInt(5) > 0) {
                financement(o.putObject("financement"));
            }
            pieces(d.putArray("pieces"));
            return d;
        }

        /**
         * A lot whose rent sits a cent from its ceiling, or whose total rent sits a euro from its large-annex cap,
         * and whose dwellings' rents sit a euro from the lot's rent per m².
         */
        private ObjectNode lot(int rang, boolean ascenseur) {
            ObjectNode lot = NOEUDS.objectNode();
            String produit = un("PLAI", "PLAI_ADAPTE", "PLUS", "PLUS", "PLS");
            lot.put("produit", produit);
            ArrayNode logements = lot.putArray("logements");
            int n = 1 + hasard.nextInt(4);
            double sh = 0;
            double annexes = 0;
            // Large annexes half of the time, so that the annex cap binds before the rent ceiling.
            boolean grandesAnnexes = hasard.nextBoolean();
            for (int j = 0; j < n; j++) {
                ObjectNode g = logements.addObject();
                // Now and then the designation of another dwelling of the operation.
                g.put("designation", hasard.nextInt(12) == 0 ? "L" + hasard.nextInt(rang + 1) + "-" + hasard.nextInt(3)
                        : "L" + rang + "-" + j);
                g.put("typologie", un("T1", "T2", "T3", "T4", "T5"));
                double surface = centiemes(25 + hasard.nextDouble() * 75);
                double annexe = grandesAnnexes ? centiemes(20 + hasard.nextDouble() * 60) : centiemes(hasard.nextDouble() * 8);
                g.put("surfaceHabitable", surface);
                if (annexe > 0 || hasard.nextBoolean()) {
                    g.put("surfaceAnnexes", annexe);
                }
                if (hasard.nextInt(3) > 0) {
                    g.put("surfaceUtile", surface + annexe / 2 + un(0.0, 0.0, 0.0, 0.0, 0.5, -0.5, -0.49, 0.51, -0.51, 3.0));
                }
                sh += surface;
                annexes += annexe;
            }
            double su = sh + annexes / 2;
            Double lmZone = hasard.nextInt(6) == 0 ? null : (double) un(5.24, 5.24, 5.25, 5.26, 5.22, 6.1, 4.87, 9.5);
            double marge = un(0.0, 0.0, 0.05, 0.15, 0.16, 0.1501, 0.3);
            if (marge > 0 || hasard.nextBoolean()) {
                lot.put("margeLocale", marge);
            }
            if (lmZone != null) {
                lot.put("loyerZoneM2", lmZone);
            }
            Double loyerM2 = null;
            if (hasard.nextInt(6) > 0) {
                double base = lmZone == null ? 5.5 : hasard.nextBoolean()
                        ? lmZone * 0.77 * (1 + 20.0 * n / su) * (1 + marge)
                        : (ascenseur ? 1.25 : 1.18) * sh * lmZone * 0.77 * (1 + 20.0 * n / sh) / su;
                loyerM2 = Math.max(0.01, centiemes(base + un(-0.02, -0.01, 0.0, 0.0, 0.01, 0.02, 0.5)));
                lot.put("loyerMensuelM2", loyerM2);
            }
            for (int j = 0; j < n; j++) {
                ObjectNode g = (ObjectNode) logements.get(j);
                if (hasard.nextInt(4) > 0) {
                    double suLogement = g.get("surfaceHabitable").asDouble() + g.path("surfaceAnnexes").asDouble(0) / 2;
                    double loyer = (loyerM2 == null ? 5.5 : loyerM2) * suLogement
                            + un(-1.0, 0.0, 0.0, 0.99, 1.0, 1.01, 1.5, 5.0);
                    g.put("loyerMensuel", Math.max(0, centiemes(loyer)));
                }
            }
            return lot;
        }

        /** Resources that sum to the cost price to the euro, a cent either side of the tolerance, or far from it. */
        private void financement(ObjectNode f) {
            // Up to 300 M€ (a large operation), where binary sums of cents drift by more than a billionth of a euro.
            double prix = centiemes(hasard.nextBoolean() ? 500_000 + hasard.nextDouble() * 3_000_000
                    : 10_000_000 + hasard.nextDouble() * 290_000_000);
            if (hasard.nextInt(5) > 0) {
                f.put("prixRevientTTC", prix);
            }
            ArrayNode ressources = f.putArray("ressources");
            int nombre = hasard.nextInt(5);
            double reste = prix + un(0.0, 0.0, 1.0, -1.0, 1.01, -1.01, 0.99, 5000.0);
            for (int k = 0; k < nombre; k++) {
                ObjectNode r = ressources.addObject();
                r.put("type", un("PRET_CDC", "PRET_ACTION_LOGEMENT", "SUBVENTION_ETAT", "SUBVENTION_ETAT",
                        "SUBVENTION_COLLECTIVITE", "FONDS_PROPRES"));
                if (hasard.nextInt(3) > 0) {
                    r.put("produit", un("PLAI", "PLAI_ADAPTE", "PLUS", "PLS"));
                }
                double montant = k == nombre - 1 ? reste : centiemes(reste * hasard.nextDouble());
                r.put("montant", Math.max(0, centiemes(montant)));
                reste = centiemes(reste - montant);
                r.put("statut", un("SOLLICITE", "ACCORDE"));
            }
        }

        /** Every piece of the catalogue, each missing or not provided now and then (often, for half the dossiers). */
        private void pieces(ArrayNode pieces) {
            int manque = hasard.nextBoolean() ? 40 : 3;
            for (String code : catalogue) {
                if (hasard.nextInt(100) >= manque) {
                    ObjectNode p = pieces.addObject();
                    p.put("code", code);
                    p.put("fournie", hasard.nextInt(100) >= manque);
                    if ("COURRIER_DEMANDE".equals(code) && hasard.nextInt(3) > 0) {
                        p.put("signee", hasard.nextInt(4) > 0);
                    }
                }
            }
            if (hasard.nextInt(8) == 0) {
                pieces.addObject().put("code", "PIECE_MAISON_" + hasard.nextInt(3)).put("fournie", true);
            }
        }

        private static double centiemes(double v) {
            return Math.round(v * 100) / 100.0;
        }

        @SafeVarargs
        private <T> T un(T... choix) {
            return choix[hasard.nextInt(choix.length)];
        }
    }
}
