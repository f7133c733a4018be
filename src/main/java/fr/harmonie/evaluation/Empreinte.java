package fr.harmonie.evaluation;

import fr.harmonie.dossier.Dossier;
import fr.harmonie.json.EcrivainCanonique;
import fr.harmonie.json.Json;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The evaluation receipt: sha256 over the canonical JSON ({@link Json#CANONIQUE}) of the dossier as understood
 * (defaults applied, dateReference fixed), the chain's pack hashes and the result without its receipt. Same dossier,
 * same packs: same receipt. The bytes are written by {@link EcrivainCanonique}, which gives Jackson's bytes faster.
 */
final class Empreinte {

    private Empreinte() {
    }

    record Recu(Dossier dossier, List<String> packs, Resultat resultat) { }

    static String calculer(Dossier dossier, Resultat sansEmpreinte) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<String> packs = sansEmpreinte.territoire().packs().stream().map(Resultat.PackApplique::empreinte).toList();
        EcrivainCanonique.condenser(new Recu(dossier, packs, sansEmpreinte), sha);
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }
}
