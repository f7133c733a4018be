package fr.harmonie.dossier;

import java.util.List;

/** Le dossier reçu n'est pas au contrat format 1: erreur du client, jamais du serveur. */
public class DossierInvalideException extends RuntimeException {

    private final String titre;
    private final List<Violation> violations;

    public DossierInvalideException(String titre, String detail, List<Violation> violations) {
        super(detail);
        this.titre = titre;
        this.violations = List.copyOf(violations);
    }

    public String titre() {
        return titre;
    }

    public List<Violation> violations() {
        return violations;
    }
}
