package fr.harmonie.regles;

import fr.harmonie.dossier.Operation.Nature;
import fr.harmonie.dossier.Operation.TypeHebergement;
import fr.harmonie.dossier.Phase;
import fr.harmonie.dossier.Produit;
import fr.harmonie.regles.faits.Gravite;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
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

    /** Une pièce exigée en plus, sous conditions (un critère absent: sans condition sur ce critère). */
    public record AjoutPiece(String id, String code, boolean bloquante, Conditions quand, String motif, String source) {

        /**
         * Whether the piece is asked of every dossier: no criterion, or only criteria every dossier meets (both phases,
         * all natures; a product or a housing kind may be absent from a dossier, so naming them all still excludes some).
         * Such an addition has no case where it does not apply.
         */
        public boolean pourToutDossier() {
            return quand == null || quand.produits().isEmpty() && quand.typesHebergement().isEmpty()
                    && (quand.phases().isEmpty() || quand.phases().containsAll(List.of(Phase.values())))
                    && (quand.natures().isEmpty() || quand.natures().containsAll(List.of(Nature.values())));
        }
    }

    /** Chaque critère absent laisse passer toutes ses valeurs ; une liste écrite vide est refusée à la lecture. */
    public record Conditions(List<Phase> phases, List<Nature> natures, List<Produit> produits,
                             List<TypeHebergement> typesHebergement) {
        public Conditions {
            phases = critere("phases", "aucune phase ni toutes", "les phases concernées", "toutes", phases);
            natures = critere("natures", "aucune nature ni toutes", "les natures concernées", "toutes", natures);
            produits = critere("produits", "aucun produit ni tous", "les produits concernés", "tous", produits);
            typesHebergement = critere("typesHebergement", "aucun type d'hébergement ni tous", "les types d'hébergement concernés",
                    "tous", typesHebergement);
        }

        // « produits: [] » se lit « pour aucun produit » (une surcharge qui ne s'appliquerait jamais) autant que « quel
        // que soit le produit » (une pièce exigée de tous les dossiers) : ni l'un ni l'autre n'est deviné.
        private static <T> List<T> critere(String cle, String niAucunNiTous, String lesConcernes, String tous, List<T> liste) {
            if (liste != null && liste.isEmpty()) {
                throw new IllegalArgumentException("« " + cle + " » est une liste vide, qui ne dit " + niAucunNiTous + " : nommer "
                        + lesConcernes + ", ou retirer « " + cle + " » pour " + tous);
            }
            return liste == null ? List.of() : List.copyOf(liste);
        }
    }

    /** Une pièce nationale écartée, là seulement où la règle nationale le permet ({@code @derogeable}). */
    public record Ecart(String id, String code, String motif, String source) { }

    /** Une règle d'anomalie du pack (DRL dans {@code regles/}), déclarée avec son code et sa gravité. */
    public record AnomalieDeclaree(String id, String code, Gravite gravite, String motif, String source) { }

    /** Une gravité relevée, jamais abaissée. */
    public record Rehaussement(String id, String code, Gravite gravite, String motif, String source) { }

    /**
     * Un avis de calendrier: fenêtre de dépôt, dépôt tardif… pour les dossiers datés de certains mois ({@code mois}),
     * ou d'une période de l'année, d'un jour à l'autre compris ({@code du} et {@code au}, en JJ/MM : « 15/10 » et
     * « 31/12 » ; « 15/11 » à « 15/01 » passe le nouvel an), puisqu'une date limite de dépôt tombe rarement un
     * premier du mois.
     */
    public record AvisCalendrier(String id, String code, Gravite gravite, List<Integer> mois, String du, String au,
                                 String message, String motif, String source) {

        private static final DateTimeFormatter JJ_MM = DateTimeFormatter.ofPattern("d/M");

        public AvisCalendrier {
            mois = mois == null ? List.of() : List.copyOf(mois);
        }

        /** Si un dossier daté de {@code jour} reçoit l'avis (la vérification des packs a lu {@code du} et {@code au}). */
        public boolean couvre(LocalDate jour) {
            if (du == null || au == null) {
                return mois.contains(jour.getMonthValue());
            }
            MonthDay j = MonthDay.from(jour);
            MonthDay debut = jourDeLAnnee(du);
            MonthDay fin = jourDeLAnnee(au);
            return debut.isAfter(fin) ? !j.isBefore(debut) || !j.isAfter(fin) : !j.isBefore(debut) && !j.isAfter(fin);
        }

        /** « 15/10 », « 1/2 », « 29/02 » ; « 31/02 » n'en est pas un. */
        public static MonthDay jourDeLAnnee(String jjMm) {
            return MonthDay.parse(jjMm.strip(), JJ_MM);
        }
    }
}
