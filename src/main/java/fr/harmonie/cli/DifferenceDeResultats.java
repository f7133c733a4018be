package fr.harmonie.cli;

import fr.harmonie.evaluation.Resultat;
import fr.harmonie.evaluation.Resultat.AnomalieRelevee;
import fr.harmonie.evaluation.Resultat.PieceRequise;
import fr.harmonie.evaluation.Resultat.StatutPiece;
import fr.harmonie.regles.faits.Gravite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Ce qui change pour un dossier d'une évaluation à l'autre, sur ce que lisent un bailleur et un instructeur: les pièces
 * requises (code, bloquante, statut), les pièces écartées, les anomalies (code et champ; gravité et message), le
 * caractère déposable et la maturité. Les versions des packs, elles, ne comptent pas: une nouvelle version sans effet
 * sur ce dossier ne le change pas.
 */
record DifferenceDeResultats(Apercu avant, Apercu apres, Ecarts<Piece> pieces, Ecarts<String> piecesEcartees,
                             Ecarts<Anomalie> anomalies) {

    /** L'essentiel d'un résultat: la chaîne qui l'a donné, déposable, la maturité. */
    record Apercu(List<String> packs, boolean deposable, Resultat.Niveau niveau, int score) {

        static Apercu de(Resultat r) {
            return new Apercu(r.territoire().packs().stream().map(p -> p.id() + "@" + p.version()).toList(), r.deposable(),
                    r.maturite().niveau(), r.maturite().score());
        }
    }

    record Piece(String code, boolean bloquante, StatutPiece statut) { }

    record Anomalie(String code, String champ, Gravite gravite, String message) { }

    /** Ce qui apparaît, ce qui disparaît, et ce qui reste mais change (avant, après), chacun par sa clé. */
    record Ecarts<T>(List<T> ajoutees, List<T> retirees, List<Changement<T>> changees) {

        boolean vide() {
            return ajoutees.isEmpty() && retirees.isEmpty() && changees.isEmpty();
        }

        static <T> Ecarts<T> entre(List<T> avant, List<T> apres, Function<T, Object> cle) {
            Map<Object, T> parCleAvant = parCle(avant, cle);
            Map<Object, T> parCleApres = parCle(apres, cle);
            List<T> ajoutees = new ArrayList<>();
            List<Changement<T>> changees = new ArrayList<>();
            parCleApres.forEach((k, t) -> {
                T ancien = parCleAvant.get(k);
                if (ancien == null) {
                    ajoutees.add(t);
                } else if (!ancien.equals(t)) {
                    changees.add(new Changement<>(ancien, t));
                }
            });
            List<T> retirees = parCleAvant.entrySet().stream().filter(e -> !parCleApres.containsKey(e.getKey()))
                    .map(Map.Entry::getValue).toList();
            return new Ecarts<>(List.copyOf(ajoutees), retirees, List.copyOf(changees));
        }

        /** Two items of one key (two anomalies of one code on one field, from a territory's rules) stay two: the n-th of each. */
        private static <T> Map<Object, T> parCle(List<T> elements, Function<T, Object> cle) {
            Map<Object, T> parCle = new LinkedHashMap<>();
            Map<Object, Integer> rangs = new HashMap<>();
            for (T t : elements) {
                Object k = cle.apply(t);
                parCle.put(List.of(k, rangs.merge(k, 1, Integer::sum)), t);
            }
            return parCle;
        }
    }

    record Changement<T>(T avant, T apres) { }

    static DifferenceDeResultats entre(Resultat avant, Resultat apres) {
        return new DifferenceDeResultats(Apercu.de(avant), Apercu.de(apres),
                Ecarts.entre(pieces(avant), pieces(apres), Piece::code),
                Ecarts.entre(ecartees(avant), ecartees(apres), code -> code),
                Ecarts.entre(anomalies(avant), anomalies(apres), a -> a.code() + " " + Objects.toString(a.champ(), "")));
    }

    boolean inchangee() {
        return pieces.vide() && piecesEcartees.vide() && anomalies.vide() && avant.deposable() == apres.deposable()
                && avant.niveau() == apres.niveau() && avant.score() == apres.score();
    }

    /** En une ligne, pour le bilan: « +1 pièce, −2 anomalies, déposable : oui → non ». */
    String resume() {
        List<String> parties = new ArrayList<>();
        compter(parties, pieces, "pièce", "pièces");
        compter(parties, piecesEcartees, "pièce écartée", "pièces écartées");
        compter(parties, anomalies, "anomalie", "anomalies");
        if (avant.deposable() != apres.deposable()) {
            parties.add("déposable : " + (avant.deposable() ? "oui → non" : "non → oui"));
        }
        if (avant.niveau() != apres.niveau() || avant.score() != apres.score()) {
            parties.add("maturité : " + avant.niveau() + " " + avant.score() + " → " + apres.niveau() + " " + apres.score());
        }
        return String.join(", ", parties);
    }

    private static void compter(List<String> parties, Ecarts<?> ecarts, String un, String plusieurs) {
        if (!ecarts.ajoutees().isEmpty()) {
            parties.add("+" + ecarts.ajoutees().size() + " " + (ecarts.ajoutees().size() > 1 ? plusieurs : un));
        }
        if (!ecarts.retirees().isEmpty()) {
            parties.add("−" + ecarts.retirees().size() + " " + (ecarts.retirees().size() > 1 ? plusieurs : un));
        }
        if (!ecarts.changees().isEmpty()) {
            parties.add(ecarts.changees().size() + " " + (ecarts.changees().size() > 1 ? plusieurs + " changées" : un + " changée"));
        }
    }

    private static List<Piece> pieces(Resultat r) {
        return r.piecesRequises().stream().map((PieceRequise p) -> new Piece(p.code(), p.bloquante(), p.statut())).toList();
    }

    private static List<String> ecartees(Resultat r) {
        return r.piecesEcartees().stream().map(Resultat.PieceEcartee::code).toList();
    }

    private static List<Anomalie> anomalies(Resultat r) {
        return r.anomalies().stream().map((AnomalieRelevee a) -> new Anomalie(a.code(), a.champ(), a.gravite(), a.message())).toList();
    }
}
