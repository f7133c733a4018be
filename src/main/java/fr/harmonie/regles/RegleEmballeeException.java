package fr.harmonie.regles;

/** Une évaluation a dépassé son plafond de déclenchements: une règle boucle. Défaut du pack, pas du dossier. */
public class RegleEmballeeException extends RuntimeException {

    public RegleEmballeeException(String message) {
        super(message);
    }
}
