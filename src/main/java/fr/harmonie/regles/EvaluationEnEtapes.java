package fr.harmonie.regles;

import fr.harmonie.catalogue.EntreeCatalogue;
import fr.harmonie.dossier.Dossier;
import fr.harmonie.dossier.Lot;
import fr.harmonie.dossier.PieceDeclaree;
import fr.harmonie.regles.ChaineCompilee.Declaree;
import fr.harmonie.regles.faits.Anomalie;
import fr.harmonie.regles.faits.BilanAnomalies;
import fr.harmonie.regles.faits.BilanPieces;
import fr.harmonie.regles.faits.EtapePossible;
import fr.harmonie.regles.faits.PieceExigee;
import fr.harmonie.regles.faits.PieceRequise;
import fr.harmonie.regles.faits.PointsMaturite;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;

/**
 * One evaluation, run in a session borrowed from the chain's pool: the stages fire one after the other, each with its
 * own ruleflow group. Between stages, the declared overrides of the chain apply (pieces added or waived after
 * "pieces", calendar notices and raised gravités after "anomalies"), the pieces asked by several rules are merged so
 * that the maturity rules count each piece once (and counted, {@link BilanPieces}), and the anomalies are counted by
 * gravité ({@link BilanAnomalies}).
 */
final class EvaluationEnEtapes {

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

    SortieMoteur executer(KieSession session) {
        Sorties sorties = new Sorties();
        DefaultAgendaEventListener traceur = new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                RegleCompilee r = chaine.regle(event.getMatch().getRule());
                sorties.derniere = r;
                sorties.declenchements++;
                sorties.trace.add(r.origine());
            }
        };
        // Pooled sessions are reset between uses, but their listeners are ours to remove.
        session.addEventListener(traceur);
        session.addEventListener(sorties);
        try {
            return evaluer(session, sorties);
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
        final List<Origine> trace = new ArrayList<>();
        final List<PieceExigee> exigences = new ArrayList<>();
        final List<Anomalie> anomalies = new ArrayList<>();
        final List<PointsMaturite> points = new ArrayList<>();
        final List<EtapePossible> etapes = new ArrayList<>();
        RegleCompilee derniere;
        int declenchements;

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

    private SortieMoteur evaluer(KieSession session, Sorties sorties) {
        for (Object fait : faits) {
            session.insert(fait);
        }
        declencher(session, Etape.QUALIFICATION, sorties);
        declencher(session, Etape.PIECES, sorties);
        ajouterPiecesDeclarees(sorties);
        List<SortieMoteur.PieceEcartee> ecartees = new ArrayList<>();
        List<SortieMoteur.PieceConsolidee> pieces = consolider(sorties.exigences, ecartees);
        ecartees.forEach(e -> sorties.trace.addAll(e.motifs()));
        List<PieceRequise> requises = new ArrayList<>(pieces.size());
        for (SortieMoteur.PieceConsolidee p : pieces) {
            EntreeCatalogue e = chaine.catalogue().entree(p.code());
            PieceRequise requise = new PieceRequise(p.code(), e == null ? p.code() : e.libelle(), p.bloquante(),
                    p.fournie(), chaine.catalogue().rang(p.code()));
            requises.add(requise);
            session.insert(requise);
        }
        session.insert(BilanPieces.de(requises));
        declencher(session, Etape.ANOMALIES, sorties);
        appliquerCalendrier(session, sorties);
        releverGravites(session, sorties);
        session.insert(BilanAnomalies.de(sorties.anomalies));
        declencher(session, Etape.MATURITE, sorties);
        return new SortieMoteur(List.copyOf(sorties.trace), pieces, List.copyOf(ecartees), List.copyOf(sorties.anomalies),
                List.copyOf(sorties.points), List.copyOf(sorties.etapes));
    }

    private void declencher(KieSession session, Etape etape, Sorties sorties) {
        session.getAgenda().getAgendaGroup(etape.groupe()).setFocus();
        int reste = plafond - sorties.declenchements;
        int declenchees = session.fireAllRules(reste);
        if (declenchees >= reste) {
            throw new RegleEmballeeException("Évaluation interrompue à l'étape « " + etape.groupe() + " » après " + plafond
                    + " déclenchements de règles : la règle « " + sorties.derniere.nom() + " » ("
                    + sorties.derniere.origine().regle() + ", " + sorties.derniere.origine().pack() + ") se déclenche sans fin");
        }
    }

    private void ajouterPiecesDeclarees(Sorties sorties) {
        for (Declaree<Surcharges.AjoutPiece> d : chaine.ajouts()) {
            if (sApplique(d.valeur().quand())) {
                sorties.exigences.add(new PieceExigee(d.valeur().code(), d.valeur().bloquante(), null, d.origine()));
                sorties.trace.add(d.origine());
            }
        }
    }

    private boolean sApplique(Surcharges.Conditions c) {
        if (c == null) {
            return true;
        }
        boolean produit = c.produits().isEmpty()
                || dossier.operation().lots().stream().map(Lot::produit).anyMatch(c.produits()::contains);
        return (c.phases().isEmpty() || c.phases().contains(dossier.phase()))
                && (c.natures().isEmpty() || c.natures().contains(dossier.operation().nature()))
                && (c.typesHebergement().isEmpty() || c.typesHebergement().contains(dossier.operation().typeHebergement()))
                && produit;
    }

    private void appliquerCalendrier(KieSession session, Sorties sorties) {
        for (Declaree<Surcharges.AvisCalendrier> d : chaine.avis()) {
            Surcharges.AvisCalendrier a = d.valeur();
            if (a.couvre(dossier.dateReference())) {
                session.insert(new Anomalie(a.code(), a.gravite(), "/dateReference", a.message(), null, d.origine()));
                sorties.trace.add(d.origine());
            }
        }
    }

    /** A territory may raise a national gravité, never lower it: done before maturity counts the anomalies. */
    private void releverGravites(KieSession session, Sorties sorties) {
        for (Anomalie a : sorties.anomalies) {
            Declaree<Surcharges.Rehaussement> d = chaine.rehaussements().get(a.getCode());
            if (d != null && d.valeur().gravite().plusGraveQue(a.getGravite())) {
                a.setGravite(d.valeur().gravite());
                session.update(session.getFactHandle(a), a);
                sorties.trace.add(d.origine());
            }
        }
    }

    private record Motif(Origine origine, int rang, boolean derogeable) { }

    private static final Comparator<Motif> ORDRE_MOTIFS = Comparator.comparingInt(Motif::rang)
            .thenComparing(m -> m.origine().regle());

    private List<SortieMoteur.PieceConsolidee> consolider(List<PieceExigee> exigences, List<SortieMoteur.PieceEcartee> ecartees) {
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
        // Plain loops: a dozen pieces with one to three motifs each, on every evaluation (streams cost 8 % of the rules).
        parCode.forEach((code, liste) -> {
            List<Motif> motifs = new ArrayList<>(liste.size());
            boolean bloquante = false;
            boolean derogeables = true;
            for (PieceExigee e : liste) {
                Motif m = motif(e);
                if (!motifs.contains(m)) {
                    motifs.add(m);
                    derogeables &= m.derogeable();
                }
                bloquante |= e.bloquante();
            }
            Declaree<Surcharges.Ecart> ecart = chaine.ecarts().get(code);
            if (ecart != null && derogeables) {
                ecartees.add(new SortieMoteur.PieceEcartee(code, List.of(ecart.origine())));
                return;
            }
            motifs.sort(ORDRE_MOTIFS);
            List<Origine> origines = new ArrayList<>(motifs.size());
            for (Motif m : motifs) {
                origines.add(m.origine());
            }
            pieces.add(new SortieMoteur.PieceConsolidee(code, bloquante, fournies.contains(code), List.copyOf(origines)));
        });
        pieces.sort(Comparator.comparingInt((SortieMoteur.PieceConsolidee p) -> chaine.catalogue().rang(p.code()))
                .thenComparing(SortieMoteur.PieceConsolidee::code));
        ecartees.sort(Comparator.comparingInt((SortieMoteur.PieceEcartee p) -> chaine.catalogue().rang(p.code())));
        return pieces;
    }

    private Motif motif(PieceExigee e) {
        if (e.origine() != null) {
            return new Motif(e.origine(), chaine.rang(e.origine().pack()), false);
        }
        RegleCompilee r = chaine.regle(e.regle());
        return new Motif(r.origine(), r.rangPack(), r.derogeable());
    }
}
