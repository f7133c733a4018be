package fr.harmonie.territoires;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.Socle;
import fr.harmonie.dossier.Dossier;
import fr.harmonie.dossier.LecteurDossier;
import fr.harmonie.evaluation.Evaluateur;
import fr.harmonie.evaluation.Resultat;
import fr.harmonie.json.Json;
import fr.harmonie.regles.FichiersPack;
import fr.harmonie.regles.LecteurPack;
import fr.harmonie.regles.SocleNational;
import fr.harmonie.regles.faits.Gravite;
import fr.harmonie.regles.faits.Localisation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Un dossier à Rouen, à Grenoble, à Brest: la bonne chaîne, la bonne phrase, les règles locales. */
class ResolutionTerritoiresTest {

    static final RegistrePacks REGISTRE = ChargeurPacks.charger(Path.of("."), Geographie.chargerEmbarquee());
    private static final Evaluateur EVALUATEUR = new Evaluateur(REGISTRE, Clock.systemUTC());
    private static final LecteurDossier LECTEUR = new LecteurDossier();

    /** The base agrément dossier, moved to that commune code. */
    private static Resultat aLaCommune(String codeInsee) throws Exception {
        return evaluer("agrement", Map.of("/operation/commune/codeInsee", codeInsee));
    }

    static Resultat evaluer(String base, Map<String, Object> modifications) throws Exception {
        ObjectNode d = (ObjectNode) Json.MAPPER.readTree(Files.readAllBytes(Path.of("rules/cas/" + base + ".json")));
        sansLeNomDeDijonSiLaCommuneChange(d, modifications.keySet());
        modifications.forEach((pointeur, valeur) -> {
            int i = pointeur.lastIndexOf('/');
            JsonNode parent = i == 0 ? d : d.at(pointeur.substring(0, i));
            if (valeur == null) {
                ((ObjectNode) parent).remove(pointeur.substring(i + 1));
            } else {
                ((ObjectNode) parent).set(pointeur.substring(i + 1), Json.MAPPER.valueToTree(valeur));
            }
        });
        return EVALUATEUR.evaluer(LECTEUR.lire(Json.MAPPER.writeValueAsBytes(d)));
    }

    /** The base dossiers are at Dijon: moved by its code alone, the operation no longer bears that name. */
    static void sansLeNomDeDijonSiLaCommuneChange(ObjectNode d, java.util.Set<String> pointeurs) {
        if (pointeurs.contains("/operation/commune/codeInsee") && !pointeurs.contains("/operation/commune/nom")) {
            ((ObjectNode) d.get("operation").get("commune")).remove("nom");
        }
    }

    private static String chaine(Resultat r) {
        return String.join(" > ", r.territoire().packs().stream().map(p -> p.id() + "@" + p.version()).toList());
    }

    @Test
    void rouenSuitLaMetropoleSousLaNormandieEtSesReglesLocales() throws Exception {
        Resultat r = evaluer("programmation", Map.of("/operation/commune/codeInsee", "76540",
                "/operation/urbanisme/permisConstruire", "DEPOSE"));

        assertThat(r.territoire().code()).isEqualTo("metropole-rouen-normandie");
        assertThat(r.territoire().resolution()).isEqualTo("commune 76540 (Rouen) → Métropole Rouen Normandie");
        assertThat(chaine(r)).isEqualTo(Socle.REFERENCE + " > region-28@2026.1 > metropole-rouen-normandie@2026.1");
        assertThat(r.territoire().packs()).allSatisfy(p -> assertThat(p.empreinte()).matches("sha256:[0-9a-f]{64}"));
        assertThat(r.anomalies()).anySatisfy(a -> {
            assertThat(a.code()).isEqualTo("PERMIS_NON_OBTENU");
            assertThat(a.gravite().name()).isEqualTo("BLOQUANTE");
            assertThat(a.origine().pack()).isEqualTo("metropole-rouen-normandie@2026.1");
        });
        assertThat(r.piecesRequises()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo("PERMIS_CONSTRUIRE");
            assertThat(p.bloquante()).isTrue();
            assertThat(p.motifs()).extracting(o -> o.regle()).containsExactly("MRN-PJ-001");
        });
        assertThat(r.deposable()).isFalse();
    }

    @Test
    void aRouenUneMargeLocaleSurLePlaiEstBloquanteEtLeMessageCiteLaRegleLocale() throws Exception {
        Resultat rouen = aLaCommune("76540");
        Resultat avecMarge = evaluer("agrement", Map.of("/operation/commune/codeInsee", "76540",
                "/operation/lots/1/margeLocale", 0.02));
        Resultat dijon = evaluer("agrement", Map.of("/operation/lots/1/margeLocale", 0.02));

        assertThat(Socle.anomaliesHorsLoyerDeZone(rouen)).isEmpty();
        assertThat(Socle.anomaliesHorsLoyerDeZone(avecMarge)).singleElement().satisfies(a -> {
            assertThat(a.code()).isEqualTo("MARGE_LOCALE_EXCESSIVE");
            assertThat(a.message()).contains("2 % au-delà du plafond de 0 %")
                    .contains("Pas de marge locale sur le PLAI dans la Métropole Rouen Normandie");
        });
        assertThat(Socle.anomaliesHorsLoyerDeZone(dijon)).isEmpty();
    }

    @Test
    void grenobleSuitLaRegionAvecLaVersionEnVigueurALaDateDuDossier() throws Exception {
        Resultat juin2026 = evaluer("agrement", Map.of("/operation/commune/codeInsee", "38185", "/dateReference", "2026-06-02"));
        Resultat decembre2026 = evaluer("agrement", Map.of("/operation/commune/codeInsee", "38185", "/dateReference", "2026-12-15"));
        Resultat decembre2025 = evaluer("agrement", Map.of("/operation/commune/codeInsee", "38185", "/dateReference", "2025-12-15"));

        assertThat(juin2026.territoire().resolution()).isEqualTo("commune 38185 (Grenoble) → Auvergne-Rhône-Alpes (cadre régional DREAL)");
        assertThat(chaine(juin2026)).isEqualTo(Socle.REFERENCE + " > region-84@2026.1");
        assertThat(juin2026.piecesRequises()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo("NOTE_DESCRIPTIVE");
            assertThat(p.motifs()).extracting(o -> o.regle() + " " + o.pack()).containsExactly("R84-PJ-001 region-84@2026.1");
        });
        assertThat(Socle.anomaliesHorsLoyerDeZone(juin2026)).isEmpty();
        assertThat(Socle.anomaliesHorsLoyerDeZone(decembre2026)).extracting(a -> a.code() + " " + a.gravite()).containsExactly("DEPOT_TARDIF INFO");
        assertThat(chaine(decembre2025)).isEqualTo(Socle.REFERENCE + " > region-84@2025.1");
        assertThat(Socle.anomaliesHorsLoyerDeZone(decembre2025)).isEmpty();
    }

    @Test
    void brestNaQueLeSocleNational() throws Exception {
        Resultat r = aLaCommune("29019");

        assertThat(r.territoire().code()).isEqualTo("national");
        assertThat(r.territoire().resolution()).isEqualTo("commune 29019 (Brest) → aucun pack territorial : socle national seul");
        assertThat(chaine(r)).isEqualTo(Socle.REFERENCE);
    }

    @Test
    void horsDeLaMetropoleLaSeineMaritimeSuitLaNormandieEtAvant2026LeSocleSeul() throws Exception {
        Resultat leHavre = aLaCommune("76351");
        Resultat rouen2025 = evaluer("agrement", Map.of("/operation/commune/codeInsee", "76540", "/dateReference", "2025-06-01"));

        assertThat(chaine(leHavre)).isEqualTo(Socle.REFERENCE + " > region-28@2026.1");
        assertThat(chaine(rouen2025)).isEqualTo(Socle.REFERENCE);
    }

    /** With a DDT over all of Seine-Maritime, the Métropole's communes still go to the délégataire, the others to the DDT. */
    @Test
    void lesCommunesDuDelegataireQuittentLePerimetreDeLaDdt() throws Exception {
        TreeMap<String, byte[]> f = new TreeMap<>(FichiersPack.depuisDossier(Path.of("territories/region-28/2026.1")).fichiers());
        f.put("pack.yaml", new String(f.get("pack.yaml"), StandardCharsets.UTF_8)
                .replace("id: region-28", "id: ddt-76").replace("libelle: Normandie (cadre régional DREAL)", "libelle: DDTM de la Seine-Maritime")
                .replace("niveau: REGION\nparent: national", "niveau: DEPARTEMENT\nparent: region-28")
                .replace("[\"14\", \"27\", \"50\", \"61\", \"76\"]", "[\"76\"]").getBytes(StandardCharsets.UTF_8));
        RegistrePacks registre = new RegistrePacks(SocleNational.charger(Path.of("rules")), List.of(
                LecteurPack.lire(FichiersPack.depuisDossier(Path.of("territories/region-28/2026.1"))),
                LecteurPack.lire(new FichiersPack("essai", f)),
                LecteurPack.lire(FichiersPack.depuisDossier(Path.of("territories/metropole-rouen-normandie/2026.1")))),
                Geographie.chargerEmbarquee());
        Evaluateur evaluateur = new Evaluateur(registre, Clock.systemUTC());

        Resultat rouen = evaluerA(evaluateur, "76540");
        Resultat dieppe = evaluerA(evaluateur, "76217");
        Resultat caen = evaluerA(evaluateur, "14118");

        assertThat(chaine(rouen)).isEqualTo(Socle.REFERENCE + " > region-28@2026.1 > metropole-rouen-normandie@2026.1");
        assertThat(chaine(dieppe)).isEqualTo(Socle.REFERENCE + " > region-28@2026.1 > ddt-76@2026.1");
        assertThat(dieppe.territoire().resolution()).isEqualTo("commune 76217 (Dieppe) → DDTM de la Seine-Maritime");
        assertThat(chaine(caen)).isEqualTo(Socle.REFERENCE + " > region-28@2026.1");
    }

    /**
     * 26 EPCI reach over two regions, some of them délégataires: the Communauté urbaine d'Alençon (Orne, Normandie)
     * takes in Arçonnay, in the Sarthe (Pays de la Loire). The délégataire instructs all its communes, under the region
     * it declares, even once the other region has a pack of its own: Arçonnay follows Alençon, not the Pays de la Loire,
     * and the Sarthe outside the EPCI follows its region.
     */
    @Test
    void unDelegataireAChevalSurDeuxRegionsGardeSesCommunesDeLAutreRegion() throws Exception {
        FichiersPack normandie = FichiersPack.depuisDossier(Path.of("territories/region-28/2026.1"));
        RegistrePacks registre = new RegistrePacks(SocleNational.charger(Path.of("rules")), List.of(
                LecteurPack.lire(normandie),
                LecteurPack.lire(derive(normandie, "region-52", Map.of("libelle: Normandie (cadre régional DREAL)",
                        "libelle: Pays de la Loire (cadre régional DREAL)",
                        "[\"14\", \"27\", \"50\", \"61\", \"76\"]", "[\"44\", \"49\", \"53\", \"72\", \"85\"]"))),
                LecteurPack.lire(derive(normandie, "cu-alencon", Map.of("libelle: Normandie (cadre régional DREAL)",
                        "libelle: Communauté urbaine d'Alençon", "niveau: REGION\nparent: national",
                        "niveau: DELEGATAIRE\nparent: region-28", "departements: [\"14\", \"27\", \"50\", \"61\", \"76\"]",
                        "epci: [\"246100663\"]")))),
                Geographie.chargerEmbarquee());
        Evaluateur evaluateur = new Evaluateur(registre, Clock.systemUTC());

        Resultat arconnay = evaluerA(evaluateur, "72006");
        assertThat(chaine(arconnay)).isEqualTo(Socle.REFERENCE + " > region-28@2026.1 > cu-alencon@2026.1");
        assertThat(arconnay.territoire().resolution()).isEqualTo("commune 72006 (Arçonnay) → Communauté urbaine d'Alençon");
        assertThat(chaine(evaluerA(evaluateur, "61001"))).isEqualTo(Socle.REFERENCE + " > region-28@2026.1 > cu-alencon@2026.1");
        assertThat(chaine(evaluerA(evaluateur, "72181"))).isEqualTo(Socle.REFERENCE + " > region-52@2026.1");
    }

    /** The files of {@code modele} as those of pack {@code id}, its manifest's lines replaced. */
    private static FichiersPack derive(FichiersPack modele, String id, Map<String, String> remplacements) {
        TreeMap<String, byte[]> f = new TreeMap<>(modele.fichiers());
        String manifeste = new String(f.get("pack.yaml"), StandardCharsets.UTF_8).replace("id: region-28", "id: " + id);
        for (Map.Entry<String, String> r : remplacements.entrySet()) {
            assertThat(manifeste).contains(r.getKey());
            manifeste = manifeste.replace(r.getKey(), r.getValue());
        }
        f.put("pack.yaml", manifeste.getBytes(StandardCharsets.UTF_8));
        return new FichiersPack(id, f);
    }

    private static Resultat evaluerA(Evaluateur evaluateur, String codeInsee) throws Exception {
        ObjectNode d = (ObjectNode) Json.MAPPER.readTree(Files.readAllBytes(Path.of("rules/cas/agrement.json")));
        ((ObjectNode) d.get("operation").get("commune")).put("codeInsee", codeInsee).remove("nom");
        return evaluateur.evaluer(LECTEUR.lire(Json.MAPPER.writeValueAsBytes(d)));
    }

    @Test
    void unTerritoireNommeHorsDuPerimetreOuUneCommuneInconnueSontSignales() throws Exception {
        Resultat incoherent = evaluer("agrement", Map.of("/operation/commune/codeInsee", "38185",
                "/territoire", "metropole-rouen-normandie"));
        Resultat inconnue = aLaCommune("99999");

        assertThat(chaine(incoherent)).endsWith("metropole-rouen-normandie@2026.1");
        assertThat(incoherent.anomalies()).anySatisfy(a -> {
            assertThat(a.code()).isEqualTo("TERRITOIRE_INCOHERENT");
            assertThat(a.gravite().name()).isEqualTo("MAJEURE");
        });
        assertThat(chaine(inconnue)).isEqualTo(Socle.REFERENCE);
        assertThat(inconnue.anomalies()).anySatisfy(a -> assertThat(a.code()).isEqualTo("COMMUNE_INCONNUE"));
        assertThat(inconnue.deposable()).isFalse();
    }

    /**
     * A postal code where the INSEE code goes is the usual slip (Rouen is 76000 by post, 76540 for INSEE): the
     * anomaly and the resolution say which INSEE codes the bailleur meant. A code that is no postal code gets no hint.
     */
    @Test
    void unCodePostalSaisiAuLieuDuCodeInseeEstReconnuEtLeBonCodeDonne() throws Exception {
        Resultat rouen = aLaCommune("76000");
        Resultat paris13 = aLaCommune("75013");
        Resultat pays = aLaCommune("76760");
        Resultat inconnue = aLaCommune("99999");

        assertThat(Socle.anomaliesHorsLoyerDeZone(rouen)).filteredOn(a -> a.code().equals("COMMUNE_INCONNUE")).singleElement()
                .satisfies(a -> assertThat(a.message()).contains(
                        "76000 est un code postal, pas un code INSEE ; code INSEE de la commune de ce code postal : 76540 Rouen"));
        assertThat(rouen.territoire().resolution()).contains("code INSEE de la commune de ce code postal : 76540 Rouen");
        assertThat(paris13.territoire().resolution())
                .contains("codes INSEE des communes de ce code postal : 75056 Paris, 75113 Paris 13e Arrondissement");
        // Eleven villages share 76760: five are named, the others counted.
        assertThat(pays.territoire().resolution()).contains("codes INSEE des communes de ce code postal : "
                + "76010 Ancretiéville-Saint-Victor, 76045 Auzouville-l'Esneval, 76132 Bourdainville, 76198 Criquetot-sur-Ouville, "
                + "76227 Ectot-l'Auber et 6 autres");
        assertThat(inconnue.territoire().resolution()).doesNotContain("code postal");
    }

    /**
     * A Corsican commune written with 20, the département's number, in place of 2A or 2B (20004 for Ajaccio, 2A004), as
     * systems that keep codes as numbers write it: the anomaly names the code to use. When the same digits are also a
     * postal code (20090 is Ajaccio's, and 2A090 is Coggia), both readings are given; other codes get no Corsican hint.
     */
    @Test
    void uneCommuneDeCorseEcriteAvec20AuLieuDe2AOu2BEstReconnueEtLeBonCodeDonne() throws Exception {
        Resultat ajaccio = aLaCommune("20004");
        Resultat bastia = aLaCommune("20033");
        Resultat postalOuCoggia = aLaCommune("20090");
        Resultat aucune = aLaCommune("20999");
        Resultat rouen = aLaCommune("76000");

        assertThat(Socle.anomaliesHorsLoyerDeZone(ajaccio)).filteredOn(a -> a.code().equals("COMMUNE_INCONNUE")).singleElement()
                .satisfies(a -> {
                    assertThat(a.gravite()).isEqualTo(Gravite.BLOQUANTE);
                    assertThat(a.message()).isEqualTo("Code INSEE 20004 : commune 20004 inconnue du découpage administratif"
                            + " (@etalab/decoupage-administratif@6.0.0) ; en Corse, le code INSEE d'une commune commence par 2A"
                            + " (Corse-du-Sud) ou 2B (Haute-Corse), non par 20 : 2A004 Ajaccio ; seul le socle national s'applique");
                });
        assertThat(ajaccio.territoire().resolution()).contains("non par 20 : 2A004 Ajaccio");
        assertThat(bastia.territoire().resolution()).contains("non par 20 : 2B033 Bastia");
        assertThat(postalOuCoggia.territoire().resolution()).contains(
                "20090 est un code postal, pas un code INSEE ; code INSEE de la commune de ce code postal : 2A004 Ajaccio ;"
                        + " en Corse, le code INSEE d'une commune commence par 2A (Corse-du-Sud) ou 2B (Haute-Corse), non par 20 :"
                        + " 2A090 Coggia");
        assertThat(aucune.territoire().resolution()).doesNotContain("Corse", "code postal");
        assertThat(rouen.territoire().resolution()).doesNotContain("Corse");
    }

    /**
     * Saint-Martin and Saint-Barthélemy under the codes they had as communes of Guadeloupe (97127, 97123), as old files
     * still carry them: the anomaly names today's code, beside the Guadeloupe commune whose postal code the same digits
     * are (97127 is La Désirade's). Today's codes are known communes.
     */
    @Test
    void saintMartinEtSaintBarthelemySousLeurCodeDAvant2008SontReconnus() throws Exception {
        Resultat saintMartin = evaluer("agrement", Map.of("/operation/commune/codeInsee", "97127"));
        Resultat saintBarthelemy = evaluer("agrement", Map.of("/operation/commune/codeInsee", "97123"));
        Resultat aujourdhui = evaluer("agrement", Map.of("/operation/commune/codeInsee", "97801"));

        assertThat(Socle.anomaliesHorsLoyerDeZone(saintMartin)).filteredOn(a -> a.code().equals("COMMUNE_INCONNUE")).singleElement()
                .satisfies(a -> assertThat(a.message()).isEqualTo("Code INSEE 97127 : commune 97127 inconnue du découpage"
                        + " administratif (@etalab/decoupage-administratif@6.0.0) ; 97127 était le code INSEE de Saint-Martin quand"
                        + " elle était une commune de la Guadeloupe (jusqu'en 2007) ; collectivité d'outre-mer depuis, son code est"
                        + " 97801 ; 97127 est un code postal, pas un code INSEE ; code INSEE de la commune de ce code postal :"
                        + " 97110 La Désirade ; seul le socle national s'applique"));
        assertThat(saintBarthelemy.territoire().resolution()).contains("97123 était le code INSEE de Saint-Barthélemy",
                "son code est 97701", "97104 Baillif");
        assertThat(Socle.anomaliesHorsLoyerDeZone(aujourdhui)).extracting(a -> a.code()).doesNotContain("COMMUNE_INCONNUE");
    }

    /**
     * Communes nouvelles take effect on 1 January, and the dataset of that year comes out weeks later: from then on, an
     * unknown code may be a commune created since the geography's 1 January. The message says so, for the bailleur who
     * typed a right code and for the instructeur who reads the refusal; in the geography's own year, an unknown code is
     * only a wrong one, and a postal code or a former commune's code keeps its own hint.
     */
    @Test
    void apresLeMillesimeDeLaGeographieUnCodeInconnuPeutEtreCeluiDUneCommuneNouvelle() throws Exception {
        Resultat enJanvier = evaluer("agrement", Map.of("/operation/commune/codeInsee", "14999", "/dateReference", "2027-01-11"));
        Resultat enDecembre = evaluer("agrement", Map.of("/operation/commune/codeInsee", "14999", "/dateReference", "2026-12-14"));
        Resultat codePostal = evaluer("agrement", Map.of("/operation/commune/codeInsee", "76000", "/dateReference", "2027-01-11"));
        Resultat ancienne = evaluer("agrement", Map.of("/operation/commune/codeInsee", "76003", "/dateReference", "2027-01-11"));

        String retard = "ce découpage est celui du 1er janvier 2026 : une commune créée depuis (commune nouvelle du"
                + " 1er janvier 2027, par exemple) n'y figure pas encore";
        assertThat(enJanvier.anomalies()).filteredOn(a -> a.code().equals("COMMUNE_INCONNUE")).singleElement()
                .satisfies(a -> {
                    assertThat(a.gravite()).isEqualTo(Gravite.BLOQUANTE);
                    assertThat(a.message()).isEqualTo("Code INSEE 14999 : commune 14999 inconnue du découpage administratif"
                            + " (@etalab/decoupage-administratif@6.0.0) ; " + retard + " ; seul le socle national s'applique");
                });
        assertThat(enJanvier.territoire().resolution()).contains(retard);
        assertThat(enDecembre.anomalies()).filteredOn(a -> a.code().equals("COMMUNE_INCONNUE")).singleElement()
                .satisfies(a -> assertThat(a.message()).doesNotContain("1er janvier"));
        assertThat(codePostal.territoire().resolution()).contains("76540 Rouen").doesNotContain("1er janvier");
        assertThat(ancienne.territoire().resolution()).contains("76020 Anneville-Ambourville").doesNotContain("1er janvier");
    }

    /**
     * The code of a former commune, merged into a commune nouvelle or associated with another, is no current commune's:
     * the message names the current commune to type (Ambourville, associated with Anneville-Ambourville in the Métropole
     * de Rouen, would otherwise lose the Métropole's rules without a clue).
     */
    @Test
    void leCodeDUneAncienneCommuneDonneCeluiDeLaCommuneQuElleARejointe() throws Exception {
        Resultat ambourville = aLaCommune("76003");
        Resultat assigny = aLaCommune("76027");

        assertThat(chaine(ambourville)).isEqualTo(Socle.REFERENCE);
        assertThat(ambourville.anomalies()).filteredOn(a -> a.code().equals("COMMUNE_INCONNUE")).singleElement()
                .satisfies(a -> {
                    assertThat(a.gravite()).isEqualTo(Gravite.BLOQUANTE);
                    assertThat(a.message()).contains("76003 est le code de la commune associée Ambourville, rattachée à "
                            + "Anneville-Ambourville selon le découpage administratif @etalab/decoupage-administratif@6.0.0 ; "
                            + "code INSEE de la commune actuelle : 76020 Anneville-Ambourville");
                });
        assertThat(assigny.territoire().resolution()).isEqualTo("76027 est le code de la commune déléguée Assigny, rattachée à "
                + "Petit-Caux selon le découpage administratif @etalab/decoupage-administratif@6.0.0 ; code INSEE de la commune "
                + "actuelle : 76618 Petit-Caux → socle national seul");
        // The code the message gives does resolve to the Métropole.
        Resultat corrige = aLaCommune("76020");
        assertThat(corrige.territoire().code()).isEqualTo("metropole-rouen-normandie");
    }

    @Test
    void unTerritoireNommeSansVersionEnVigueurCedeASonParentSansEtreDitIncoherent() throws Exception {
        Resultat grenoble2020 = evaluer("agrement", Map.of("/operation/commune/codeInsee", "38185",
                "/territoire", "region-84", "/dateReference", "2020-01-01"));

        assertThat(chaine(grenoble2020)).isEqualTo(Socle.REFERENCE);
        assertThat(grenoble2020.territoire().resolution())
                .isEqualTo("territoire « region-84 » demandé, sans version en vigueur le 2020-01-01 → socle national seul");
        assertThat(grenoble2020.anomalies()).noneSatisfy(a -> assertThat(a.code()).isEqualTo("TERRITOIRE_INCOHERENT"));
        assertThat(grenoble2020.trace().get(0).reference()).isEqualTo("aucune version du pack « region-84 » en vigueur le 2020-01-01 : niveau ignoré");

        // Une Normandie en vigueur dès juin 2025, quand la Métropole n'a pas encore de version: la Métropole nommée
        // cède à la Normandie.
        TreeMap<String, byte[]> f = new TreeMap<>(FichiersPack.depuisDossier(Path.of("territories/region-28/2026.1")).fichiers());
        f.put("pack.yaml", new String(f.get("pack.yaml"), StandardCharsets.UTF_8)
                .replace("validFrom: 2026-01-01", "validFrom: 2025-06-01").getBytes(StandardCharsets.UTF_8));
        RegistrePacks registre = new RegistrePacks(SocleNational.charger(Path.of("rules")), List.of(
                LecteurPack.lire(new FichiersPack("essai", f)),
                LecteurPack.lire(FichiersPack.depuisDossier(Path.of("territories/metropole-rouen-normandie/2026.1")))),
                Geographie.chargerEmbarquee());
        ObjectNode d = (ObjectNode) Json.MAPPER.readTree(Files.readAllBytes(Path.of("rules/cas/agrement.json")));
        ((ObjectNode) d.get("operation").get("commune")).put("codeInsee", "76540").remove("nom");
        d.put("dateReference", "2025-09-01").put("territoire", "metropole-rouen-normandie");
        Resultat rouen = new Evaluateur(registre, Clock.systemUTC()).evaluer(LECTEUR.lire(Json.MAPPER.writeValueAsBytes(d)));

        assertThat(rouen.territoire().packs()).extracting(p -> p.id()).containsExactly("national", "region-28");
        assertThat(rouen.territoire().resolution()).contains("sans version en vigueur le 2025-09-01").endsWith("→ Normandie (cadre régional DREAL)");
        assertThat(Socle.anomaliesHorsLoyerDeZone(rouen)).noneSatisfy(a -> assertThat(a.code()).isEqualTo("TERRITOIRE_INCOHERENT"));
    }

    @Test
    void uneCommuneDontAucunPackNEstEnVigueurALaDateALeSocleSeulEtLaTraceDitLesNiveauxIgnores() throws Exception {
        Resultat rouen2025 = evaluer("agrement", Map.of("/operation/commune/codeInsee", "76540", "/dateReference", "2025-06-01"));

        assertThat(chaine(rouen2025)).isEqualTo(Socle.REFERENCE);
        assertThat(rouen2025.territoire().resolution())
                .isEqualTo("commune 76540 (Rouen) → aucun pack territorial en vigueur le 2025-06-01 : socle national seul");
        assertThat(rouen2025.trace().subList(0, 2)).extracting(o -> o.pack() + " : " + o.reference()).containsExactly(
                "metropole-rouen-normandie : aucune version du pack « metropole-rouen-normandie » en vigueur le 2025-06-01 : niveau ignoré",
                "region-28 : aucune version du pack « region-28 » en vigueur le 2025-06-01 : niveau ignoré");

        // Une version qui a pris fin (validUntil) sans suivante: Grenoble revient au socle, et la trace le dit.
        RegistrePacks seul2025 = new RegistrePacks(SocleNational.charger(Path.of("rules")),
                List.of(LecteurPack.lire(FichiersPack.depuisDossier(Path.of("territories/region-84/2025.1")))), Geographie.chargerEmbarquee());
        ObjectNode d = (ObjectNode) Json.MAPPER.readTree(Files.readAllBytes(Path.of("rules/cas/agrement.json")));
        ((ObjectNode) d.get("operation").get("commune")).put("codeInsee", "38185").remove("nom");
        Evaluateur evaluateur = new Evaluateur(seul2025, Clock.systemUTC());
        Resultat grenoble2025 = evaluateur.evaluer(LECTEUR.lire(Json.MAPPER.writeValueAsBytes(d.put("dateReference", "2025-12-31"))));
        Resultat grenoble2026 = evaluateur.evaluer(LECTEUR.lire(Json.MAPPER.writeValueAsBytes(d.put("dateReference", "2026-01-01"))));

        assertThat(chaine(grenoble2025)).isEqualTo(Socle.REFERENCE + " > region-84@2025.1");
        assertThat(chaine(grenoble2026)).isEqualTo(Socle.REFERENCE);
        assertThat(grenoble2026.trace().get(0).reference()).isEqualTo("aucune version du pack « region-84 » en vigueur le 2026-01-01 : niveau ignoré");
    }

    /**
     * A commune has one territory that manages it: Rouen's dossier naming Normandie, or the socle, kept the chain it named
     * without a word, and so escaped the Métropole's rules. It keeps the chain it names, as the contract says, and is told.
     */
    @Test
    void unTerritoireNommeMoinsPrecisQueCeluiDeLaCommuneEstIncoherent() throws Exception {
        for (String nomme : List.of("national", "region-28")) {
            Resultat r = evaluer("agrement", Map.of("/operation/commune/codeInsee", "76540", "/territoire", nomme));

            assertThat(r.territoire().packs()).extracting(p -> p.id()).as(nomme).doesNotContain("metropole-rouen-normandie");
            assertThat(r.territoire().resolution()).as(nomme).endsWith("(la commune 76540 Rouen relève de Métropole Rouen Normandie)");
            assertThat(r.anomalies()).filteredOn(a -> a.code().equals("TERRITOIRE_INCOHERENT")).singleElement()
                    .satisfies(a -> assertThat(a.message()).isEqualTo("Territoire « " + nomme + " » : la commune 76540 (Rouen) relève"
                            + " de « metropole-rouen-normandie » (Métropole Rouen Normandie), plus précis : ses règles ne"
                            + " s'appliqueraient pas"));
        }
        // Where no more precise pack serves the commune, naming the socle or the région is coherent.
        assertThat(evaluer("agrement", Map.of("/territoire", "national")).anomalies())
                .noneSatisfy(a -> assertThat(a.code()).isEqualTo("TERRITOIRE_INCOHERENT"));
        assertThat(evaluer("agrement", Map.of("/operation/commune/codeInsee", "38185", "/territoire", "region-84")).anomalies())
                .noneSatisfy(a -> assertThat(a.code()).isEqualTo("TERRITOIRE_INCOHERENT"));
    }

    @Test
    void unTerritoireNommeQuiNExistePasEstSignaleCommeTel() throws Exception {
        Resultat r = evaluer("agrement", Map.of("/operation/commune/codeInsee", "38185", "/territoire", "REGION-84"));

        assertThat(chaine(r)).isEqualTo(Socle.REFERENCE);
        assertThat(r.territoire().resolution()).isEqualTo("territoire « REGION-84 » demandé, inconnu → socle national seul");
        assertThat(r.anomalies()).anySatisfy(a -> {
            assertThat(a.code()).isEqualTo("TERRITOIRE_INCOHERENT");
            assertThat(a.message()).endsWith("aucun pack territorial ne porte l'identifiant « REGION-84 » ; le pack voulu est sans"
                    + " doute « region-84 »");
        });
        assertThat(evaluer("agrement", Map.of("/territoire", "ddt-99")).anomalies()).anySatisfy(a ->
                assertThat(a.message()).endsWith("aucun pack territorial ne porte l'identifiant « ddt-99 »"));
    }

    /** Replays (frozen or sealed chains) take only the commune's facts from today's registry, without compiling. */
    @Test
    void laLocalisationSeuleEstCelleDeLaResolutionComplete() throws Exception {
        Localisation rouen = localiser(Map.of("/operation/commune/codeInsee", "76540"));
        Localisation horsPerimetre = localiser(Map.of("/operation/commune/codeInsee", "38185",
                "/territoire", "metropole-rouen-normandie"));
        Localisation inconnue = localiser(Map.of("/operation/commune/codeInsee", "99999"));

        assertThat(rouen.communeConnue()).isTrue();
        assertThat(rouen.territoireCoherent()).isTrue();
        assertThat(horsPerimetre.territoireCoherent()).isFalse();
        assertThat(inconnue.communeConnue()).isFalse();
    }

    private static Localisation localiser(Map<String, String> modifications) throws Exception {
        ObjectNode d = (ObjectNode) Json.MAPPER.readTree(Files.readAllBytes(Path.of("rules/cas/agrement.json")));
        sansLeNomDeDijonSiLaCommuneChange(d, modifications.keySet());
        modifications.forEach((pointeur, valeur) -> ((ObjectNode) d.at(pointeur.substring(0, pointeur.lastIndexOf('/'))))
                .put(pointeur.substring(pointeur.lastIndexOf('/') + 1), valeur));
        Dossier dossier = LECTEUR.lire(Json.MAPPER.writeValueAsBytes(d));
        Localisation seule = REGISTRE.localiser(dossier);
        assertThat(seule).isEqualTo(REGISTRE.resoudre(dossier).localisation());
        return seule;
    }
}
