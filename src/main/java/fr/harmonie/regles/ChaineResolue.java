package fr.harmonie.regles;

/** La chaîne qui s'applique à un dossier, et comment on l'a trouvée (phrase française pour le résultat). */
public record ChaineResolue(ChaineCompilee chaine, String resolution) { }
