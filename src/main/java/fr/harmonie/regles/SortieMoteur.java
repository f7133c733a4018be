package fr.harmonie.regles;

import fr.harmonie.regles.faits.Anomalie;
import fr.harmonie.regles.faits.EtapePossible;
import fr.harmonie.regles.faits.PointsMaturite;
import java.util.List;

/** Ce que les règles et les surcharges ont décidé pour un dossier, avant mise en forme du résultat. */
public record SortieMoteur(
        List<Origine> trace,
        List<PieceConsolidee> pieces,
        List<PieceEcartee> ecartees,
        List<Anomalie> anomalies,
        List<PointsMaturite> points,
        List<EtapePossible> etapes) {

    /** Une pièce requise, une fois, avec tout ce qui l'exige (règles et surcharges), le socle d'abord. */
    public record PieceConsolidee(String code, boolean bloquante, boolean fournie, List<Origine> motifs) { }

    /** Une pièce que le socle exigerait et qu'un pack territorial écarte. */
    public record PieceEcartee(String code, List<Origine> motifs) { }
}
