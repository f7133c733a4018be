package fr.harmonie.regles;

import fr.harmonie.dossier.Operation.Nature;
import fr.harmonie.dossier.Operation.TypeHebergement;
import fr.harmonie.dossier.Phase;
import fr.harmonie.dossier.Produit;
import fr.harmonie.regles.faits.Gravite;
import java.util.List;

/**
 * Le vocabulaire fermé des surcharges d'un pack territorial ({@code surcharges.yaml}): chacune a un id, un motif et
 * une source, et s'applique par-dessus la chaîne de ses parents. Ce sont des données, jamais du code: elles peuvent
 * être listées, vérifiées et, plus tard, éditées par formulaire. Les paramètres resserrés et les pondérations de
 * maturité vivent dans {@code parametres/}; les règles d'anomalie propres au pack dans {@code regles/*.drl}, déclarées
 * ici.
 */
public record Surcharges(
        List<AjoutPiece> pieces,
        List<Ecart> ecarts,
        List<AnomalieDeclaree> anomalies,
        List<Rehaussement> gravites,
        List<AvisCalendrier> calendrier) {

    public static final Surcharges AUCUNE = new Surcharges(null, null, null, null, null);

    public Surcharges {
        pieces = pieces == null ? List.of() : List.copyOf(pieces);
        ecarts = ecarts == null ? List.of() : List.copyOf(ecarts);
        anomalies = anomalies == null ? List.of() : List.copyOf(anomalies);
        gravites = gravites == null ? List.of() : List.copyOf(gravites);
        calendrier = calendrier == null ? List.of() : List.copyOf(calendrier);
    }

    /** Une pièce exigée en plus, sous conditions (une liste vide ou absente: sans condition sur ce critère). */
    public record AjoutPiece(String id, String code, boolean bloquante, Conditions quand, String motif, String source) { }

    public record Conditions(List<Phase> phases, List<Nature> natures, List<Produit> produits,
                             List<TypeHebergement> typesHebergement) {
        public Conditions {
            phases = phases == null ? List.of() : List.copyOf(phases);
            natures = natures == null ? List.of() : List.copyOf(natures);
            produits = produits == null ? List.of() : List.copyOf(produits);
            typesHebergement = typesHebergement == null ? List.of() : List.copyOf(typesHebergement);
        }
    }

    /** Une pièce nationale écartée, là seulement où la règle nationale le permet ({@code @derogeable}). */
    public record Ecart(String id, String code, String motif, String source) { }

    /** Une règle d'anomalie du pack (DRL dans {@code regles/}), déclarée avec son code et sa gravité. */
    public record AnomalieDeclaree(String id, String code, Gravite gravite, String motif, String source) { }

    /** Une gravité relevée, jamais abaissée. */
    public record Rehaussement(String id, String code, Gravite gravite, String motif, String source) { }

    /** Un avis de calendrier: fenêtre de dépôt, dépôt tardif… pour les dossiers datés de certains mois. */
    public record AvisCalendrier(String id, String code, Gravite gravite, List<Integer> mois, String message,
                                 String motif, String source) {
        public AvisCalendrier {
            mois = mois == null ? List.of() : List.copyOf(mois);
        }
    }
}
