package fr.harmonie.territoires;

import fr.harmonie.dossier.Dossier;
import fr.harmonie.regles.ChaineResolue;
import fr.harmonie.regles.ResolveurChaine;
import fr.harmonie.regles.faits.Localisation;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Le registre qui sert, remplaçable sans redémarrage: un rechargement construit et vérifie un registre neuf, et ne le
 * met en service que s'il passe; sinon l'ancien continue de servir. Une évaluation en cours garde la chaîne qu'elle a
 * résolue au départ.
 */
public final class RegistreCourant implements ResolveurChaine {

    private final AtomicReference<RegistrePacks> courant;
    private final Supplier<RegistrePacks> chargeur;

    public RegistreCourant(Supplier<RegistrePacks> chargeur) {
        this.chargeur = chargeur;
        this.courant = new AtomicReference<>(chargeur.get());
    }

    public RegistrePacks registre() {
        return courant.get();
    }

    /** @throws fr.harmonie.regles.PackInvalideException si un pack ne passe pas la vérification (rien ne change alors) */
    public RegistrePacks recharger() {
        RegistrePacks neuf = chargeur.get();
        courant.set(neuf);
        return neuf;
    }

    @Override
    public ChaineResolue resoudre(Dossier dossier) {
        return courant.get().resoudre(dossier);
    }

    public Localisation localiser(Dossier dossier) {
        return courant.get().localiser(dossier);
    }
}
