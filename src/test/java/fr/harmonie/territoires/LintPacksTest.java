package fr.harmonie.territoires;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.harmonie.Socle;
import fr.harmonie.dossier.LecteurDossier;
import fr.harmonie.evaluation.Evaluateur;
import fr.harmonie.evaluation.Resultat;
import fr.harmonie.regles.FichiersPack;
import fr.harmonie.regles.LecteurPack;
import fr.harmonie.regles.Pack;
import fr.harmonie.regles.PackInvalideException;
import fr.harmonie.regles.SocleNational;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chaque erreur que la vérification des packs doit refuser, montrée par un pack cassé exprès. */
class LintPacksTest {

    private static final Geographie GEO = Geographie.chargerEmbarquee();
    private static final Pack NATIONAL = SocleNational.charger(Path.of("rules"));
    private static final Path ROUEN = Path.of("territories/metropole-rouen-normandie/2026.1");
    private static final Path NORMANDIE = Path.of("territories/region-28/2026.1");

    /** Un pack réel, modifié: chaque fichier peut être remplacé ou retiré (null). */
    private static Pack pack(Path source, Consumer<TreeMap<String, String>> modifier) {
        TreeMap<String, String> textes = new TreeMap<>();
        FichiersPack.depuisDossier(source).fichiers().forEach((k, v) -> textes.put(k, new String(v, StandardCharsets.UTF_8)));
        modifier.accept(textes);
        TreeMap<String, byte[]> octets = new TreeMap<>();
        textes.forEach((k, v) -> {
            if (v != null) {
                octets.put(k, v.getBytes(StandardCharsets.UTF_8));
            }
        });
        return LecteurPack.lire(new FichiersPack("test:" + source, octets));
    }

    private static void refuse(List<Pack> territoriaux, String... fragments) {
        var assertion = assertThatThrownBy(() -> new RegistrePacks(NATIONAL, territoriaux, GEO))
                .isInstanceOf(PackInvalideException.class);
        for (String f : fragments) {
            assertion.hasMessageContaining(f);
        }
    }

    private static Pack normandie() {
        return pack(NORMANDIE, t -> { });
    }

    private static Pack rouen(Consumer<TreeMap<String, String>> modifier) {
        return pack(ROUEN, modifier);
    }

    private static String remplacer(TreeMap<String, String> t, String fichier, String avant, String apres) {
        String s = t.get(fichier);
        if (!s.contains(avant)) {
            throw new IllegalArgumentException(avant);
        }
        return t.put(fichier, s.replace(avant, apres));
    }

    @Test
    void lesPacksDuDepotPassent() {
        new RegistrePacks(NATIONAL, new ArrayList<>(ChargeurPacks.territoriaux(Path.of("."))), GEO);
    }

    @Test
    void unParentInconnu() {
        refuse(List.of(rouen(t -> { })), "pack metropole-rouen-normandie@2026.1, pack.yaml : parent « region-28 » inconnu");
    }

    @Test
    void deuxPacksDUnMemeNiveauQuiSeChevauchent() {
        Pack autre = pack(NORMANDIE, t -> {
            remplacer(t, "pack.yaml", "id: region-28", "id: region-autre");
            remplacer(t, "pack.yaml", "[\"14\", \"27\", \"50\", \"61\", \"76\"]", "[\"76\", \"80\"]");
        });
        refuse(List.of(normandie(), autre), "périmètres qui se chevauchent au niveau REGION", "76");
    }

    /** A délégation handed over: the new délégataire takes the same communes once the former one's pack has ended. */
    @Test
    void deuxDelegatairesQuiSeSuccedentSurLesMemesCommunesNeSeChevauchentPas() throws Exception {
        Pack jusquaFin2026 = rouen(t -> remplacer(t, "pack.yaml", "validFrom: 2026-01-01", "validFrom: 2026-01-01\nvalidUntil: 2026-12-31"));
        Function<String, Pack> successeur = debut -> pack(NORMANDIE, t -> {
            remplacer(t, "pack.yaml", "id: region-28", "id: successeur-rouen");
            remplacer(t, "pack.yaml", "niveau: REGION\nparent: national", "niveau: DELEGATAIRE\nparent: region-28");
            remplacer(t, "pack.yaml", "validFrom: 2026-01-01", "validFrom: " + debut);
            remplacer(t, "pack.yaml", "departements: [\"14\", \"27\", \"50\", \"61\", \"76\"]", "epci: [\"200023414\"]");
        });

        RegistrePacks succession = new RegistrePacks(NATIONAL, List.of(normandie(), jusquaFin2026, successeur.apply("2027-01-01")), GEO);
        // Rouen in 2027 goes to the successor; no level was skipped, so the trace notes none.
        Resultat rouen2027 = new Evaluateur(succession, Clock.systemUTC()).evaluer(new LecteurDossier().lire(dossierA("76540", "2027-03-01")));
        assertThat(rouen2027.territoire().packs()).extracting(Resultat.PackApplique::id).containsExactly("national", "region-28", "successeur-rouen");
        assertThat(rouen2027.trace()).noneSatisfy(o -> assertThat(o.reference()).contains("niveau ignoré"));
        refuse(List.of(normandie(), jusquaFin2026, successeur.apply("2026-12-31")), "périmètres qui se chevauchent au niveau DELEGATAIRE", "71 communes, dont");
    }

    private static byte[] dossierA(String codeInsee, String date) throws Exception {
        return Files.readString(Path.of("rules/cas/agrement.json")).replace("\"21231\"", "\"" + codeInsee + "\"")
                .replace("\"dateReference\": \"2026-03-16\"", "\"dateReference\": \"" + date + "\"").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void unManifesteDontLeNiveauOuLePerimetreNeDesignentRien() {
        refuse(List.of(normandie(), rouen(t -> remplacer(t, "pack.yaml", "niveau: DELEGATAIRE", "niveau: COMMUNE"))),
                "pack metropole-rouen-normandie@2026.1, pack.yaml : niveau « COMMUNE » inconnu (REGION, DEPARTEMENT ou DELEGATAIRE)");
        refuse(List.of(normandie(), rouen(t -> remplacer(t, "pack.yaml", "  epci: [\"200023414\"]", "  epci: []"))),
                "pack metropole-rouen-normandie@2026.1, pack.yaml : périmètre vide");
        refuse(List.of(normandie(), rouen(t -> remplacer(t, "pack.yaml", "  epci: [\"200023414\"]",
                        "  epci: [\"200023415\"]\n  departements: [\"20\"]\n  communes: [\"76999\"]"))),
                "pack.yaml : EPCI « 200023415 » inconnu", "pack.yaml : département « 20 » inconnu", "pack.yaml : commune « 76999 » inconnue");
    }

    /** A pack of level {@code niveau} under {@code parent}, over {@code perimetre}, made from Normandie's (no rules). */
    private static Pack sous(String id, String niveau, String parent, String perimetre) {
        return pack(NORMANDIE, t -> {
            remplacer(t, "pack.yaml", "id: region-28", "id: " + id);
            remplacer(t, "pack.yaml", "niveau: REGION", "niveau: " + niveau);
            remplacer(t, "pack.yaml", "parent: national", "parent: " + parent);
            remplacer(t, "pack.yaml", "departements: [\"14\", \"27\", \"50\", \"61\", \"76\"]", perimetre);
        });
    }

    /**
     * A DDT of the Isère filed under Normandie would give Grenoble Normandie's rules instead of Auvergne-Rhône-Alpes'
     * (checked: it passed, and Grenoble's chain read national, region-28, ddt-38). A délégataire may reach beyond its
     * parent, as interdepartmental EPCI do, but not lie wholly outside it.
     */
    @Test
    void unPackRangeSousUnParentQuiNeLeContientPasOuQuiEstPlusPrecis() {
        String ou = "pack ddt-38@2026.1, pack.yaml : ";
        refuse(List.of(normandie(), sous("ddt-38", "DEPARTEMENT", "region-28", "departements: [\"38\"]")),
                ou + "aucune commune du périmètre n'est dans celui du parent « region-28 » (département 38) : elles y"
                        + " recevraient les règles de « region-28 », et non celles de leur territoire");
        refuse(List.of(normandie(), sous("ddt-38", "DEPARTEMENT", "region-28", "departements: [\"76\", \"38\"]")),
                ou + "512 communes du périmètre ne sont pas dans celui du parent « region-28 » (département 38)");
        refuse(List.of(normandie(), rouen(t -> { }), sous("ddt-76", "DEPARTEMENT", "metropole-rouen-normandie", "departements: [\"76\"]")),
                "pack ddt-76@2026.1, pack.yaml : parent « metropole-rouen-normandie » de niveau DELEGATAIRE : un pack de niveau"
                        + " DEPARTEMENT se range sous un niveau moins précis");
        // Under the socle directly, the Isère would skip Auvergne-Rhône-Alpes' rules (checked: Grenoble's chain read
        // national, ddt-38, and its dossier lost DEPOT_TARDIF); so would Rouen's délégataire skip Normandie's.
        Pack region84 = pack(Path.of("territories/region-84/2026.1"), t -> { });
        refuse(List.of(normandie(), region84, sous("ddt-38", "DEPARTEMENT", "national", "departements: [\"38\"]")),
                ou + "512 communes du périmètre (département 38) sont dans celui de « region-84 », qui n'est pas dans sa"
                        + " chaîne (parent: national) : elles perdraient les règles de « region-84 » ; le nommer en parent");
        refuse(List.of(normandie(), rouen(t -> remplacer(t, "pack.yaml", "parent: region-28", "parent: national"))),
                "pack metropole-rouen-normandie@2026.1, pack.yaml : 71 communes du périmètre (département 76) sont dans"
                        + " celui de « region-28 », qui n'est pas dans sa chaîne (parent: national)");
        refuse(List.of(normandie(), sous("epci-grand-paris", "DELEGATAIRE", "region-28", "epci: [\"200054781\"]")),
                "pack epci-grand-paris@2026.1, pack.yaml : aucune commune du périmètre n'est dans celui du parent « region-28 »");
        // The Communauté d'agglomération du Pays de Dreux reaches from the Eure-et-Loir into the Eure (27): accepted.
        new RegistrePacks(NATIONAL, List.of(normandie(), sous("epci-dreux", "DELEGATAIRE", "region-28", "epci: [\"200040277\"]")), GEO);
    }

    /**
     * A block of surcharges.yaml copied and not renamed: the second override answered to the first one's cases and
     * passed with none of its own (checked: region-84 with two R84-PJ-001, one for PLANS_LOGEMENTS, passed verifier).
     */
    @Test
    void deuxSurchargesSousUnMemeIdentifiantOuSousCeluiDUnParent() {
        String copie = "  - { id: MRN-PJ-001, code: PLANS_LOGEMENTS, bloquante: true, motif: m, source: s }\n";
        refuse(List.of(normandie(), rouen(t -> remplacer(t, "surcharges.yaml", "pieces:\n", "pieces:\n" + copie))),
                "pack metropole-rouen-normandie@2026.1, surcharges.yaml : l'identifiant « MRN-PJ-001 » est porté deux fois (pieces) :"
                        + " chaque surcharge a le sien");
        Pack normandieAvecSurcharge = pack(NORMANDIE, t -> t.put("surcharges.yaml",
                "calendrier:\n  - { id: MRN-PJ-001, code: DEPOT_TARDIF, gravite: INFO, mois: [12], message: m, motif: m, source: s }\n"));
        refuse(List.of(normandieAvecSurcharge, rouen(t -> { })),
                "pack metropole-rouen-normandie@2026.1, surcharges.yaml : l'identifiant « MRN-PJ-001 » est déjà celui d'une"
                        + " surcharge de region-28@2026.1");
    }

    /**
     * A calendar notice under a national code (checked: region-84 posing « COURRIER_NON_SIGNE » for late deposits, as
     * INFO, passed verifier): a client that reads that code acts on an unsigned letter.
     */
    @Test
    void unAvisDeCalendrierSousLeCodeDUneAnomalieDeLaChaine() {
        refuse(List.of(pack(NORMANDIE, t -> t.put("surcharges.yaml", "calendrier:\n  - { id: R28-CA-001, code: COURRIER_NON_SIGNE,"
                        + " gravite: INFO, mois: [12], message: Déposer plus tôt, motif: m, source: s }\n"))),
                "pack region-28@2026.1, surcharges.yaml : R28-CA-001 prend le code « COURRIER_NON_SIGNE », celui de l'anomalie"
                        + " que pose NAT-AN-024 (" + Socle.REFERENCE + ") : un avis de calendrier a un code à lui");
        // A rule written without @anomaliePosee keeps its code all the same: the code its consequence writes.
        refuse(List.of(normandie(), rouen(t -> {
            remplacer(t, "regles/permis.drl", "    @anomaliePosee(\"PERMIS_NON_OBTENU\")\n", "");
            t.put("surcharges.yaml", t.get("surcharges.yaml") + "calendrier:\n  - { id: MRN-CA-001, code: PERMIS_NON_OBTENU,"
                    + " gravite: INFO, mois: [12], message: Déposer plus tôt, motif: m, source: s }\n");
        })), "MRN-CA-001 prend le code « PERMIS_NON_OBTENU », celui de l'anomalie que pose MRN-AN-001 (metropole-rouen-normandie@2026.1)");
    }

    /** What bailleurs and instructeurs read of a pack; an empty README, no source or a blank name passed. */
    @Test
    void unPackSansSonReadmeSesSourcesOuSonNom() {
        String ou = "pack metropole-rouen-normandie@2026.1, ";
        refuse(List.of(normandie(), rouen(t -> t.put("README.md", null))),
                ou + "README.md absent : dire en français ce que le pack change et pourquoi");
        refuse(List.of(normandie(), rouen(t -> t.put("README.md", "\n  \n"))), ou + "README.md vide : dire en français");
        refuse(List.of(normandie(), rouen(t -> t.put("pack.yaml", t.get("pack.yaml").substring(0, t.get("pack.yaml").indexOf("sources:"))))),
                ou + "pack.yaml : aucune source : citer les documents sur lesquels le pack s'appuie");
        refuse(List.of(normandie(), rouen(t -> remplacer(t, "pack.yaml", "libelle: Métropole Rouen Normandie", "libelle: \" \""))),
                ou + "pack.yaml : libellé vide : c'est le nom du territoire que lisent bailleurs et instructeurs");
    }

    @Test
    void uneSurchargeSansMotifNiSource() {
        String source = "    source: \"Dépôt d'une demande de programmation, pratique de la CREA (Métropole Rouen Normandie)\"\nanomalies";
        refuse(List.of(normandie(), rouen(t -> remplacer(t, "surcharges.yaml", source, "    source: \" \"\nanomalies"))),
                "surcharges.yaml : chaque surcharge a un id, un motif et une source (MRN-PJ-001)");
    }

    @Test
    void unParametreQueLeSocleNeConnaitPasOuNeLaissePasSurcharger() {
        String parametre = "%s:\n  libelle: x\n  valeurs:\n    - { depuis: 2026-01-01, valeur: %s, reference: r%s }\n";
        refuse(List.of(normandie(), rouen(t -> t.put("parametres/autres.yaml", parametre.formatted("marge-locale.plafond.PLS", "0.1", ", motif: m")))),
                "parametres : « marge-locale.plafond.PLS » n'existe pas dans le socle");
        refuse(List.of(normandie(), rouen(t -> t.put("parametres/autres.yaml", parametre.formatted("maturite.seuil.MURE", "90", ", motif: m")))),
                "parametres : « maturite.seuil.MURE » ne peut pas être surchargé par un territoire");
        refuse(List.of(normandie(), rouen(t -> t.put("parametres/autres.yaml", parametre.formatted("tolerance.euros", "0.5", "")))),
                "parametres : « tolerance.euros » au 2026-01-01 : surcharge sans motif");
    }

    @Test
    void deuxVersionsQuiCommencentLeMemeJour() {
        Pack v2 = pack(NORMANDIE, t -> remplacer(t, "pack.yaml", "version: \"2026.1\"", "version: \"2026.2\""));
        refuse(List.of(normandie(), v2), "deux versions de « region-28 » commencent le 2026-01-01");
    }

    /** 2027.1 dated 2017 (one digit slipped) is taken over at once by 2026.1, and judges no dossier of 2027. */
    @Test
    void uneVersionPlusRecenteQuiCommencePlusTot() {
        Pack v2027 = pack(NORMANDIE, t -> remplacer(t, "pack.yaml", "version: \"2026.1\"\nvalidFrom: 2026-01-01",
                "version: \"2027.1\"\nvalidFrom: 2017-01-01"));
        refuse(List.of(normandie(), v2027), "pack region-28@2027.1, pack.yaml : la version 2027.1 commence le 2017-01-01, avant la"
                + " version 2026.1 (2026-01-01) : une version plus récente commence plus tard ; vérifier validFrom");
        Pack v2026b = pack(NORMANDIE, t -> remplacer(t, "pack.yaml", "version: \"2026.1\"\nvalidFrom: 2026-01-01",
                "version: \"2026.10\"\nvalidFrom: 2026-07-01"));
        new RegistrePacks(NATIONAL, List.of(normandie(), v2026b), GEO);
    }

    @Test
    void unePieceAjouteeQuiNExistePas() {
        refuse(List.of(normandie(), rouen(t -> remplacer(t, "surcharges.yaml", "code: PERMIS_CONSTRUIRE", "code: PERMIS_DEMOLIR"))),
                "pack metropole-rouen-normandie@2026.1, surcharges.yaml : MRN-PJ-001 demande la pièce « PERMIS_DEMOLIR », inconnue du"
                + " catalogue de la chaîne ; une pièce nouvelle s'ajoute au catalogue du pack, catalogue/pieces.csv (colonnes"
                + " code,libelle,attendus,reference,code_spls,modele)");
        // The piece meant, when one fits: a code of the catalogue mistyped, or the SPLS code of a piece.
        refuse(List.of(normandie(), rouen(t -> remplacer(t, "surcharges.yaml", "code: PERMIS_CONSTRUIRE", "code: PERMIS_DE_CONSTRUIRE"))),
                "MRN-PJ-001 demande la pièce « PERMIS_DE_CONSTRUIRE », inconnue du catalogue de la chaîne ; la pièce voulue"
                + " est-elle « PERMIS_CONSTRUIRE » ? (sinon, une pièce nouvelle s'ajoute au catalogue du pack");
        refuse(List.of(normandie(), rouen(t -> remplacer(t, "surcharges.yaml", "code: PERMIS_CONSTRUIRE", "code: A01"))),
                "MRN-PJ-001 demande la pièce « A01 », inconnue du catalogue de la chaîne ; A01 est le code SPLS de la pièce"
                + " « COURRIER_DEMANDE », à exiger sous ce code");
    }

    @Test
    void unEcartDUnePieceQueRienNExigeOuQuiNEstPasEcartable() {
        String ecarts = "\necarts:\n  - { id: MRN-EC-001, code: %s, motif: m, source: s }\n";
        refuse(List.of(normandie(), rouen(t -> t.put("surcharges.yaml", t.get("surcharges.yaml") + ecarts.formatted("PLAN_MASSE")))),
                "MRN-EC-001 écarte « PLAN_MASSE », qu'aucune règle de la chaîne ne permet d'écarter (NAT-PJ-005)");
        refuse(List.of(normandie(), rouen(t -> t.put("surcharges.yaml", t.get("surcharges.yaml") + ecarts.formatted("AVIS_COMMUNE")))),
                "MRN-EC-001 écarte « AVIS_COMMUNE », qu'aucune règle de la chaîne n'exige");
    }

    @Test
    void unRehaussementDUneAnomalieQuiNExistePas() {
        refuse(List.of(normandie(), rouen(t -> t.put("surcharges.yaml", t.get("surcharges.yaml")
                        + "\ngravites:\n  - { id: MRN-GR-001, code: LOYER_TROP_BAS, gravite: BLOQUANTE, motif: m, source: s }\n"))),
                "MRN-GR-001 relève la gravité de « LOYER_TROP_BAS », qu'aucune règle de la chaîne ne pose");
    }

    @Test
    void unRehaussementQuiNeRelevePasLaGraviteQueLaChainePoseDeja() {
        String gravites = "\ngravites:\n  - { id: MRN-GR-001, code: %s, gravite: %s, motif: m, source: s }\n";
        refuse(List.of(normandie(), rouen(t -> t.put("surcharges.yaml", t.get("surcharges.yaml") + gravites.formatted("VEFA_PERMIS_NON_DEPOSE", "MAJEURE")))),
                "MRN-GR-001 ne relèverait jamais la gravité de « VEFA_PERMIS_NON_DEPOSE » : la chaîne la pose déjà BLOQUANTE, "
                        + "et un territoire ne peut que relever une gravité");
        // The region already raised it: the délégataire's raise to the same level would change nothing.
        Pack normandieQuiReleve = pack(NORMANDIE, t -> t.put("surcharges.yaml", gravites.formatted("CALENDRIER_INCOHERENT", "MAJEURE")
                .replace("MRN-GR-001", "R28-GR-001")));
        refuse(List.of(normandieQuiReleve, rouen(t -> t.put("surcharges.yaml", t.get("surcharges.yaml")
                        + gravites.formatted("CALENDRIER_INCOHERENT", "MAJEURE")))),
                "MRN-GR-001 ne relèverait jamais la gravité de « CALENDRIER_INCOHERENT » : la chaîne la pose déjà MAJEURE");
        // Posed BLOQUANTE in AGREMENT and MAJEURE in PROGRAMMATION: raising it to BLOQUANTE applies in PROGRAMMATION, so
        // the lint goes on, and only asks for the raise's cases.
        refuse(List.of(normandie(), rouen(t -> t.put("surcharges.yaml", t.get("surcharges.yaml")
                        + gravites.formatted("PLAN_FINANCEMENT_DESEQUILIBRE", "BLOQUANTE")))),
                "MRN-GR-001 (surcharges.yaml) n'a aucun cas où elle se déclenche");
    }

    @Test
    void uneAnomalieDeclareeAutrementQueSaRegleNeLaPose() {
        refuse(List.of(normandie(), rouen(t -> remplacer(t, "surcharges.yaml", "code: PERMIS_NON_OBTENU\n    gravite: BLOQUANTE",
                        "code: PERMIS_NON_OBTENU\n    gravite: MAJEURE"))),
                "pack metropole-rouen-normandie@2026.1, regles/permis.drl : la règle MRN-AN-001 écrit la gravité BLOQUANTE, "
                        + "déclarée MAJEURE dans surcharges.yaml");
        refuse(List.of(normandie(), rouen(t -> remplacer(t, "surcharges.yaml", "code: PERMIS_NON_OBTENU", "code: PERMIS_ABSENT"))),
                "la règle MRN-AN-001 pose « PERMIS_NON_OBTENU » (@anomaliePosee), déclarée « PERMIS_ABSENT » dans surcharges.yaml");
        // Without @anomaliePosee, the code the consequence writes is the one clients match on: the declaration must say it.
        refuse(List.of(normandie(), rouen(t -> {
            remplacer(t, "regles/permis.drl", "    @anomaliePosee(\"PERMIS_NON_OBTENU\")\n", "");
            remplacer(t, "surcharges.yaml", "code: PERMIS_NON_OBTENU", "code: PERMIS_ABSENT");
        })), "pack metropole-rouen-normandie@2026.1, regles/permis.drl : la règle MRN-AN-001 pose « PERMIS_NON_OBTENU »,"
                + " déclarée « PERMIS_ABSENT » dans surcharges.yaml");
        // An @anomaliePosee that names another code than the rule poses would let a raise or a calendar notice take the
        // wrong code.
        refuse(List.of(normandie(), rouen(t -> remplacer(t, "regles/permis.drl", "@anomaliePosee(\"PERMIS_NON_OBTENU\")",
                        "@anomaliePosee(\"PERMIS_ABSENT\")"))),
                "pack metropole-rouen-normandie@2026.1, regles/permis.drl : la règle MRN-AN-001 déclare poser « PERMIS_ABSENT »"
                        + " (@anomaliePosee) mais sa conséquence pose « PERMIS_NON_OBTENU »");
    }

    @Test
    void unParametreDesserre() {
        refuse(List.of(normandie(), rouen(t -> remplacer(t, "parametres/marges.yaml", "valeur: 0\n      motif: \"Pas de marge locale sur le PLAI dans",
                        "valeur: 0.2\n      motif: \"Pas de marge locale sur le PLAI dans"))),
                "pack metropole-rouen-normandie@2026.1, parametres : « marge-locale.plafond.PLAI » desserré au 2026-01-01 (0.2 au lieu de 0.15");
        // 10 typed for 10 %: the cap is a fraction, and the figure meant would tighten it.
        refuse(List.of(normandie(), rouen(t -> remplacer(t, "parametres/marges.yaml", "valeur: 0\n      motif: \"Pas de marge locale sur le PLAI dans",
                        "valeur: 10\n      motif: \"Pas de marge locale sur le PLAI dans"))),
                "« marge-locale.plafond.PLAI » desserré au 2026-01-01 (10 au lieu de 0.15, plafond) : un territoire ne peut que"
                + " resserrer ; 10 est-il un pourcentage ? ce paramètre s'écrit en fraction, de 0.15 au plus : 0.1 pour 10 %");
        assertThatThrownBy(() -> new RegistrePacks(NATIONAL, List.of(normandie(), rouen(t -> remplacer(t, "parametres/marges.yaml",
                "valeur: 0\n      motif: \"Pas de marge locale sur le PLAI dans", "valeur: 0.2\n      motif: \"Pas de marge locale sur le PLAI dans"))), GEO))
                .hasMessageNotContaining("pourcentage");
    }

    /**
     * Tightened past sense, a parameter refuses every dossier: a negative margin cap blocks even a rent without margin,
     * and 60 typed for a share of 0.6 leaves no organisme agréé MOI eligible. Both passed as "tightened".
     */
    @Test
    void unParametreResserreAuDelaDeSesBornes() {
        refuse(List.of(normandie(), rouen(t -> remplacer(t, "parametres/marges.yaml", "valeur: 0\n      motif: \"Pas de marge locale sur le PLAI dans",
                        "valeur: -0.05\n      motif: \"Pas de marge locale sur le PLAI dans"))),
                "pack metropole-rouen-normandie@2026.1, parametres : « marge-locale.plafond.PLAI » au 2026-01-01 : -0.05 au-dessous du"
                        + " minimum 0 (une marge locale n'est pas négative ; 0 : aucune marge)");
        refuse(List.of(normandie(), rouen(t -> t.put("parametres/moi.yaml", "beneficiaire.moi.part-plai-min:\n  libelle: x\n  valeurs:\n"
                        + "    - { depuis: 2026-01-01, valeur: 60, reference: r, motif: m }\n"))),
                "« beneficiaire.moi.part-plai-min » au 2026-01-01 : 60 au-dessus du maximum 1 (une part s'écrit de 0 à 1 : 0.6 pour 60 %)");
        refuse(List.of(normandie(), rouen(t -> t.put("parametres/moi.yaml", "beneficiaire.moi.part-plai-min:\n  libelle: x\n"
                        + "  bornes: { min: 0.6, pourquoi: p }\n  valeurs:\n    - { depuis: 2026-01-01, valeur: 0.6, reference: r, motif: m }\n"))),
                "« beneficiaire.moi.part-plai-min » : les bornes d'un paramètre sont celles du socle");
        // Within its bounds, a tightening passes: 0.6 for a share of 60 %.
        new RegistrePacks(NATIONAL, List.of(normandie(), rouen(t -> t.put("parametres/moi.yaml", "beneficiaire.moi.part-plai-min:\n"
                + "  libelle: x\n  valeurs:\n    - { depuis: 2026-01-01, valeur: 0.6, reference: r, motif: m }\n"))), GEO);
        // The socle's own values keep to its bounds, and the bounds say why.
        String valeur = "tolerance.euros:\n  libelle: x\n  bornes: %s\n  valeurs:\n    - { depuis: 2000-01-01, valeur: -1, reference: r }\n";
        assertThatThrownBy(() -> fr.harmonie.parametres.LecteurParametres.lire("tolerances.yaml",
                valeur.formatted("{ min: 0, pourquoi: \"une tolérance n'est pas négative\" }")))
                .hasMessageContaining("« tolerance.euros » au 2000-01-01 : -1 au-dessous du minimum 0 (une tolérance n'est pas négative)");
        assertThatThrownBy(() -> fr.harmonie.parametres.LecteurParametres.lire("tolerances.yaml", valeur.formatted("{ min: 0 }")))
                .hasMessageContaining("« tolerance.euros » : bornes sans min ni max, sans « pourquoi »");
    }

    @Test
    void desPoidsDeMaturiteQuiNeFontPasCent() {
        refuse(List.of(normandie(), rouen(t -> t.put("parametres/maturite.yaml",
                        "maturite.poids.FONCIER:\n  libelle: x\n  valeurs:\n    - { depuis: 2026-01-01, valeur: 30, reference: r, motif: m }\n"))),
                "les poids de maturité font 105 au lieu de 100 : FONCIER 30, URBANISME 25, FINANCEMENT 25, COMPLETUDE 15, QUALITE 10"
                + " (fixés par ce pack : FONCIER)");
        // Checked: a weight of -10 against 60 passed, and the dossier lost points as its foncier progressed.
        refuse(List.of(normandie(), rouen(t -> t.put("parametres/maturite.yaml", "maturite.poids.FONCIER:\n  libelle: x\n  valeurs:\n"
                        + "    - { depuis: 2026-01-01, valeur: -10, reference: r, motif: m }\nmaturite.poids.URBANISME:\n  libelle: x\n"
                        + "  valeurs:\n    - { depuis: 2026-01-01, valeur: 60, reference: r, motif: m }\n"))),
                "parametres : « maturite.poids.FONCIER » au 2026-01-01 : poids négatif (-10) ; un dossier perdrait des points");
        // 100 on the pack's first day, 105 from the 1st of July.
        refuse(List.of(normandie(), rouen(t -> t.put("parametres/maturite.yaml", "maturite.poids.FONCIER:\n  libelle: x\n  valeurs:\n"
                        + "    - { depuis: 2026-01-01, jusqua: 2026-06-30, valeur: 25, reference: r, motif: m }\n"
                        + "    - { depuis: 2026-07-01, valeur: 30, reference: r, motif: m }\n"))),
                "les poids de maturité font 105 au lieu de 100 à partir du 2026-07-01 : FONCIER 30,");
        // 30 + 20 until the end of June; then the foncier's weight falls back to the socle's 25.
        refuse(List.of(normandie(), rouen(t -> t.put("parametres/maturite.yaml", "maturite.poids.FONCIER:\n  libelle: x\n  valeurs:\n"
                        + "    - { depuis: 2026-01-01, jusqua: 2026-06-30, valeur: 30, reference: r, motif: m }\n"
                        + "maturite.poids.URBANISME:\n  libelle: x\n  valeurs:\n"
                        + "    - { depuis: 2026-01-01, valeur: 20, reference: r, motif: m }\n"))),
                "les poids de maturité font 95 au lieu de 100 à partir du 2026-07-01 : FONCIER 25, URBANISME 20,");
    }

    /** The socle's own weights: a rule author who gives quality 5 points in 2027 hears it from the check, not from cases. */
    @Test
    void desPoidsDeMaturiteDuSocleQuiNeFontPasCent() {
        String qualite = "    - { depuis: 2000-01-01, valeur: 10, reference: \"Harmonie, socle national format 1 (baseline §3)\" }";
        Function<String, Pack> socle = valeurs -> pack(Path.of("rules"), t -> remplacer(t, "parametres/maturite.yaml", qualite, valeurs));
        Pack a95 = socle.apply("    - { depuis: 2000-01-01, valeur: 5, reference: r }");
        assertThatThrownBy(() -> new RegistrePacks(a95, List.of(), GEO)).isInstanceOf(PackInvalideException.class)
                .hasMessageContaining("pack national@" + NATIONAL.manifeste().version() + ", parametres : les poids de maturité font 95 au lieu de 100 : ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("à partir du"));
        Pack a105En2027 = socle.apply("    - { depuis: 2000-01-01, jusqua: 2026-12-31, valeur: 10, reference: r }\n"
                + "    - { depuis: 2027-01-01, valeur: 15, reference: r }");
        assertThatThrownBy(() -> new RegistrePacks(a105En2027, List.of(), GEO))
                .hasMessageContaining("les poids de maturité font 105 au lieu de 100 à partir du 2027-01-01");
        Pack sansQualiteAvant2027 = socle.apply("    - { depuis: 2027-01-01, valeur: 10, reference: r }");
        assertThatThrownBy(() -> new RegistrePacks(sansQualiteAvant2027, List.of(), GEO))
                .hasMessageContaining("aucun poids de maturité pour QUALITE au 2000-01-01");
        new RegistrePacks(socle.apply("    - { depuis: 2000-01-01, jusqua: 2026-12-31, valeur: 10, reference: r }\n"
                + "    - { depuis: 2027-01-01, valeur: 10, reference: r }"), List.of(), GEO);
    }

    /** Rouen's pack without the case where MRN-PJ-001 (the permit at programmation) does not fire. */
    private static void sansSonCasNeSeDeclenchePas(TreeMap<String, String> t) {
        String cas = t.get("regles/permis.cas.yaml");
        int debut = cas.indexOf("  - regle: MRN-PJ-001\n    nom: À l'agrément");
        t.put("regles/permis.cas.yaml", cas.substring(0, debut) + cas.substring(cas.indexOf("  - regle:", debut + 1)));
    }

    @Test
    void uneRegleSansCas() {
        refuse(List.of(normandie(), rouen(t -> t.put("regles/permis.cas.yaml", null))),
                "MRN-AN-001 (regles/permis.drl) n'a aucun cas où elle se déclenche (à écrire dans un fichier"
                        + " regles/*.cas.yaml du pack, sous « cas: » : « - regle: MRN-AN-001 », un « nom », les « modifier »"
                        + " du dossier de base, « declenche: true »)");
        // A piece asked of every dossier has no case without effect: the author is told to say which dossiers owe it.
        refuse(List.of(normandie(), rouen(t -> {
            remplacer(t, "surcharges.yaml", "    quand: { phases: [PROGRAMMATION], natures: [CONSTRUCTION_NEUVE, TRANSFORMATION_LOCAUX] }\n", "");
            sansSonCasNeSeDeclenchePas(t);
        })), "MRN-PJ-001 (surcharges.yaml) n'a aucun cas où elle ne se déclenche pas : sans condition dans « quand », elle exige"
                + " sa pièce de tout dossier, et aucun cas ne peut la montrer sans effet ; dire dans « quand » les dossiers qui la"
                + " doivent (phases, natures, produits, typesHebergement), par exemple « quand: { phases: [AGREMENT] } »");
        // With its conditions, the same pack without that case is told only that the case is missing.
        Pack sansCeCas = rouen(LintPacksTest::sansSonCasNeSeDeclenchePas);
        assertThatThrownBy(() -> new RegistrePacks(NATIONAL, List.of(normandie(), sansCeCas), GEO))
                .hasMessageContaining("MRN-PJ-001 (surcharges.yaml) n'a aucun cas où elle ne se déclenche pas")
                .hasMessageNotContaining("sans condition");
    }

    @Test
    void uneRegleNonDeclareeOuUneRegleQuiNeCompilePas() {
        refuse(List.of(normandie(), rouen(t -> remplacer(t, "surcharges.yaml", "id: MRN-AN-001", "id: MRN-AN-009"))),
                "la règle MRN-AN-001 n'est pas déclarée dans surcharges.yaml (anomalies) ; y ajouter, sous « anomalies: »,"
                + " « - { id: MRN-AN-001, code: PERMIS_NON_OBTENU, gravite: BLOQUANTE, motif: \"<pourquoi>\", source: \"<le texte"
                + " qui la fonde>\" } »", "l'anomalie déclarée MRN-AN-009 n'a pas de règle");
        // Without @anomaliePosee, the entry to write takes the code the consequence writes.
        refuse(List.of(normandie(), rouen(t -> {
            remplacer(t, "surcharges.yaml", "id: MRN-AN-001", "id: MRN-AN-009");
            remplacer(t, "regles/permis.drl", "    @anomaliePosee(\"PERMIS_NON_OBTENU\")\n", "");
        })), "« - { id: MRN-AN-001, code: PERMIS_NON_OBTENU, gravite: BLOQUANTE, motif:");
        refuse(List.of(normandie(), rouen(t -> remplacer(t, "regles/permis.drl", "phase == Phase.PROGRAMMATION", "phaze == Phase.PROGRAMMATION"))),
                "pack metropole-rouen-normandie@2026.1, regles/permis.drl ligne 15", "phaze");
    }

    /**
     * A rule « from 1 January 2027 » written with Drools' date-effective would follow the server's clock: passing its
     * cases or not, and giving a dossier one receipt or another, depending on the day the build or the service runs.
     */
    /** A pack's first DRL file, its package line written by guess: the check names the line to write. */
    @Test
    void uneRegleHorsDuPackageDeSonPack() {
        refuse(List.of(normandie(), rouen(t -> remplacer(t, "regles/permis.drl", "package harmonie.metropole_rouen_normandie;",
                "package territoires.rouen;"))),
                "pack metropole-rouen-normandie@2026.1, regles/permis.drl : la règle « En programmation, une construction ou une"
                + " transformation de locaux a son permis obtenu » est dans le package territoires.rouen ; les règles de ce pack s'y"
                + " rattachent par la ligne « package harmonie.metropole_rouen_normandie; » en tête du fichier");
    }

    @Test
    void uneRegleQuiSuitLHorlogeDuServeurEstRefuseeAvecSaLigne() {
        String attribut = "    ruleflow-group \"anomalies\"\n";
        for (String horloge : List.of("date-effective \"01-Jan-2027\"", "date-expires \"31-Dec-2026\"", "timer (int: 1h)")) {
            refuse(List.of(normandie(), rouen(t -> remplacer(t, "regles/permis.drl", attribut, attribut + "    " + horloge + "\n"))),
                    "pack metropole-rouen-normandie@2026.1, regles/permis.drl ligne 14 : règle « En programmation, une"
                            + " construction ou une transformation de locaux a son permis obtenu » : « " + horloge.split(" ")[0]
                            + " » suit l'horloge du serveur, pas la date de référence du dossier");
        }
    }

    @Test
    void uneSurchargeQuiNePeutJamaisSAppliquer() {
        refuse(List.of(normandie(), rouen(t -> t.put("surcharges.yaml", t.get("surcharges.yaml")
                        + "\ncalendrier:\n  - { id: MRN-CA-001, code: DEPOT_TARDIF, gravite: INFO, mois: [13], message: x, motif: m, source: s }\n"))),
                "MRN-CA-001 ne s'appliquerait jamais");
        refuse(List.of(normandie(), rouen(t -> {
            remplacer(t, "pack.yaml", "validFrom: 2026-01-01", "validFrom: 2026-01-01\nvalidUntil: 2026-06-30");
            t.put("surcharges.yaml", t.get("surcharges.yaml")
                    + "\ncalendrier:\n  - { id: MRN-CA-001, code: DEPOT_TARDIF, gravite: INFO, mois: [11, 12], message: x, motif: m, source: s }\n");
        })), "MRN-CA-001 ne s'appliquerait jamais (mois [11, 12] hors de la validité du pack, du 2026-01-01 au 2026-06-30)");
        refuse(List.of(normandie(), rouen(t -> remplacer(t, "pack.yaml", "validFrom: 2026-01-01", "validFrom: 2026-01-01\nvalidUntil: 2025-01-01"))),
                "validUntil précède validFrom");
        // A period of the year, from one day to another, as deadlines are written.
        String avis = "\ncalendrier:\n  - { id: MRN-CA-001, code: DATE_LIMITE, gravite: INFO, %s, message: x, motif: m, source: s }\n";
        refuse(List.of(normandie(), rouen(t -> {
            remplacer(t, "pack.yaml", "validFrom: 2026-01-01", "validFrom: 2026-01-01\nvalidUntil: 2026-06-30");
            t.put("surcharges.yaml", t.get("surcharges.yaml") + avis.formatted("du: 16/10, au: 31/12"));
        })), "MRN-CA-001 ne s'appliquerait jamais (du 16/10 au 31/12, hors de la validité du pack, du 2026-01-01 au 2026-06-30)");
        refuse(List.of(normandie(), rouen(t -> t.put("surcharges.yaml", t.get("surcharges.yaml") + avis.formatted("du: 31/02, au: 31/03")))),
                "MRN-CA-001 : « 31/02 » n'est pas un jour de l'année ; écrire jour/mois, comme 15/10 pour le 15 octobre");
        refuse(List.of(normandie(), rouen(t -> t.put("surcharges.yaml", t.get("surcharges.yaml") + avis.formatted("du: 15 octobre, au: 31/12")))),
                "« 15 octobre » n'est pas un jour de l'année ; écrire jour/mois, ici 15/10");
        refuse(List.of(normandie(), rouen(t -> t.put("surcharges.yaml", t.get("surcharges.yaml") + avis.formatted("du: 1er Août, au: 31/12")))),
                "« 1er Août » n'est pas un jour de l'année ; écrire jour/mois, ici 01/08");
        refuse(List.of(normandie(), rouen(t -> t.put("surcharges.yaml", t.get("surcharges.yaml") + avis.formatted("du: 31 février, au: 31/12")))),
                "« 31 février » n'est pas un jour de l'année ; écrire jour/mois, comme 15/10 pour le 15 octobre");
        refuse(List.of(normandie(), rouen(t -> t.put("surcharges.yaml", t.get("surcharges.yaml") + avis.formatted("du: 16/10")))),
                "MRN-CA-001 : une période a un premier jour et un dernier, « du » et « au » (du: 15/10, au: 31/12)");
        refuse(List.of(normandie(), rouen(t -> t.put("surcharges.yaml", t.get("surcharges.yaml") + avis.formatted("mois: [12], du: 16/10, au: 31/12")))),
                "MRN-CA-001 donne à la fois des mois et une période (du, au) : l'un ou l'autre");
    }

    private static void illisible(Consumer<TreeMap<String, String>> modifier, String... fragments) {
        var assertion = assertThatThrownBy(() -> rouen(modifier)).isInstanceOf(PackInvalideException.class);
        for (String f : fragments) {
            assertion.hasMessageContaining(f);
        }
    }

    @Test
    void unManifesteMalEcrit() {
        illisible(t -> t.put("pack.yaml", null), "test:territories/metropole-rouen-normandie/2026.1 : pack.yaml absent");
        illisible(t -> remplacer(t, "pack.yaml", "parent: region-28", "parent: [region-28"), "/pack.yaml ligne 5 : ");
        illisible(t -> remplacer(t, "pack.yaml", "id: metropole-rouen-normandie", "id: Métropole"),
                "/pack.yaml : id absent ou invalide (minuscules, chiffres, tirets)");
        illisible(t -> remplacer(t, "pack.yaml", "validFrom: 2026-01-01\n", ""), "/pack.yaml : id, libelle, niveau, version et validFrom sont obligatoires");
        // Without its level, the check stopped on a NullPointerException instead of naming the file.
        illisible(t -> remplacer(t, "pack.yaml", "niveau: DELEGATAIRE\n", ""), "/pack.yaml : id, libelle, niveau, version et validFrom sont obligatoires");
        illisible(t -> remplacer(t, "pack.yaml", "niveau: DELEGATAIRE\n", "niveau:\n"), "/pack.yaml : id, libelle, niveau, version et validFrom sont obligatoires");
    }

    @Test
    void unFichierDeParametresMalEcrit() {
        String fichier = "parametres/marges.yaml";
        String ou = "pack metropole-rouen-normandie@2026.1, parametres/marges.yaml : ";
        illisible(t -> remplacer(t, fichier, "      valeur: 0\n", "      valeur: [0\n"), ou + "ligne ");
        illisible(t -> remplacer(t, fichier, "  libelle: Plafond des marges locales sur le loyer maximum, PLAI\n", ""),
                ou + "le paramètre « marge-locale.plafond.PLAI » n'a pas de libellé");
        illisible(t -> t.put(fichier, "marge-locale.plafond.PLAI:\n  libelle: x\n  valeurs: []\n"),
                ou + "le paramètre « marge-locale.plafond.PLAI » n'a aucune valeur");
        String valeur = "marge-locale.plafond.PLAI:\n  libelle: x\n  %s\n  valeurs:\n%s";
        illisible(t -> t.put(fichier, valeur.formatted("", "    - { valeur: 0, reference: r, motif: m }\n")),
                ou + "« marge-locale.plafond.PLAI » : chaque valeur a une date « depuis » et une « valeur »");
        illisible(t -> t.put(fichier, valeur.formatted("", "    - { depuis: 2026-01-01, valeur: 0, motif: m }\n")),
                ou + "« marge-locale.plafond.PLAI » au 2026-01-01 : valeur sans source (« reference »)");
        illisible(t -> t.put(fichier, valeur.formatted("", "    - { depuis: 2026-01-01, jusqua: 2025-12-31, valeur: 0, reference: r, motif: m }\n")),
                ou + "« marge-locale.plafond.PLAI » : « jusqua » précède « depuis »");
        illisible(t -> t.put(fichier, valeur.formatted("", "    - { depuis: 2026-01-01, jusqua: 2026-06-30, valeur: 0, reference: r, motif: m }\n"
                        + "    - { depuis: 2026-06-30, valeur: 0.05, reference: r, motif: m }\n")),
                ou + "« marge-locale.plafond.PLAI » : deux valeurs en vigueur le 2026-06-30");
        illisible(t -> t.put(fichier, valeur.formatted("sens: maximum", "    - { depuis: 2026-01-01, valeur: 0, reference: r, motif: m }\n")),
                ou + "« marge-locale.plafond.PLAI » : sens « maximum » inconnu (plafond ou plancher)");
        illisible(t -> t.put("parametres/autres.yaml", valeur.formatted("", "    - { depuis: 2026-01-01, valeur: 0, reference: r, motif: m }\n")),
                "pack metropole-rouen-normandie@2026.1, parametres/marges.yaml : paramètre « marge-locale.plafond.PLAI » défini deux fois");
    }

    @Test
    void desCasOuUnCatalogueMalEcrits() {
        refuse(List.of(normandie(), rouen(t -> t.put("regles/permis.cas.yaml", t.get("regles/permis.cas.yaml") + "  - { regle: MRN-AN-001, nom: [x\n"))),
                "pack metropole-rouen-normandie@2026.1, regles/permis.cas.yaml ligne ", " : cas illisibles : ");
        refuse(List.of(normandie(), rouen(t -> t.put("regles/permis.cas.yaml", t.get("regles/permis.cas.yaml")
                        + "  - { regle: MRN-AN-001, nom: sans attente }\n"))),
                "pack metropole-rouen-normandie@2026.1, regles/permis.cas.yaml : chaque cas a une règle, un nom et « declenche »");
        String entete = "code,libelle,attendus,reference,code_spls,modele\n";
        illisible(t -> t.put("catalogue/pieces.csv", entete + "CHARTE,Charte,a,r,,\nCHARTE,Charte bis,a,r,,\n"),
                "pack metropole-rouen-normandie@2026.1, catalogue/pieces.csv ligne 3 : pièce « CHARTE » en double");
        illisible(t -> t.put("catalogue/pieces.csv", entete + "charte,Charte,a,r,,\n"),
                "pack metropole-rouen-normandie@2026.1, catalogue/pieces.csv ligne 2 : code « charte » invalide ou libellé vide");
        // What a spreadsheet or a hand makes of it: each was refused in English, without the file, or accepted.
        String ou = "pack metropole-rouen-normandie@2026.1, catalogue/pieces.csv";
        illisible(t -> t.put("catalogue/pieces.csv", "code,libelle,reference\nCHARTE,Charte,r\n"),
                ou + " : colonne attendus absente de l'en-tête (lu : code,libelle,reference)");
        illisible(t -> t.put("catalogue/pieces.csv", entete.replace(',', ';') + "CHARTE;Charte;a;r;;\n"),
                ou + " : colonnes séparées par des points-virgules");
        illisible(t -> t.put("catalogue/pieces.csv", entete + "CHARTE,Charte,Signée, datée,r,,\n"),
                ou + " ligne 2 : 7 valeurs pour 6 colonnes ; un texte qui contient une virgule s'écrit entre guillemets");
        illisible(t -> t.put("catalogue/pieces.csv", entete + "CHARTE,Charte,\"Signée,r,,\n"),
                ou + " ligne 2 : catalogue illisible : un texte entre guillemets n'est pas refermé");
        illisible(t -> t.put("catalogue/pieces.csv", entete + "CHARTE,Charte,,r,,\n"),
                ou + " ligne 2 : pièce « CHARTE » sans attendus");
        illisible(t -> t.put("catalogue/pieces.csv", entete + "CHARTE,Charte,a,r,,javascript:alert(1)\n"),
                ou + " ligne 2 : modèle de la pièce « CHARTE » : « javascript:alert(1) » n'est pas une adresse web");
        illisible(t -> t.put("catalogue/pieces.csv", entete + "CHARTE,Charte,a,r,,modeles/charte.docx\n"), "n'est pas une adresse web");
        assertThat(rouen(t -> t.put("catalogue/pieces.csv", entete + "CHARTE,Charte,\"Signée, datée\",r,,https://exemple.fr/charte.docx\n"))
                .catalogue().entree("CHARTE").modele()).isEqualTo("https://exemple.fr/charte.docx");
    }

    /**
     * The chain keeps the first entry of a code: Normandie's own attendus for the national NOTE_DESCRIPTIVE were
     * dropped without a word, and its bailleurs read the national ones.
     */
    @Test
    void unPackNeRedefinitPasUnePieceDeSaChaine() {
        String entete = "code,libelle,attendus,reference,code_spls,modele\n";
        refuse(List.of(pack(NORMANDIE, t -> t.put("catalogue/pieces.csv", entete
                        + "NOTE_DESCRIPTIVE,Note descriptive (Normandie),\"Contexte, programme, publics\",DREAL Normandie,,\n"))),
                "pack region-28@2026.1, catalogue/pieces.csv : la pièce « NOTE_DESCRIPTIVE » est déjà au catalogue de national@",
                "il ne change ni le libellé ni les attendus d'une pièce de sa chaîne (son entrée serait ignorée)");
        refuse(List.of(pack(NORMANDIE, t -> t.put("catalogue/pieces.csv", entete + "CHARTE_NORMANDE,Charte,a,r,,\n")),
                        rouen(t -> t.put("catalogue/pieces.csv", entete + "CHARTE_NORMANDE,Charte de Rouen,b,r,,\n"))),
                "pack metropole-rouen-normandie@2026.1, catalogue/pieces.csv : la pièce « CHARTE_NORMANDE » est déjà au catalogue de region-28@2026.1");
    }

    /**
     * Written by Notepad or saved as « CSV UTF-8 » by Excel, a file starts with a byte order mark: it is read past (the
     * rule compiles, the catalogue keeps its first column). Saved as Excel's plain « CSV » (Windows-1252), it is refused
     * with its line, instead of labels served with « � » for each accent.
     */
    @Test
    void unFichierAvecUneMarqueDOrdreEstLuEtUnFichierPasEnUtf8EstRefuseAvecSaLigne() {
        String entete = "code,libelle,attendus,reference,code_spls,modele\n";
        String catalogue = entete + "CHARTE,Charte de l'État,a,r,,\n";
        Pack avecMarque = rouen(t -> {
            t.put("regles/permis.drl", "\uFEFF" + t.get("regles/permis.drl"));
            t.put("catalogue/pieces.csv", "\uFEFF" + catalogue);
        });
        new RegistrePacks(NATIONAL, List.of(normandie(), avecMarque), GEO);
        assertThat(avecMarque.catalogue().entree("CHARTE").libelle()).isEqualTo("Charte de l'État");

        TreeMap<String, byte[]> octets = new TreeMap<>(FichiersPack.depuisDossier(ROUEN).fichiers());
        octets.put("catalogue/pieces.csv", catalogue.getBytes(Charset.forName("windows-1252")));
        assertThatThrownBy(() -> LecteurPack.lire(new FichiersPack("test:rouen", octets))).isInstanceOf(PackInvalideException.class)
                .hasMessage("test:rouen/catalogue/pieces.csv ligne 2 : le fichier n'est pas en UTF-8 (octet 0xC9) : enregistrez-le"
                        + " en UTF-8 (un tableur l'écrit souvent en Windows-1252)");
    }

    @Test
    void uneSurchargeHorsDuVocabulaireEstRefuseeAvecSaLigne() {
        assertThatThrownBy(() -> rouen(t -> t.put("surcharges.yaml", "pieces:\n  - id: X\n    coode: Y\n")))
                .isInstanceOf(PackInvalideException.class)
                .hasMessage("pack metropole-rouen-normandie@2026.1, surcharges.yaml ligne 3 : surcharge hors du vocabulaire :"
                        + " propriété « coode » inconnue (attendues : bloquante, code, id, motif, quand, source)");
    }

    /**
     * « produits: [] » reads as « for no product » (an override that never applies) as much as « whatever the product »
     * (an added bloquante piece asked of every dossier, which is what an empty list meant before): neither is guessed.
     */
    @Test
    void uneConditionEnListeVideEstRefuseeAvecSaLigne() {
        String avant = "quand: { phases: [PROGRAMMATION], natures: [CONSTRUCTION_NEUVE, TRANSFORMATION_LOCAUX] }";
        assertThatThrownBy(() -> rouen(t -> remplacer(t, "surcharges.yaml", avant, "quand: { phases: [PROGRAMMATION], natures: [] }")))
                .isInstanceOf(PackInvalideException.class)
                .hasMessage("pack metropole-rouen-normandie@2026.1, surcharges.yaml ligne 5 : surcharge à corriger :"
                        + " « pieces[0].quand » : « natures » est une liste vide, qui ne dit aucune"
                        + " nature ni toutes : nommer les natures concernées, ou retirer « natures » pour toutes");
        assertThatThrownBy(() -> rouen(t -> remplacer(t, "surcharges.yaml", avant, "quand: { produits: [], typesHebergement: [] }")))
                .hasMessageEndingWith(" : « produits » est une liste vide, qui ne dit aucun produit ni tous : nommer les produits"
                        + " concernés, ou retirer « produits » pour tous");
        // The same override without the key, or with its natures named, is read as before.
        assertThat(rouen(t -> remplacer(t, "surcharges.yaml", avant, "quand: { phases: [PROGRAMMATION] }"))
                .surcharges().pieces().get(0).quand().natures()).isEmpty();
        assertThat(rouen(t -> { }).surcharges().pieces().get(0).quand().natures()).hasSize(2);
    }

    /**
     * A surcharge without what it acts on: the check used to stop on a NullPointerException (an écart without its
     * piece, a raise without its anomaly or gravité), or to let an avis without code, gravité or message through to
     * the evaluation. Each is refused, saying which surcharge misses what. (Checked after reading, not by the records:
     * a key misspelt, « coode », is then still told as the unknown key it is.)
     */
    @Test
    void uneSurchargeSansCeSurQuoiElleAgitEstRefusee() {
        String ou = "pack metropole-rouen-normandie@2026.1, surcharges.yaml : ";
        Map<String, String> attendus = new LinkedHashMap<>();
        attendus.put("ecarts:\n  - { id: MRN-EC-001, motif: m, source: s }",
                "MRN-EC-001 n'a pas de « code » : la pièce de la chaîne à écarter");
        attendus.put("gravites:\n  - id: MRN-GR-001\n    gravite: MAJEURE\n    motif: m\n    source: s",
                "MRN-GR-001 n'a pas de « code » : l'anomalie de la chaîne dont la gravité est relevée");
        attendus.put("gravites:\n  - { id: MRN-GR-001, code: CALENDRIER_INCOHERENT, motif: m, source: s }",
                "MRN-GR-001 n'a pas de « gravite » : la gravité relevée (MINEURE, MAJEURE ou BLOQUANTE)");
        attendus.put("calendrier:\n  - { id: MRN-CA-001, gravite: INFO, mois: [12], message: x, motif: m, source: s }",
                "MRN-CA-001 n'a pas de « code » : le code de l'avis (DEPOT_TARDIF, par exemple)");
        attendus.put("calendrier:\n  - { id: MRN-CA-001, code: DEPOT_TARDIF, mois: [12], message: x, motif: m, source: s }",
                "MRN-CA-001 n'a pas de « gravite » : la gravité de l'avis (INFO, MINEURE, MAJEURE ou BLOQUANTE)");
        attendus.put("calendrier:\n  - { id: MRN-CA-001, code: DEPOT_TARDIF, gravite: INFO, mois: [12], message: \" \", motif: m, source: s }",
                "MRN-CA-001 n'a pas de « message » : le texte que lit le bailleur");
        attendus.forEach((ajout, attendu) -> refuse(List.of(normandie(), rouen(t -> t.put("surcharges.yaml",
                t.get("surcharges.yaml") + "\n" + ajout + "\n"))), ou + attendu));
        // Declared anomalies and added pieces, in the pack's own lists.
        refuse(List.of(normandie(), rouen(t -> remplacer(t, "surcharges.yaml", "    code: PERMIS_NON_OBTENU\n", ""))),
                ou + "MRN-AN-001 n'a pas de « code » : le code de l'anomalie que posent les règles du pack");
        refuse(List.of(normandie(), rouen(t -> remplacer(t, "surcharges.yaml", "    gravite: BLOQUANTE\n", ""))),
                ou + "MRN-AN-001 n'a pas de « gravite » : la gravité que ses règles lui donnent (INFO, MINEURE, MAJEURE ou BLOQUANTE)");
        refuse(List.of(normandie(), rouen(t -> remplacer(t, "surcharges.yaml", "    code: PERMIS_CONSTRUIRE\n", ""))),
                ou + "MRN-PJ-001 n'a pas de « code » : la pièce exigée, un code du catalogue");
    }

    /**
     * The slips of a hand-written YAML file are told in French with the word to fix and the words allowed, not with
     * Jackson's English and a Java class name (« Unrecognized property "declanche" (class fr.harmonie.regles.cas.Cas),
     * not marked as ignorable »).
     */
    @Test
    void lesFautesDeFrappeDesFichiersYamlSontDitesEnFrancaisAvecCeQuiEstAttendu() {
        String ou = "pack metropole-rouen-normandie@2026.1, ";
        refuse(List.of(normandie(), rouen(t -> remplacer(t, "regles/permis.cas.yaml", "    declenche: false\n", "    declanche: false\n"))),
                ou + "regles/permis.cas.yaml ligne 12 : cas illisibles : propriété « declanche » inconnue (attendues : ",
                "declenche, ", "modifier, ");
        illisible(t -> remplacer(t, "surcharges.yaml", "gravite: BLOQUANTE", "gravite: BLOQUANT"),
                ou + "surcharges.yaml ligne ", " : surcharge hors du vocabulaire : valeur « BLOQUANT » invalide pour"
                        + " « anomalies[0].gravite » (attendu : l'une de BLOQUANTE, MAJEURE, MINEURE, INFO)");
        illisible(t -> remplacer(t, "pack.yaml", "validFrom: 2026-01-01", "validFrom: 2026-13-01"),
                "/pack.yaml ligne 7 : valeur « 2026-13-01 » invalide pour « validFrom » (attendu : une date AAAA-MM-JJ)");
        illisible(t -> remplacer(t, "parametres/marges.yaml", "      valeur: 0\n", "      valeur: 0,05\n"),
                ou + "parametres/marges.yaml : ligne 7 : YAML illisible : valeur « 0,05 » invalide pour"
                        + " « marge-locale.plafond.PLAI.valeurs[0].valeur » (attendu : un nombre, au point décimal : 0.05 et non 0,05)");
        illisible(t -> remplacer(t, "parametres/marges.yaml", "      valeur: 0\n", "      valeur: 2,5 %\n"),
                "valeur « 2,5 % » invalide pour « marge-locale.plafond.PLAI.valeurs[0].valeur » (attendu : un nombre, au point"
                        + " décimal : 0.05 et non 0,05) ; un pourcentage s'écrit ici en fraction : 2,5 % s'écrit 0.025");
        illisible(t -> remplacer(t, "pack.yaml", "parent: region-28", "parent: [region-28]"),
                "/pack.yaml ligne 5 : valeur d'un autre type qu'attendu pour « parent » (attendu : un texte)");
        illisible(t -> remplacer(t, "pack.yaml", "parent: region-28", "parent: region-28\n  niveau: REGION"),
                "/pack.yaml ligne ", " : YAML mal formé (indentation, deux-points, guillemets ou tirets des listes) : ");
    }

    /**
     * A new version, or a new pack, starts as a copy of a folder: one whose pack.yaml kept the copied version or id is
     * refused with its folder, instead of being taken for the published version changed in place, or for a second
     * version of the pack it was copied from.
     */
    @Test
    void unDossierCopieQuiGardeLaVersionOuLIdDeSonModeleEstRefuseAvecSonChemin(@TempDir Path racine) throws Exception {
        Path region84 = Path.of("territories/region-84/2026.1");
        copier(region84, racine.resolve("territories/region-84/2027.1"));
        copier(region84, racine.resolve("territories/ddt-38/2026.1"));
        copier(region84, racine.resolve("territories/region-84-seul"));

        assertThatThrownBy(() -> ChargeurPacks.territoriaux(racine)).isInstanceOf(PackInvalideException.class)
                .hasMessageContaining("territories/region-84/2027.1/pack.yaml : version « 2026.1 », alors que le dossier de"
                        + " la version s'appelle « 2027.1 » : écrire version: \"2027.1\"")
                .hasMessageContaining("territories/ddt-38/2026.1/pack.yaml : id « region-84 », alors que le dossier du pack"
                        + " s'appelle « ddt-38 »")
                .hasMessageContaining("territories/region-84-seul/pack.yaml : un pack se range dans territories/<id>/<version>/");

        // Once its pack.yaml says what its folder says, the copy is a version like any other.
        for (Path faux : List.of(racine.resolve("territories/ddt-38"), racine.resolve("territories/region-84-seul"))) {
            supprimer(faux);
        }
        Path copie = racine.resolve("territories/region-84/2027.1/pack.yaml");
        Files.writeString(copie, Files.readString(copie).replace("version: \"2026.1\"", "version: \"2027.1\"")
                .replace("validFrom: 2026-01-01", "validFrom: 2027-01-01"));
        copier(region84, racine.resolve("territories/region-84/2026.1"));
        assertThat(ChargeurPacks.territoriaux(racine)).extracting(Pack::reference)
                .containsExactly("region-84@2026.1", "region-84@2027.1");
    }

    private static void copier(Path source, Path cible) throws IOException {
        try (Stream<Path> fichiers = Files.walk(source)) {
            for (Path f : fichiers.toList()) {
                Path vers = cible.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(vers);
                } else {
                    Files.copy(f, vers);
                }
            }
        }
    }

    private static void supprimer(Path dossier) throws IOException {
        try (Stream<Path> fichiers = Files.walk(dossier)) {
            for (Path f : fichiers.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
