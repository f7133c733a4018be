package fr.harmonie.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Des champs d'anomalies dans l'ordre où un instructeur les lit dans le dossier. */
class PointeursJsonTest {

    @Test
    void lesIndicesSeComparentCommeDesNombres() {
        List<String> champs = new ArrayList<>(List.of(
                "/operation/lots/1/logements/0/loyerMensuel",
                "/operation/lots/0/logements/10/loyerMensuel",
                "/pieces/11/dateDocument",
                "/operation/lots/0/logements/2/surfaceHabitable",
                "/operation/lots/0/logements/2",
                "/operation/lots/0/logements/9/loyerMensuel",
                "/pieces/3/dateDocument",
                "/operation/lots/0/logements/2/loyerMensuel",
                "/operation/lots/0/logements/100/loyerMensuel",
                "/operation/lots/0/loyerMensuelM2",
                "/operation/lots/0/logements/1/loyerMensuel",
                "/dateReference",
                ""));
        champs.sort(PointeursJson::comparer);
        assertThat(champs).containsExactly(
                "",
                "/dateReference",
                "/operation/lots/0/logements/1/loyerMensuel",
                "/operation/lots/0/logements/2",
                "/operation/lots/0/logements/2/loyerMensuel",
                "/operation/lots/0/logements/2/surfaceHabitable",
                "/operation/lots/0/logements/9/loyerMensuel",
                "/operation/lots/0/logements/10/loyerMensuel",
                "/operation/lots/0/logements/100/loyerMensuel",
                "/operation/lots/0/loyerMensuelM2",
                "/operation/lots/1/logements/0/loyerMensuel",
                "/pieces/3/dateDocument",
                "/pieces/11/dateDocument");
    }
}
