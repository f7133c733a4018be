package fr.harmonie.evaluation;

import fr.harmonie.catalogue.EntreeCatalogue;
import fr.harmonie.dossier.Dossier;
import fr.harmonie.dossier.DossierInvalideException;
import fr.harmonie.dossier.Violation;
import fr.harmonie.evaluation.Resultat.AnomalieRelevee;
import fr.harmonie.evaluation.Resultat.PieceRequise;
import fr.harmonie.evaluation.Resultat.StatutPiece;
import fr.harmonie.evaluation.Resultat.Territoire;
import fr.harmonie.json.PointeursJson;
import fr.harmonie.regles.ChaineCompilee;
import fr.harmonie.regles.ChaineResolue;
import fr.harmonie.regles.MoteurRegles;
import fr.harmonie.regles.NumerosDeVersion;
import fr.harmonie.regles.Origine;
import fr.harmonie.regles.Pack;
import fr.harmonie.regles.ResolveurChaine;
import fr.harmonie.regles.SortieMoteur;
import fr.harmonie.regles.faits.Anomalie;
import fr.harmonie.regles.faits.Gravite;
import fr.harmonie.regles.faits.Localisation;
import fr.harmonie.regles.faits.Parametres;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Évalue un dossier déjà validé. Sans état, sûr entre threads: le service et la ligne de commande partagent celui-ci. */
public final class Evaluateur {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** Le jour qu'il est à Paris: celui d'un dossier sans date de référence, et d'un dépôt. */
    public static LocalDate aujourdhui(Clock horloge) {
        return LocalDate.now(horloge.withZone(PARIS));
    }

    /** By gravité then code, as the result contract says; within a code, by field as text (logement 10 before 2). */
    private static final Comparator<AnomalieRelevee> ORDRE_ANOMALIES = Comparator
            .comparing(AnomalieRelevee::gravite)
            .thenComparing(AnomalieRelevee::code)
            .thenComparing(a -> a.champ() == null ? "" : a.champ())
            .thenComparing(AnomalieRelevee::message);

    /**
     * The same, but within a code in the dossier's order: logement 2 before logement 10, as an instructeur reads the
     * dossier. From the socle version that says so: an evaluation sealed on an earlier one replays in the order its
     * receipt was computed with.
     */
    private static final Comparator<AnomalieRelevee> ORDRE_DU_DOSSIER = Comparator
            .comparing(AnomalieRelevee::gravite)
            .thenComparing(AnomalieRelevee::code)
            .thenComparing((a, b) -> PointeursJson.comparer(a.champ() == null ? "" : a.champ(), b.champ() == null ? "" : b.champ()))
            .thenComparing(AnomalieRelevee::message);

    static final String ORDRE_DU_DOSSIER_DEPUIS_LE_SOCLE = "2026.13";

    /** By socle version, read once: an evaluation does not parse a version number. */
    private static final Map<String, Comparator<AnomalieRelevee>> ORDRE_SELON_LE_SOCLE = new ConcurrentHashMap<>();

    private final ResolveurChaine resolveur;
    private final Clock horloge;

    public Evaluateur(ResolveurChaine resolveur, Clock horloge) {
        this.resolveur = resolveur;
        this.horloge = horloge;
    }

    /**
     * Before the national pack's first day there are no rules and no parameters to read: null when {@code socle}
     * applies at {@code date}, otherwise the French sentence that says so (for a dossier and for the rules in force).
     */
    public static String sansReglesAu(LocalDate date, Pack socle) {
        LocalDate debut = socle.manifeste().validFrom();
        return date.isBefore(debut) ? "Harmonie n'a pas de règles au " + date + " : le " + nomDuSocle(socle)
                + " s'applique à partir du " + debut + "." : null;
    }

    private static String nomDuSocle(Pack socle) {
        return socle.manifeste().libelle().toLowerCase(Locale.FRENCH);
    }

    /** The rules would stop on a missing parameter, so the date is refused as the client's to correct. */
    private static void refuserAvantLeSocle(LocalDate date, Pack socle) {
        String raison = sansReglesAu(date, socle);
        if (raison != null) {
            LocalDate debut = socle.manifeste().validFrom();
            throw new DossierInvalideException("Date de référence hors des règles", raison,
                    List.of(new Violation("/dateReference", "antérieure au " + debut + ", premier jour du " + nomDuSocle(socle)
                            + " (" + socle.reference() + ")")));
        }
    }

    public Resultat evaluer(Dossier recu) {
        return evaluerEtLocaliser(recu).resultat();
    }

    /**
     * The result, and where the resolution placed the operation: what a sealed evaluation keeps besides its input and
     * its chain, so that it replays as it was computed even after the administrative geography has changed.
     */
    public record Evaluee(Resultat resultat, Localisation localisation) { }

    public Evaluee evaluerEtLocaliser(Dossier recu) {
        Dossier dossier = recu.dateReference() != null ? recu : recu.avecDateReference(aujourdhui(horloge));
        ChaineResolue resolue = resolveur.resoudre(dossier);
        ChaineCompilee chaine = resolue.chaine();
        refuserAvantLeSocle(dossier.dateReference(), chaine.packs().get(0));
        SortieMoteur sortie = MoteurRegles.executer(chaine, dossier,
                resolue.localisation() == null ? List.of() : List.of(resolue.localisation()));

        List<PieceRequise> pieces = new ArrayList<>();
        boolean manqueBloquante = false;
        boolean manque = false;
        for (SortieMoteur.PieceConsolidee p : sortie.pieces()) {
            EntreeCatalogue e = chaine.catalogue().entree(p.code());
            pieces.add(new PieceRequise(p.code(), e == null ? p.code() : e.libelle(),
                    p.fournie() ? StatutPiece.FOURNIE : StatutPiece.MANQUANTE, p.bloquante(),
                    e == null ? null : e.attendus(), e == null ? null : e.modele(), p.motifs()));
            manque |= !p.fournie();
            manqueBloquante |= !p.fournie() && p.bloquante();
        }
        List<AnomalieRelevee> anomalies = new ArrayList<>();
        boolean anomalieBloquante = false;
        for (Anomalie a : sortie.anomalies()) {
            anomalies.add(new AnomalieRelevee(a.getCode(), a.getGravite(), a.getMessage(), a.getChamp(),
                    a.getOrigine() != null ? a.getOrigine() : chaine.regle(a.getRegle()).origine()));
            anomalieBloquante |= a.getGravite() == Gravite.BLOQUANTE;
        }
        anomalies.sort(ORDRE_SELON_LE_SOCLE.computeIfAbsent(chaine.packs().get(0).manifeste().version(),
                v -> NumerosDeVersion.auMoins(v, ORDRE_DU_DOSSIER_DEPUIS_LE_SOCLE) ? ORDRE_DU_DOSSIER : ORDRE_ANOMALIES));

        Territoire territoire = Territoire.de(chaine.packs(), resolue.resolution());
        List<Origine> trace = new ArrayList<>(resolue.notes());
        trace.addAll(sortie.trace());
        Resultat resultat = new Resultat(Resultat.FORMAT, dossier.reference(), dossier.dateReference(), dossier.phase(),
                territoire, !manqueBloquante && !anomalieBloquante, !manque && !anomalieBloquante, List.copyOf(pieces),
                sortie.ecartees().stream().map(p -> new Resultat.PieceEcartee(p.code(), p.motifs())).toList(),
                List.copyOf(anomalies),
                CalculMaturite.calculer(sortie.points(), sortie.etapes(), anomalieBloquante,
                        (int) pieces.stream().filter(p -> p.statut() == StatutPiece.FOURNIE).count(), pieces.size(),
                        new Parametres(chaine.parametres(), dossier.dateReference())),
                List.copyOf(trace), null);
        return new Evaluee(resultat.avecEmpreinte(Empreinte.calculer(dossier, resultat)), resolue.localisation());
    }
}
