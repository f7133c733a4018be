package fr.harmonie.evaluation;

import fr.harmonie.dossier.Phase;
import fr.harmonie.json.EcrivainCanonique;
import fr.harmonie.regles.Origine;
import fr.harmonie.regles.Pack;
import fr.harmonie.regles.faits.Gravite;
import java.time.LocalDate;
import java.util.List;

/** Le résultat d'une évaluation, format 1. L'ordre des champs est celui du contrat. */
public record Resultat(
        String formatVersion,
        String reference,
        LocalDate dateReference,
        Phase phase,
        Territoire territoire,
        boolean deposable,
        boolean complet,
        List<PieceRequise> piecesRequises,
        List<PieceEcartee> piecesEcartees,
        List<AnomalieRelevee> anomalies,
        Maturite maturite,
        List<Origine> trace,
        String empreinte) {

    public static final String FORMAT = "1";

    /**
     * The result as JSON, the very bytes {@link fr.harmonie.json.Json#MAPPER} writes (components in the contract's order,
     * nulls left out), written about four times faster: every answer to an evaluation is about 10 KB of it. The two
     * mappers differ only on maps and on properties that are not record components, and a result holds neither:
     * records, lists, strings, numbers, enums and dates only ({@code EcrivainCanoniqueTest} compares the bytes on
     * every golden dossier's result).
     */
    public byte[] enJson() {
        return EcrivainCanonique.octets(this);
    }

    Resultat avecEmpreinte(String empreinte) {
        return new Resultat(formatVersion, reference, dateReference, phase, territoire, deposable, complet, piecesRequises,
                piecesEcartees, anomalies, maturite, trace, empreinte);
    }

    public record Territoire(String code, String libelle, String resolution, List<PackApplique> packs) {

        /** The territoire of a chain: its most specific pack (the last) names it, every pack shows its version and hash. */
        public static Territoire de(List<Pack> chaine, String resolution) {
            Pack specifique = chaine.get(chaine.size() - 1);
            return new Territoire(specifique.id(), specifique.manifeste().libelle(), resolution,
                    chaine.stream().map(p -> new PackApplique(p.id(), p.manifeste().version(), p.empreinte())).toList());
        }
    }

    public record PackApplique(String id, String version, String empreinte) { }

    public enum StatutPiece { FOURNIE, MANQUANTE }

    public record PieceRequise(String code, String libelle, StatutPiece statut, boolean bloquante, String attendus,
                               String modele, List<Origine> motifs) { }

    public record PieceEcartee(String code, List<Origine> motifs) { }

    public record AnomalieRelevee(String code, Gravite gravite, String message, String champ, Origine origine) { }

    public enum Niveau { PREMATUREE, A_CONSOLIDER, MURE }

    public record Maturite(int score, Niveau niveau, List<Dimension> dimensions, List<String> prochainesEtapes) { }

    public record Dimension(String code, String libelle, double points, double maximum, String explication) { }
}
