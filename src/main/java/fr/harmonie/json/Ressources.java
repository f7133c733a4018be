package fr.harmonie.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Les fichiers texte embarqués dans le jar (schémas du contrat, géographie). */
public final class Ressources {

    private Ressources() {
    }

    public static String texte(String chemin) {
        try (InputStream in = Ressources.class.getClassLoader().getResourceAsStream(chemin)) {
            if (in == null) {
                throw new IllegalStateException("Ressource introuvable : " + chemin);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
