package fr.harmonie.regles;

import fr.harmonie.catalogue.EntreeCatalogue;
import fr.harmonie.dossier.Dossier;
import fr.harmonie.dossier.PieceDeclaree;
import fr.harmonie.regles.faits.Anomalie;
import fr.harmonie.regles.faits.PointsMaturite;
import fr.harmonie.regles.faits.EtapePossible;
import fr.harmonie.regles.faits.PieceExigee;
import fr.harmonie.regles.faits.PieceRequise;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.command.ExecutableCommand;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.Context;
import org.kie.api.runtime.KieSession;
import org.kie.internal.command.RegistryContext;

/**
 * One evaluation, run inside a stateless session: the stages fire one after the other, each with its own agenda
 * group, and the pieces asked by several rules are merged between the "pieces" and "anomalies" stages so that the
 * maturity rules count each piece once.
 */
final class EvaluationEnEtapes implements ExecutableCommand<SortieMoteur> {

    private final ChaineCompilee chaine;
    private final Dossier dossier;
    private final List<Object> faits;
    private final int plafond;

    EvaluationEnEtapes(ChaineCompilee chaine, Dossier dossier, List<Object> faits, int plafond) {
        this.chaine = chaine;
        this.dossier = dossier;
        this.faits = faits;
        this.plafond = plafond;
    }

    @Override
    public boolean autoFireAllRules() {
        return false;
    }

    @Override
    public SortieMoteur execute(Context context) {
        KieSession session = ((RegistryContext) context).lookup(KieSession.class);
        List<RegleCompilee> trace = new ArrayList<>();
        Sorties sorties = new Sorties();
        DefaultAgendaEventListener traceur = new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                trace.add(chaine.regle(event.getMatch().getRule()));
            }
        };
        // Pooled sessions are reset between uses, but their listeners are ours to remove.
        session.addEventListener(traceur);
        session.addEventListener(sorties);
        try {
            return evaluer(session, trace, sorties);
        } finally {
            session.removeEventListener(traceur);
            session.removeEventListener(sorties);
        }
    }

    /**
     * What the rules insert, by kind, in insertion (so firing) order: collected as it happens rather than by scanning
     * the working memory afterwards, which iterates in no stable order and costs a pass per kind.
     */
    private static final class Sorties extends DefaultRuleRuntimeEventListener {
        final List<PieceExigee> exigences = new ArrayList<>();
        final List<Anomalie> anomalies = new ArrayList<>();
        final List<PointsMaturite> points = new ArrayList<>();
        final List<EtapePossible> etapes = new ArrayList<>();

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            Object o = event.getObject();
            if (o instanceof PieceExigee e) {
                exigences.add(e);
            } else if (o instanceof Anomalie a) {
                anomalies.add(a);
            } else if (o instanceof PointsMaturite p) {
                points.add(p);
            } else if (o instanceof EtapePossible e) {
                etapes.add(e);
            }
        }
    }

    private SortieMoteur evaluer(KieSession session, List<RegleCompilee> trace, Sorties sorties) {
        for (Object fait : faits) {
            session.insert(fait);
        }
        declencher(session, Etape.QUALIFICATION, trace);
        declencher(session, Etape.PIECES, trace);
        List<SortieMoteur.PieceConsolidee> pieces = consolider(sorties.exigences);
        for (SortieMoteur.PieceConsolidee p : pieces) {
            EntreeCatalogue e = chaine.catalogue().entree(p.code());
            session.insert(new PieceRequise(p.code(), e == null ? p.code() : e.libelle(), p.bloquante(), p.fournie(),
                    chaine.catalogue().rang(p.code())));
        }
        declencher(session, Etape.ANOMALIES, trace);
        declencher(session, Etape.MATURITE, trace);
        return new SortieMoteur(List.copyOf(trace), pieces, List.copyOf(sorties.anomalies), List.copyOf(sorties.points),
                List.copyOf(sorties.etapes));
    }

    private void declencher(KieSession session, Etape etape, List<RegleCompilee> trace) {
        session.getAgenda().getAgendaGroup(etape.groupe()).setFocus();
        int reste = plafond - trace.size();
        int declenchees = session.fireAllRules(reste);
        if (declenchees >= reste) {
            throw new RegleEmballeeException("Évaluation interrompue à l'étape « " + etape.groupe() + " » après " + plafond
                    + " déclenchements de règles : la règle « " + trace.get(trace.size() - 1).nom() + " » ("
                    + trace.get(trace.size() - 1).origine().regle() + ", " + trace.get(trace.size() - 1).origine().pack()
                    + ") se déclenche sans fin");
        }
    }

    private List<SortieMoteur.PieceConsolidee> consolider(List<PieceExigee> exigences) {
        Set<String> fournies = new HashSet<>();
        for (PieceDeclaree p : dossier.pieces()) {
            if (p.fournie()) {
                fournies.add(p.code());
            }
        }
        Map<String, List<PieceExigee>> parCode = new LinkedHashMap<>();
        for (PieceExigee e : exigences) {
            parCode.computeIfAbsent(e.code(), c -> new ArrayList<>()).add(e);
        }
        List<SortieMoteur.PieceConsolidee> pieces = new ArrayList<>();
        parCode.forEach((code, liste) -> {
            boolean bloquante = liste.stream().anyMatch(PieceExigee::bloquante);
            List<RegleCompilee> motifs = liste.stream().map(e -> chaine.regle(e.regle())).distinct()
                    .sorted(Comparator.comparingInt(RegleCompilee::rangPack).thenComparing(RegleCompilee::id)).toList();
            pieces.add(new SortieMoteur.PieceConsolidee(code, bloquante, fournies.contains(code), motifs));
        });
        pieces.sort(Comparator.comparingInt((SortieMoteur.PieceConsolidee p) -> chaine.catalogue().rang(p.code()))
                .thenComparing(SortieMoteur.PieceConsolidee::code));
        return pieces;
    }
}
