package fr.harmonie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.cli.DifferenceDeResultats.Ecarts;
import java.util.List;
import org.junit.jupiter.api.Test;

class DifferenceDeResultatsTest {

    private record Anomalie(String code, String champ, String message) { }

    /** Two anomalies of one code on one field are two: the second one appearing is seen, not hidden by the first. */
    @Test
    void deuxAnomaliesDeMemeCodeSurLeMemeChampComptentPourDeux() {
        Anomalie premiere = new Anomalie("X", "/a", "un");
        Anomalie seconde = new Anomalie("X", "/a", "deux");

        Ecarts<Anomalie> ecarts = Ecarts.entre(List.of(premiere), List.of(premiere, seconde), a -> a.code() + a.champ());

        assertThat(ecarts.ajoutees()).containsExactly(seconde);
        assertThat(ecarts.retirees()).isEmpty();
        assertThat(ecarts.changees()).isEmpty();
        assertThat(Ecarts.entre(List.of(premiere, seconde), List.of(premiere), a -> a.code() + a.champ()).retirees())
                .containsExactly(seconde);
    }
}
