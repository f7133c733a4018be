package fr.harmonie.regles;

import fr.harmonie.catalogue.CataloguePieces;
import fr.harmonie.parametres.ParametresDates;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.conf.ThreadSafeOption;

/**
 * Une chaîne de packs compilée (national d'abord, le plus spécifique en dernier): sa KieBase, ses règles connues par
 * leur nom DRL, son catalogue fusionné, ses paramètres chaînés. Immuable et partagée entre threads.
 */
public final class ChaineCompilee {

    private final List<Pack> packs;
    private final KieBase kieBase;
    private final KieSessionsPool sessions;
    /** The pool keys its sessions by this configuration's identity: always the same instance. */
    private final KieSessionConfiguration configuration = sessionMonoThread();
    private final Map<String, RegleCompilee> regles;
    /** Looked up at every firing: by identity, not by building and hashing "package/name" each time. */
    private final Map<Rule, RegleCompilee> parRegleDrools;
    private final CataloguePieces catalogue;
    private final ParametresDates parametres;
    private final List<Declaree<Surcharges.AjoutPiece>> ajouts = new ArrayList<>();
    private final Map<String, Declaree<Surcharges.Ecart>> ecarts = new HashMap<>();
    private final Map<String, Declaree<Surcharges.Rehaussement>> rehaussements = new HashMap<>();
    private final List<Declaree<Surcharges.AvisCalendrier>> avis = new ArrayList<>();

    /** Une surcharge déclarée, avec son origine et le rang de son pack dans la chaîne (0: national). */
    public record Declaree<T>(T valeur, Origine origine, int rang) { }

    ChaineCompilee(List<Pack> packs, KieBase kieBase, Map<String, RegleCompilee> regles) {
        this.packs = List.copyOf(packs);
        this.kieBase = kieBase;
        // A pooled session is reset when disposed instead of being built anew (measured: most of the cost of a small
        // evaluation). Borrowed directly rather than through a StatelessKieSession, whose every execute() creates its
        // command context by reflection (Class.forName): 3 % of the rules' time in the profile, and the rules ran 5 to
        // 10 % faster without it (TempsCpuMinimum, runs alternated with the previous version).
        this.sessions = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
        this.regles = Map.copyOf(regles);
        Map<Rule, RegleCompilee> parIdentite = new IdentityHashMap<>();
        for (KiePackage kp : kieBase.getKiePackages()) {
            for (Rule r : kp.getRules()) {
                parIdentite.put(r, regles.get(cle(r.getPackageName(), r.getName())));
            }
        }
        this.parRegleDrools = Collections.unmodifiableMap(parIdentite);
        CataloguePieces c = CataloguePieces.VIDE;
        for (Pack pack : packs) {
            c = c.complete(pack.catalogue());
        }
        this.catalogue = c;
        this.parametres = parametresDe(packs);
        for (int i = 0; i < packs.size(); i++) {
            Pack pack = packs.get(i);
            Surcharges s = pack.surcharges();
            for (Surcharges.AjoutPiece a : s.pieces()) {
                ajouts.add(new Declaree<>(a, new Origine(a.id(), pack.reference(), a.source()), i));
            }
            for (Surcharges.Ecart e : s.ecarts()) {
                ecarts.put(e.code(), new Declaree<>(e, new Origine(e.id(), pack.reference(), e.source()), i));
            }
            for (Surcharges.Rehaussement r : s.gravites()) {
                rehaussements.merge(r.code(), new Declaree<>(r, new Origine(r.id(), pack.reference(), r.source()), i),
                        (ancien, nouveau) -> nouveau.valeur().gravite().plusGraveQue(ancien.valeur().gravite()) ? nouveau : ancien);
            }
            for (Surcharges.AvisCalendrier a : s.calendrier()) {
                avis.add(new Declaree<>(a, new Origine(a.id(), pack.reference(), a.source()), i));
            }
        }
    }

    /**
     * The parameters of a chain, each pack's over its parents': read from the packs' files, with no rule compiled, so
     * that checking a territory's parameters against its parents' costs no compilation of their chain.
     */
    public static ParametresDates parametresDe(List<Pack> packs) {
        ParametresDates p = null;
        for (Pack pack : packs) {
            p = p == null ? pack.parametres() : pack.parametres().sous(p);
        }
        return p == null ? ParametresDates.VIDE : p;
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

    /**
     * A pooled session serves one execute() at a time, on one thread, and nothing else touches it (no timer, no
     * halt from another thread): Drools' locks and synchronised propagation queue guard against a concurrency that
     * never happens. Without them the rules run about 8 % faster (TempsCpuMinimum, rules alone).
     */
    private static KieSessionConfiguration sessionMonoThread() {
        KieSessionConfiguration conf = KieServices.get().newKieSessionConfiguration();
        conf.setOption(ThreadSafeOption.NO);
        return conf;
    }

    /** A session of the pool, for one evaluation on one thread: {@code dispose()} gives it back, reset. */
    KieSession emprunterSession() {
        return sessions.newKieSession(configuration);
    }

    public Map<String, RegleCompilee> regles() {
        return regles;
    }

    List<Declaree<Surcharges.AjoutPiece>> ajouts() {
        return ajouts;
    }

    Map<String, Declaree<Surcharges.Ecart>> ecarts() {
        return ecarts;
    }

    Map<String, Declaree<Surcharges.Rehaussement>> rehaussements() {
        return rehaussements;
    }

    List<Declaree<Surcharges.AvisCalendrier>> avis() {
        return avis;
    }

    /** Rang dans la chaîne du pack {@code id@version} (0: national). */
    int rang(String referencePack) {
        for (int i = 0; i < packs.size(); i++) {
            if (packs.get(i).reference().equals(referencePack)) {
                return i;
            }
        }
        return packs.size();
    }

    public CataloguePieces catalogue() {
        return catalogue;
    }

    public ParametresDates parametres() {
        return parametres;
    }
}
