package fr.harmonie.dossiers;

import java.util.Optional;
import java.util.UUID;

/** Un identifiant lu dans une adresse: un texte qui n'est pas un UUID ne désigne rien, comme un identifiant inconnu. */
final class Identifiants {

    private Identifiants() {
    }

    static Optional<UUID> uuid(String texte) {
        try {
            return Optional.of(UUID.fromString(texte));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
