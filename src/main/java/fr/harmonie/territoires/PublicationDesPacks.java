package fr.harmonie.territoires;

/**
 * Ce qui doit réussir avant qu'un registre rechargé serve: ses versions de packs gardées en base, telles qu'elles
 * serviront, pour qu'une évaluation scellée sur elles puisse être rejouée. Une version déjà gardée dont le contenu
 * diffère est refusée ({@link fr.harmonie.regles.PackInvalideException}): une version publiée ne change pas.
 */
@FunctionalInterface
public interface PublicationDesPacks {

    /** {@code qui}: l'administrateur qui recharge, ou {@code systeme} au démarrage; le journal le garde. */
    void publier(RegistrePacks registre, String qui);
}
