package fr.harmonie.regles.cas;

import java.util.List;
import java.util.Map;

/**
 * Un cas: la règle visée, une phrase qui dit ce qu'on vérifie, le dossier de base et ses modifications (pointeur JSON
 * vers nouvelle valeur, {@code null} pour retirer le champ), puis ce qu'on attend. {@code etapes}, quand il est
 * donné, est la liste exacte et ordonnée des prochaines étapes du résultat, points gagnés compris: ce que la maturité
 * conseille au bailleur. {@code score} et {@code niveau}, quand ils sont donnés, sont ceux de la maturité du résultat.
 * {@code explications}: par dimension, le texte exact qui dit au bailleur d'où viennent ses points.
 */
public record Cas(
        String regle,
        String nom,
        String dossier,
        Map<String, Object> modifier,
        Boolean declenche,
        List<AnomalieAttendue> anomalies,
        List<PieceAttendue> pieces,
        Map<String, Double> maturite,
        Map<String, String> explications,
        List<String> etapes,
        Integer score,
        String niveau,
        String fichier) {

    public Cas {
        modifier = modifier == null ? Map.of() : modifier;
        anomalies = anomalies == null ? List.of() : anomalies;
        pieces = pieces == null ? List.of() : pieces;
        maturite = maturite == null ? Map.of() : maturite;
        explications = explications == null ? Map.of() : explications;
    }

    /** Ce cas, lu dans {@code fichier}, dont le dossier de base est celui du fichier quand le cas n'en nomme pas. */
    Cas dans(String fichier, String dossierDuFichier) {
        return new Cas(regle, nom, dossier == null ? dossierDuFichier : dossier, modifier, declenche, anomalies, pieces,
                maturite, explications, etapes, score, niveau, fichier);
    }

    /**
     * Une anomalie que la règle doit produire ({@code regle} pour une autre règle, quand on observe une règle de
     * qualification par ce qu'elle permet de contrôler); {@code message}: un extrait que le message doit contenir.
     */
    public record AnomalieAttendue(String code, String gravite, String champ, String message, String regle) { }

    /** Une pièce que la règle doit exiger. */
    public record PieceAttendue(String code, Boolean bloquante, String statut) { }
}
