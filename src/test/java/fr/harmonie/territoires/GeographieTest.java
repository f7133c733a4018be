package fr.harmonie.territoires;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.harmonie.json.Ressources;
import org.junit.jupiter.api.Test;

/** La géographie dérivée de @etalab/decoupage-administratif 6.0.0, telle que les périmètres des packs la lisent. */
class GeographieTest {

    @Test
    void lesCommunesLeursDepartementsRegionsEtEpciViennentDuJeuDeDonnees() {
        Geographie geo = Geographie.chargerEmbarquee();

        assertThat(geo.provenance()).isEqualTo("@etalab/decoupage-administratif@6.0.0");
        assertThat(geo.millesime()).isEqualTo(2026);
        assertThat(geo.toutesLesCommunes()).hasSize(35014);
        assertThat(geo.nomEpci("200023414")).isEqualTo("Métropole Rouen Normandie");
        assertThat(geo.membresEpci("200023414")).hasSize(71).contains("76540", "76322", "76681");
        assertThat(geo.commune("76540")).isEqualTo(new Geographie.Commune("76540", "Rouen", "76", "28", "200023414"));
        assertThat(geo.commune("38185")).satisfies(c -> {
            assertThat(c.nom()).isEqualTo("Grenoble");
            assertThat(c.departement() + " " + c.region()).isEqualTo("38 84");
        });
        assertThat(geo.commune("29019")).satisfies(c -> assertThat(c.nom() + " " + c.departement() + " " + c.region()).isEqualTo("Brest 29 53"));
        assertThat(geo.commune("99999")).isNull();
        assertThat(geo.departementExiste("2A")).isTrue();
        assertThat(geo.departementExiste("20")).isFalse();
    }

    /** The files are derived by scripts/geographie.sh; edited by hand, they no longer match their recorded sha256. */
    @Test
    void unFichierRetoucheALaMainEstRefuse() {
        String communes = Ressources.texte("geo/communes.csv").replace("76540,Rouen,76,28,", "76540,Rouen,76,28,2");

        assertThatThrownBy(() -> Geographie.charger(communes, Ressources.texte("geo/epci.csv"),
                Ressources.texte("geo/codes-postaux.csv"), Ressources.texte("geo/communes-rattachees.csv"),
                Ressources.texte("geo/provenance.properties")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("geo/communes.csv ne correspond pas à sa provenance")
                .hasMessageContaining("le régénérer avec scripts/geographie.sh plutôt que le modifier à la main");
    }

    /** An older derivation, without the year it describes, would hide from bailleurs why a new commune is unknown. */
    @Test
    void uneProvenanceSansMillesimeEstRefusee() {
        String provenance = Ressources.texte("geo/provenance.properties").replace("millesime=2026\n", "");

        assertThatThrownBy(() -> Geographie.charger(Ressources.texte("geo/communes.csv"), Ressources.texte("geo/epci.csv"),
                Ressources.texte("geo/codes-postaux.csv"), Ressources.texte("geo/communes-rattachees.csv"), provenance))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ne dit pas le millésime du découpage");
    }
}
