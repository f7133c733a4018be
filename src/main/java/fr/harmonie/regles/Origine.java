package fr.harmonie.regles;

import fr.harmonie.json.EcritureMemorisee;

/** D'où vient une décision: la règle (id stable), le pack ({@code id@version}) et la source juridique ou locale. */
@EcritureMemorisee
public record Origine(String regle, String pack, String reference) { }
