package fr.harmonie.territoires;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.regles.Pack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Une version de pack ne change jamais une fois publiée: {@code territories/versions.lock} garde l'empreinte de
 * chacune (socle compris). Modifier un pack, c'est en publier une nouvelle version et l'ajouter au fichier.
 */
class VersionsPublieesTest {

    @Test
    void aucuneVersionPublieeNAChangeEtChaqueVersionEstPubliee() {
        assertThat(VersionsPubliees.de(Path.of(".")).ecarts(ResolutionTerritoiresTest.REGISTRE)).isEmpty();
    }

    /** The jar carries the same file: verifier, without the sources, holds the jar's packs to it. */
    @Test
    void leVerrouDuJarEstCeluiDuDepot() {
        assertThat(VersionsPubliees.de(null).ecarts(ResolutionTerritoiresTest.REGISTRE)).isEmpty();
    }

    @Test
    void uneVersionModifieeOuNonPublieeEstNommeeAvecCeQuIlFautFaire() {
        Pack metropole = ResolutionTerritoiresTest.REGISTRE.enVigueur("metropole-rouen-normandie", java.time.LocalDate.of(2026, 6, 1));
        VersionsPubliees autreContenu = VersionsPubliees.lire("# commentaire\n\nmetropole-rouen-normandie@2026.1 sha256:00\n");
        assertThat(autreContenu.ecart(metropole)).isEqualTo("metropole-rouen-normandie@2026.1 a changé depuis sa publication"
                + " (empreinte " + metropole.empreinte() + " au lieu de sha256:00) : publier une nouvelle version plutôt que"
                + " modifier celle-ci");
        VersionsPubliees vide = VersionsPubliees.lire("");
        assertThat(vide.ecart(metropole)).isNull();
        assertThat(vide.publiee(metropole)).isFalse();
        assertThat(vide.ecarts(ResolutionTerritoiresTest.REGISTRE)).contains("metropole-rouen-normandie@2026.1 n'est pas dans"
                + " versions.lock : ajouter « metropole-rouen-normandie@2026.1 " + metropole.empreinte() + " »");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> VersionsPubliees.lire("region-84@2026.1\n"))
                .hasMessage("territories/versions.lock ligne 1 : « region-84@2026.1 » ; attendu : id@version sha256:…");
    }

    @Test
    void unNiveauSansVersionEnVigueurEstSauteEtLaTraceLeDit() throws Exception {
        // Une Métropole en vigueur dès juin 2025, quand la Normandie n'a pas encore de version.
        java.util.TreeMap<String, byte[]> f = new java.util.TreeMap<>(fr.harmonie.regles.FichiersPack
                .depuisDossier(Path.of("territories/metropole-rouen-normandie/2026.1")).fichiers());
        f.put("pack.yaml", new String(f.get("pack.yaml"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("validFrom: 2026-01-01", "validFrom: 2025-06-01").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Pack metropole = fr.harmonie.regles.LecteurPack.lire(new fr.harmonie.regles.FichiersPack("essai", f));
        Pack normandie = fr.harmonie.regles.LecteurPack.lire(fr.harmonie.regles.FichiersPack.depuisDossier(Path.of("territories/region-28/2026.1")));
        RegistrePacks registre = new RegistrePacks(fr.harmonie.regles.SocleNational.charger(Path.of("rules")),
                List.of(normandie, metropole), Geographie.chargerEmbarquee());
        String dossier = Files.readString(Path.of("rules/cas/agrement.json"))
                .replace("\"21231\"", "\"76540\"").replace("\"2026-03-16\"", "\"2025-09-01\"");

        var r = new fr.harmonie.evaluation.Evaluateur(registre, java.time.Clock.systemUTC())
                .evaluer(new fr.harmonie.dossier.LecteurDossier().lire(dossier.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(r.territoire().packs()).extracting(p -> p.id()).containsExactly("national", "metropole-rouen-normandie");
        assertThat(r.trace().get(0).regle()).isEqualTo("RESOLUTION");
        assertThat(r.trace().get(0).pack()).isEqualTo("region-28");
        assertThat(r.trace().get(0).reference()).contains("aucune version").contains("2025-09-01").contains("niveau ignoré");
    }
}
