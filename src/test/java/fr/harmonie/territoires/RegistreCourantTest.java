package fr.harmonie.territoires;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.regles.SocleNational;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Le registre qui sert a compilé le socle avant de servir, au démarrage comme après un rechargement. */
class RegistreCourantTest {

    private static final Geographie GEOGRAPHIE = Geographie.chargerEmbarquee();
    private static final Supplier<RegistrePacks> CHARGEUR =
            () -> new RegistrePacks(SocleNational.charger(Path.of("rules")), List.of(), GEOGRAPHIE);

    @Test
    void leSocleNationalEstCompileAvantLePremierDossier() {
        RegistrePacks nu = CHARGEUR.get();
        // A registry alone (the CLI's) compiles nothing it does not need.
        assertThat(nu.chainesCompilees()).isEmpty();

        RegistreCourant courant = new RegistreCourant(CHARGEUR);
        RegistrePacks auDemarrage = courant.registre();
        assertThat(auDemarrage.chainesCompilees()).containsExactly(List.of(auDemarrage.national().reference()));

        RegistrePacks recharge = courant.recharger();
        assertThat(recharge).isNotSameAs(auDemarrage);
        assertThat(recharge.chainesCompilees()).containsExactly(List.of(recharge.national().reference()));
    }
}
