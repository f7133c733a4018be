package fr.harmonie.regles;

import fr.harmonie.dossier.Dossier;
import java.nio.file.Path;
import java.util.List;

/** Le socle national seul, compilé une fois: la chaîne de tout dossier tant qu'aucun pack territorial ne s'applique. */
public final class SocleNational implements ResolveurChaine {

    public static final String RESSOURCE = "harmonie/rules";

    private final ChaineCompilee chaine;

    public SocleNational(Pack national) {
        this.chaine = CompilateurRegles.compiler(List.of(national));
    }

    /** Depuis {@code rules/} si le dossier est donné, sinon (null) depuis le pack embarqué. */
    public static Pack charger(Path dossier) {
        if (dossier != null) {
            return LecteurPack.lire(FichiersPack.depuisDossier(dossier));
        }
        return LecteurPack.lire(FichiersPack.depuisClasspath(RESSOURCE));
    }

    public ChaineCompilee chaine() {
        return chaine;
    }

    @Override
    public ChaineResolue resoudre(Dossier dossier) {
        return new ChaineResolue(chaine, "commune " + dossier.operation().commune().codeInsee()
                + " → " + chaine.plusSpecifique().manifeste().libelle() + " (aucun pack territorial)");
    }
}
