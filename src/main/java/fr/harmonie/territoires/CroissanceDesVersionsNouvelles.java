package fr.harmonie.territoires;

import fr.harmonie.dossier.LecteurDossier;
import fr.harmonie.regles.Pack;
import fr.harmonie.regles.PackInvalideException;
import fr.harmonie.regles.cas.CroissanceDesRegles;
import fr.harmonie.regles.cas.ExecuteurCas;
import fr.harmonie.regles.cas.LecteurCas;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A reload refuses a version whose rules grow with the square of the logements ({@link CroissanceDesRegles}): it would
 * pass its cases, then run the service out of memory on the first large dossier. Only the versions the reload brings
 * are measured, and only those with DRL of their own: the build has measured the jar's packs on the largest dossier
 * the contract admits ({@code DossierAuxLimitesTest}), and a reload is where a pack edited beside the service enters
 * without a build. About a second for a territorial pack, ten for a new national one.
 */
final class CroissanceDesVersionsNouvelles {

    private CroissanceDesVersionsNouvelles() {
    }

    /** @throws PackInvalideException naming each new version that grows too fast, its case file and rule */
    static void verifier(RegistrePacks neuf, RegistrePacks servi) {
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
            List<Pack> parents = chaine.subList(0, chaine.size() - 1);
            CroissanceDesRegles.Bilan bilan = CroissanceDesRegles.mesurer(
                    new ExecuteurCas(neuf.chaine(chaine), lecteur, neuf), LecteurCas.lire(pack),
                    parents.isEmpty() ? null : () -> new ExecuteurCas(neuf.chaine(parents), lecteur, neuf),
                    parents.isEmpty() ? null : parents.get(parents.size() - 1).reference());
            bilan.problemes().forEach(p -> problemes.add("pack " + pack.reference() + ", " + p));
        }
        if (!problemes.isEmpty()) {
            throw new PackInvalideException(String.join("\n", problemes));
        }
    }
}
