package fr.harmonie.regles;

import fr.harmonie.regles.faits.Localisation;
import java.util.List;

/**
 * La chaîne qui s'applique à un dossier, comment on l'a trouvée (phrase française pour le résultat), ce que la
 * résolution a constaté sur la commune, et les niveaux écartés faute de version en vigueur (pour la trace).
 */
public record ChaineResolue(ChaineCompilee chaine, String resolution, Localisation localisation, List<Origine> notes) {

    public ChaineResolue {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public ChaineResolue(ChaineCompilee chaine, String resolution) {
        this(chaine, resolution, null, List.of());
    }
}
