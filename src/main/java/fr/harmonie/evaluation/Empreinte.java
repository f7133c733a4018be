package fr.harmonie.evaluation;

import fr.harmonie.json.Json;
import fr.harmonie.json.JsonCanonique;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The evaluation receipt: sha256 over the canonical JSON of {dossier as understood (defaults applied, dateReference
 * fixed), the chain's pack hashes, the result without its receipt}. Same dossier, same packs: same receipt.
 */
final class Empreinte {

    private Empreinte() {
    }

    static String calculer(Object dossier, Resultat sansEmpreinte) {
        ObjectNode recu = Json.MAPPER.createObjectNode();
        recu.set("dossier", Json.MAPPER.valueToTree(dossier));
        ArrayNode packs = recu.putArray("packs");
        sansEmpreinte.territoire().packs().forEach(p -> packs.add(p.empreinte()));
        recu.set("resultat", Json.MAPPER.valueToTree(sansEmpreinte));
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (OutputStream sortie = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
                JsonCanonique.ecrire(recu, sortie);
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
