package fr.harmonie.territoires;

import fr.harmonie.dossier.Dossier;
import fr.harmonie.regles.ChaineResolue;
import fr.harmonie.regles.ResolveurChaine;
import fr.harmonie.regles.faits.Localisation;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Le registre qui sert, remplaçable sans redémarrage: un rechargement construit et vérifie un registre neuf, et ne le
 * met en service que s'il passe; sinon l'ancien continue de servir. Une évaluation en cours garde la chaîne qu'elle a
 * résolue au départ.
 */
public final class RegistreCourant implements ResolveurChaine {

    private final AtomicReference<RegistrePacks> courant;
    private final Supplier<RegistrePacks> chargeur;
    private final List<Consumer<RegistrePacks>> abonnes = new CopyOnWriteArrayList<>();

    public RegistreCourant(Supplier<RegistrePacks> chargeur) {
        this.chargeur = chargeur;
        this.courant = new AtomicReference<>(pret(chargeur.get()));
    }

    /**
     * Chains compile on first use (all chains of a France-scale set would cost minutes and hundreds of MB), but the
     * national one serves every commune without a territory pack: compiled before the registry serves, it spares the
     * first such dossier after a start or a reload about a second. Small and bounded, unlike the territorial ones, which
     * the service prepares in the background once it serves ({@code PrechauffageDesChaines}, told through
     * {@link #abonner}).
     */
    private static RegistrePacks pret(RegistrePacks registre) {
        registre.chaine(List.of(registre.national()));
        return registre;
    }

    public RegistrePacks registre() {
        return courant.get();
    }

    /** {@code abonne} learns of each registry a reload puts in service, once it serves; it must not block the reload. */
    public void abonner(Consumer<RegistrePacks> abonne) {
        abonnes.add(abonne);
    }

    /** Un registre remis en service, et combien de ses chaînes compilées viennent du précédent. */
    public record Rechargement(RegistrePacks registre, int chainesReprises) { }

    /**
     * Loads and checks the packs again, and puts them in service only once {@code publication} has kept their versions:
     * a version served but not kept would leave every evaluation sealed on it impossible to replay, and a version
     * changed in place would serve what a restart refuses. The new registry takes over the old one's compiled chains
     * whose packs did not change, so a reload that publishes one pack recompiles only the chains through it.
     * Synchronized: two reloads at once would race on the publication and could leave the older registry serving.
     *
     * @throws fr.harmonie.regles.PackInvalideException si un pack ne passe pas la vérification, la mesure de sa
     *         croissance ({@link CroissanceDesPacks}) ou la publication (rien ne change alors)
     */
    public synchronized Rechargement recharger(PublicationDesPacks publication, String qui) {
        RegistrePacks neuf = chargeur.get();
        int reprises = neuf.reprendreChaines(courant.get());
        pret(neuf);
        // Before the publication: a version refused here must not be kept in the database as published.
        CroissanceDesPacks.verifierLesVersionsNouvelles(neuf, courant.get());
        publication.publier(neuf, qui);
        courant.set(neuf);
        abonnes.forEach(a -> a.accept(neuf));
        return new Rechargement(neuf, reprises);
    }

    @Override
    public ChaineResolue resoudre(Dossier dossier) {
        return courant.get().resoudre(dossier);
    }

    public Localisation localiser(Dossier dossier) {
        return courant.get().localiser(dossier);
    }
}
