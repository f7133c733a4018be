package fr.harmonie.regles.cas;

import java.util.List;

/** Le verdict d'un cas: vide si le cas passe, sinon chaque écart en français. */
public record EcartCas(Cas cas, List<String> ecarts) {

    public boolean reussi() {
        return ecarts.isEmpty();
    }
}
