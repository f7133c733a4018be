package fr.harmonie.territoires;

import fr.harmonie.dossier.LecteurDossier;
import fr.harmonie.regles.Pack;
import fr.harmonie.regles.PackInvalideException;
import fr.harmonie.regles.cas.Cas;
import fr.harmonie.regles.cas.CroissanceDesRegles;
import fr.harmonie.regles.cas.ExecuteurCas;
import fr.harmonie.regles.cas.LecteurCas;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The growth of a pack's rules ({@link CroissanceDesRegles}) measured on its chain in a registry, the parent chain
 * compiled only when a growth needs explaining. A reload refuses a new version whose rules grow with the square of
 * the logements: it would pass its cases, then run the service out of memory on the first large dossier.
 */
public final class CroissanceDesPacks {

    private CroissanceDesPacks() {
    }

    /** Measures the rules of the pack that ends {@code chaine}, from its {@code cas}, played by {@code executeur}. */
    public static CroissanceDesRegles.Bilan mesurer(RegistrePacks registre, List<Pack> chaine, ExecuteurCas executeur,
            List<Cas> cas, LecteurDossier lecteur) {
        List<Pack> parents = chaine.subList(0, chaine.size() - 1);
        return CroissanceDesRegles.mesurer(executeur, cas,
                parents.isEmpty() ? null : () -> new ExecuteurCas(registre.chaine(parents), lecteur, registre),
                parents.isEmpty() ? null : parents.get(parents.size() - 1).reference());
    }

    /**
     * Measures the versions a reload brings (not served by {@code servi}) that have DRL of their own: the build has
     * measured the jar's packs, and a reload is where a pack edited beside the service enters without a build. Under a
     * second for a territorial pack, three or four for a new national one.
     *
     * @throws PackInvalideException naming each new version that grows too fast, its case file and rule
     */
    static void verifierLesVersionsNouvelles(RegistrePacks neuf, RegistrePacks servi) {
        if (!CroissanceDesRegles.mesurable()) {
            return;
        }
        Set<String> dejaServies = Set.copyOf(servi.references());
        LecteurDossier lecteur = new LecteurDossier();
        List<String> problemes = new ArrayList<>();
        for (List<Pack> chaine : neuf.chainesDesPacks()) {
            Pack pack = chaine.get(chaine.size() - 1);
            if (dejaServies.contains(pack.reference()) || pack.regles().isEmpty()) {
                continue;
            }
            ExecuteurCas executeur = new ExecuteurCas(neuf.chaine(chaine), lecteur, neuf);
            mesurer(neuf, chaine, executeur, LecteurCas.lire(pack), lecteur).problemes()
                    .forEach(p -> problemes.add("pack " + pack.reference() + ", " + p));
        }
        if (!problemes.isEmpty()) {
            throw new PackInvalideException(String.join("\n", problemes));
        }
    }
}
