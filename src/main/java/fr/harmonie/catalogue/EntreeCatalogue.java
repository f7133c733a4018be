package fr.harmonie.catalogue;

/** Une pièce du catalogue; {@code modele}: lien vers un modèle téléchargeable, quand il en existe un. */
public record EntreeCatalogue(String code, String libelle, String attendus, String reference, String codeSpls, String modele) { }
