package fr.harmonie.regles;

import fr.harmonie.catalogue.CataloguePieces;
import fr.harmonie.parametres.ParametresDates;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.StatelessKieSession;

/**
 * Une chaîne de packs compilée (national d'abord, le plus spécifique en dernier): sa KieBase, ses règles connues par
 * leur nom DRL, son catalogue fusionné, ses paramètres chaînés. Immuable et partagée entre threads.
 */
public final class ChaineCompilee {

    private final List<Pack> packs;
    private final KieBase kieBase;
    private final StatelessKieSession session;
    private final Map<String, RegleCompilee> regles;
    /** Looked up at every firing: by identity, not by building and hashing "package/name" each time. */
    private final Map<Rule, RegleCompilee> parRegleDrools;
    private final CataloguePieces catalogue;
    private final ParametresDates parametres;

    ChaineCompilee(List<Pack> packs, KieBase kieBase, Map<String, RegleCompilee> regles) {
        this.packs = List.copyOf(packs);
        this.kieBase = kieBase;
        // A StatelessKieSession is thread-safe: each execute() borrows an internal session from the pool, which
        // resets it afterwards instead of building a new one (measured: most of the cost of a small evaluation).
        this.session = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors()).newStatelessKieSession();
        this.regles = Map.copyOf(regles);
        Map<Rule, RegleCompilee> parIdentite = new IdentityHashMap<>();
        for (KiePackage kp : kieBase.getKiePackages()) {
            for (Rule r : kp.getRules()) {
                parIdentite.put(r, regles.get(cle(r.getPackageName(), r.getName())));
            }
        }
        this.parRegleDrools = Collections.unmodifiableMap(parIdentite);
        CataloguePieces c = CataloguePieces.VIDE;
        ParametresDates p = null;
        for (Pack pack : packs) {
            c = c.complete(pack.catalogue());
            p = p == null ? pack.parametres() : pack.parametres().sous(p);
        }
        this.catalogue = c;
        this.parametres = p == null ? ParametresDates.VIDE : p;
    }

    static String cle(String packageDrl, String nom) {
        return packageDrl + "/" + nom;
    }

    public RegleCompilee regle(Rule r) {
        RegleCompilee regle = parRegleDrools.get(r);
        if (regle == null) {
            regle = regles.get(cle(r.getPackageName(), r.getName()));
        }
        if (regle == null) {
            throw new IllegalStateException("Règle inconnue de la chaîne : " + r.getPackageName() + "/" + r.getName());
        }
        return regle;
    }

    public List<Pack> packs() {
        return packs;
    }

    public Pack plusSpecifique() {
        return packs.get(packs.size() - 1);
    }

    public KieBase kieBase() {
        return kieBase;
    }

    StatelessKieSession session() {
        return session;
    }

    public Map<String, RegleCompilee> regles() {
        return regles;
    }

    public CataloguePieces catalogue() {
        return catalogue;
    }

    public ParametresDates parametres() {
        return parametres;
    }
}
