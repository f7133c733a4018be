package fr.harmonie.territoires;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.CopieDuDepot;
import fr.harmonie.dossier.Dossier;
import fr.harmonie.dossier.LecteurDossier;
import fr.harmonie.regles.ChaineCompilee;
import fr.harmonie.regles.Pack;
import fr.harmonie.regles.SocleNational;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Le registre qui sert a compilé le socle avant de servir, au démarrage comme après un rechargement; un rechargement
 * garde les chaînes compilées dont aucun pack n'a changé.
 */
class RegistreCourantTest {

    private static final Geographie GEOGRAPHIE = Geographie.chargerEmbarquee();
    private static final Supplier<RegistrePacks> CHARGEUR =
            () -> new RegistrePacks(SocleNational.charger(Path.of("rules")), List.of(), GEOGRAPHIE);
    /** Here without PostgreSQL: RechargementTest covers the publication of the versions in the service. */
    private static final PublicationDesPacks SANS_BASE = (registre, qui) -> { };

    @Test
    void leSocleNationalEstCompileAvantLePremierDossier() {
        RegistrePacks nu = CHARGEUR.get();
        // A registry alone (the CLI's) compiles nothing it does not need.
        assertThat(nu.chainesCompilees()).isEmpty();

        RegistreCourant courant = new RegistreCourant(CHARGEUR);
        RegistrePacks auDemarrage = courant.registre();
        assertThat(auDemarrage.chainesCompilees()).containsExactly(List.of(auDemarrage.national().reference()));

        RegistrePacks recharge = courant.recharger(SANS_BASE, "admin").registre();
        assertThat(recharge).isNotSameAs(auDemarrage);
        assertThat(recharge.chainesCompilees()).containsExactly(List.of(recharge.national().reference()));
    }

    @Test
    void unRechargementNeRecompileQueLesChainesDUnPackModifie(@TempDir Path dossier) throws IOException {
        Path depot = CopieDuDepot.dans(dossier);
        RegistreCourant courant = new RegistreCourant(() -> ChargeurPacks.charger(depot, GEOGRAPHIE));
        Dossier grenoble = golden("02-programmation-grenoble");
        Dossier rouen = golden("05-transformation-bureaux-plai-adapte-rouen");
        ChaineCompilee socle = courant.registre().chaine(List.of(courant.registre().national()));
        ChaineCompilee auvergneRhoneAlpes = courant.resoudre(grenoble).chaine();
        ChaineCompilee metropoleRouen = courant.resoudre(rouen).chaine();

        long lots = LintPacks.lotsCompiles();
        RegistreCourant.Rechargement identique = courant.recharger(SANS_BASE, "admin");
        assertThat(identique.chainesReprises()).isEqualTo(3);
        // Nothing changed: the check of the packs' rules compiles nothing again (nor do the chains, kept above).
        assertThat(LintPacks.lotsCompiles()).isEqualTo(lots);
        assertThat(courant.resoudre(grenoble).chaine()).isSameAs(auvergneRhoneAlpes);
        assertThat(courant.resoudre(rouen).chaine()).isSameAs(metropoleRouen);

        // Same version, other content (a pack edited in place; the service's publication refuses it, this guard does not
        // rely on that): only the chains through it recompile.
        Files.writeString(depot.resolve("territories/metropole-rouen-normandie/2026.1/README.md"), "\nModifié.\n",
                StandardOpenOption.APPEND);
        lots = LintPacks.lotsCompiles();
        RegistreCourant.Rechargement modifie = courant.recharger(SANS_BASE, "admin");
        assertThat(modifie.chainesReprises()).isEqualTo(2);
        // The check compiles again the lot of first versions, which holds the changed pack, and not the lot of second
        // versions (region-84@2026.1), which does not.
        assertThat(LintPacks.lotsCompiles()).isEqualTo(lots + 1);
        assertThat(modifie.registre().chainesCompilees())
                .doesNotContain(metropoleRouen.packs().stream().map(Pack::reference).toList());
        assertThat(courant.registre().chaine(List.of(courant.registre().national()))).isSameAs(socle);
        assertThat(courant.resoudre(grenoble).chaine()).isSameAs(auvergneRhoneAlpes);
        ChaineCompilee recompilee = courant.resoudre(rouen).chaine();
        assertThat(recompilee).isNotSameAs(metropoleRouen);
        assertThat(recompilee.packs().get(2).empreinte()).isNotEqualTo(metropoleRouen.packs().get(2).empreinte());
    }

    private static Dossier golden(String nom) throws IOException {
        try (InputStream in = RegistreCourantTest.class.getResourceAsStream("/golden/" + nom + "/dossier.json")) {
            return new LecteurDossier().lire(in.readAllBytes());
        }
    }
}
