package fr.harmonie.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.CopieDuDepot;
import fr.harmonie.dossier.LecteurDossier;
import fr.harmonie.regles.Pack;
import fr.harmonie.territoires.ChargeurPacks;
import fr.harmonie.territoires.Geographie;
import fr.harmonie.territoires.RegistreCourant;
import fr.harmonie.territoires.RegistrePacks;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Après un démarrage, un rechargement ou à minuit, la chaîne que chaque territoire applique ce jour est prête avant
 * son premier dossier.
 */
class PrechauffageDesChainesTest {

    private static final Geographie GEOGRAPHIE = Geographie.chargerEmbarquee();
    private static final Clock DEUX_DECEMBRE = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

    private static PrechauffageDesChaines prechauffage(RegistreCourant courant, int maximum) {
        return prechauffage(courant, maximum, List::of);
    }

    private static PrechauffageDesChaines prechauffage(RegistreCourant courant, int maximum, TerritoiresLesPlusActifs actifs) {
        return new PrechauffageDesChaines(courant, new LecteurDossier(), new Evaluateur(courant, DEUX_DECEMBRE),
                DEUX_DECEMBRE, maximum, actifs);
    }

    /** The references of the chain that the territory {@code id} applies on {@code date}, socle first. */
    private static List<String> chaine(RegistrePacks registre, String id, LocalDate date) {
        List<String> refs = new ArrayList<>();
        for (String courant = id; courant != null; ) {
            Pack p = registre.enVigueur(courant, date);
            refs.add(0, p.reference());
            courant = p.manifeste().parent();
        }
        return refs;
    }

    @Test
    void chaqueTerritoireAUneChainePreteSansAttendreSonPremierDossier(@TempDir Path dossier) {
        RegistreCourant courant = new RegistreCourant(() -> ChargeurPacks.charger(CopieDuDepot.dans(dossier), GEOGRAPHIE));
        RegistrePacks registre = courant.registre();
        LocalDate jour = LocalDate.of(2026, 12, 2);

        assertThat(prechauffage(courant, 50).prechauffer(registre))
                .containsExactly("national", "metropole-rouen-normandie", "region-28", "region-84");
        assertThat(registre.chainesCompilees()).containsExactlyInAnyOrder(
                chaine(registre, "national", jour),
                chaine(registre, "metropole-rouen-normandie", jour),
                chaine(registre, "region-28", jour),
                // The version in force on that day, not the 2025 one.
                chaine(registre, "region-84", jour));
        assertThat(chaine(registre, "region-84", jour)).contains("region-84@2026.1");
    }

    @Test
    void auDelaDuMaximumLesTerritoiresCompilentAuPremierDossier(@TempDir Path dossier) {
        RegistreCourant courant = new RegistreCourant(() -> ChargeurPacks.charger(CopieDuDepot.dans(dossier), GEOGRAPHIE));
        RegistrePacks registre = courant.registre();

        LocalDate jour = LocalDate.of(2026, 12, 2);

        assertThat(prechauffage(courant, 1).prechauffer(registre)).containsExactly("national", "metropole-rouen-normandie");
        assertThat(registre.chainesCompilees()).contains(chaine(registre, "metropole-rouen-normandie", jour))
                .doesNotContain(chaine(registre, "region-84", jour));
        assertThat(prechauffage(courant, 0).prechauffer(registre)).containsExactly("national");
    }

    @Test
    void lesTerritoiresQuiRecoiventLePlusDeDossiersPassentDAbord(@TempDir Path dossier) {
        RegistreCourant courant = new RegistreCourant(() -> ChargeurPacks.charger(CopieDuDepot.dans(dossier), GEOGRAPHIE));
        RegistrePacks registre = courant.registre();

        // A territory no longer published (here "ddt-99") is passed over; the others follow by id.
        assertThat(prechauffage(courant, 2, () -> List.of("region-84", "ddt-99")).prechauffer(registre))
                .containsExactly("national", "region-84", "metropole-rouen-normandie");
        // The activity unreadable for a moment (the database restarting): by id, and the service still prepares.
        assertThat(prechauffage(courant, 1, () -> {
            throw new IllegalStateException("base injoignable");
        }).prechauffer(registre)).containsExactly("national", "metropole-rouen-normandie");
    }

    /** The clock of a service left running across midnight. */
    private static final class Horloge extends Clock {
        volatile Instant maintenant;

        Horloge(String instant) {
            maintenant = Instant.parse(instant);
        }

        @Override
        public Instant instant() {
            return maintenant;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return Clock.fixed(maintenant, zone);
        }
    }

    @Test
    void uneVersionQuiEntreEnVigueurAMinuitASaChainePreteAvantLePremierDossierDuMatin(@TempDir Path dossier) throws Exception {
        RegistreCourant courant = new RegistreCourant(() -> ChargeurPacks.charger(CopieDuDepot.dans(dossier), GEOGRAPHIE));
        RegistrePacks registre = courant.registre();
        Horloge horloge = new Horloge("2025-12-31T18:00:00Z");
        PrechauffageDesChaines prechauffage = new PrechauffageDesChaines(courant, new LecteurDossier(),
                new Evaluateur(courant, horloge), horloge, 50, List::of);
        prechauffage.prechauffer(registre);
        List<String> nouvelle = chaine(registre, "region-84", LocalDate.of(2026, 1, 1));
        assertThat(registre.chainesCompilees()).contains(chaine(registre, "region-84", LocalDate.of(2025, 12, 31)))
                .doesNotContain(nouvelle);

        horloge.maintenant = Instant.parse("2025-12-31T23:01:00Z"); // 0 h 01 in Paris, on 1 January
        prechauffage.chaqueJour();

        assertThat(nouvelle).contains("region-84@2026.1");
        attendreQueCompilee(registre, nouvelle);
    }

    private static void attendreQueCompilee(RegistrePacks registre, List<String> chaine) throws InterruptedException {
        long limite = System.nanoTime() + 60_000_000_000L;
        Set<List<String>> compilees = registre.chainesCompilees();
        while (!compilees.contains(chaine) && System.nanoTime() < limite) {
            Thread.sleep(50);
            compilees = registre.chainesCompilees();
        }
        assertThat(compilees).contains(chaine);
    }

    @Test
    void unRechargementPrepareLesChainesDeCeQuIlPublie(@TempDir Path dossier) throws Exception {
        Path depot = CopieDuDepot.dans(dossier);
        RegistreCourant courant = new RegistreCourant(() -> ChargeurPacks.charger(depot, GEOGRAPHIE));
        prechauffage(courant, 50);

        CopieDuDepot.publierCommeNouvelleVersion(depot.resolve("territories/metropole-rouen-normandie/2026.1"));
        RegistrePacks recharge = courant.recharger((registre, qui) -> { }, "admin").registre();

        // In the background, on its low-priority thread: no dossier has asked for the new version's chain.
        List<String> nouvelle = chaine(recharge, "metropole-rouen-normandie", LocalDate.of(2026, 12, 2));
        assertThat(nouvelle).contains("metropole-rouen-normandie@2026.2");
        attendreQueCompilee(recharge, nouvelle);
    }
}
