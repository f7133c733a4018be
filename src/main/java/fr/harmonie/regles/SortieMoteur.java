package fr.harmonie.regles;

import fr.harmonie.regles.faits.Anomalie;
import fr.harmonie.regles.faits.PointsMaturite;
import fr.harmonie.regles.faits.EtapePossible;
import java.util.List;

/** Ce que les règles ont décidé pour un dossier, avant mise en forme du résultat. */
public record SortieMoteur(
        List<RegleCompilee> trace,
        List<PieceConsolidee> pieces,
        List<Anomalie> anomalies,
        List<PointsMaturite> points,
        List<EtapePossible> etapes) {

    /** Une pièce requise, une fois, avec toutes les règles qui l'exigent. */
    public record PieceConsolidee(String code, boolean bloquante, boolean fournie, List<RegleCompilee> motifs) { }
}
