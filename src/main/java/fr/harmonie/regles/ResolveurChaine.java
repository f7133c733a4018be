package fr.harmonie.regles;

import fr.harmonie.dossier.Dossier;

/** Trouve la chaîne de packs d'un dossier (sa date de référence est fixée). */
public interface ResolveurChaine {

    ChaineResolue resoudre(Dossier dossier);
}
