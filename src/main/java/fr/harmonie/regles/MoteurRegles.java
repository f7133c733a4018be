package fr.harmonie.regles;

import fr.harmonie.dossier.Dossier;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.runtime.KieSession;

/** Exécute une chaîne compilée sur un dossier. Sans état, sûr entre threads. */
public final class MoteurRegles {

    /**
     * Firing budget: every rule fires a bounded number of times per fact, so a budget that grows with the facts
     * stops only a rule that loops.
     */
    static final int PLAFOND_FIXE = 2_000;
    static final int PLAFOND_PAR_FAIT = 8;

    private MoteurRegles() {
    }

    /**
     * {@code dossier.dateReference()} doit être fixée: c'est la date des paramètres. {@code autres}: les faits que la
     * résolution du territoire ajoute (la localisation de l'opération).
     */
    public static SortieMoteur executer(ChaineCompilee chaine, Dossier dossier, List<Object> autres) {
        if (dossier.dateReference() == null) {
            throw new IllegalArgumentException("dateReference non fixée");
        }
        List<Object> faits = new ArrayList<>(FaitsDossier.de(dossier, chaine));
        faits.addAll(autres);
        int plafond = PLAFOND_FIXE + PLAFOND_PAR_FAIT * faits.size();
        KieSession session = chaine.emprunterSession();
        try {
            return new EvaluationEnEtapes(chaine, dossier, faits, plafond).executer(session);
        } finally {
            session.dispose();
        }
    }
}
