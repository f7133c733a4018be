package fr.harmonie.json;

/** A value someone sent, quoted back in a French message: long values cut, so the message stays readable. */
public final class Citations {

    private Citations() {
    }

    /** {@code texte}, or its first {@code longueur} characters and « … ». */
    public static String abregee(String texte, int longueur) {
        return texte.length() <= longueur ? texte : texte.substring(0, longueur) + "…";
    }
}
