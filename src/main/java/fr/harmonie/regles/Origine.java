package fr.harmonie.regles;

/** D'où vient une décision: la règle (id stable), le pack ({@code id@version}) et la source juridique ou locale. */
public record Origine(String regle, String pack, String reference) { }
