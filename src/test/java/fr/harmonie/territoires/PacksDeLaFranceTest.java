package fr.harmonie.territoires;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.PacksDeLaFrance;
import fr.harmonie.dossier.LecteurDossier;
import fr.harmonie.evaluation.Evaluateur;
import fr.harmonie.evaluation.Resultat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The France-scale set passes the checks a service applies at start: a region per region, a DDT per département and a
 * délégataire for each of the 106 largest EPCI, under the DDT of most of its communes. A new check that refused it
 * would otherwise be seen only at the next measure (the "sources" check did so).
 */
class PacksDeLaFranceTest {

    @Test
    void lesPacksDeLaFranceEntiereSontAcceptesEtDijonSuitSaRegionEtSaDdt(@TempDir Path dossier) throws Exception {
        Geographie geo = Geographie.chargerEmbarquee();
        Path racine = PacksDeLaFrance.generer(geo, dossier);

        RegistrePacks registre = ChargeurPacks.charger(racine, geo);

        assertThat(registre.chainesDesPacks()).hasSizeGreaterThan(200);
        String dijon = Files.readString(Path.of("src/test/resources/exemples/construction-neuve-dijon.json"));
        Resultat r = new Evaluateur(registre, Clock.systemUTC()).evaluer(new LecteurDossier().lire(dijon.getBytes()));
        assertThat(r.territoire().packs()).extracting(p -> p.id()).containsExactly("national", "region-27", "ddt-21");
    }
}
