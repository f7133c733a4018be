package fr.harmonie.regles;

import fr.harmonie.catalogue.CataloguePieces;
import fr.harmonie.parametres.ParametresDates;
import java.util.SortedMap;

/**
 * Un pack chargé et vérifié: son manifeste, ses règles DRL, ses paramètres, son catalogue et ses cas, et
 * l'empreinte de tout son contenu. Une version de pack ne change jamais: un changement est une nouvelle version.
 */
public record Pack(
        Manifeste manifeste,
        String empreinte,
        SortedMap<String, String> regles,
        SortedMap<String, String> cas,
        ParametresDates parametres,
        CataloguePieces catalogue,
        Surcharges surcharges,
        FichiersPack fichiers) {

    public String id() {
        return manifeste.id();
    }

    /** {@code id@version}, comme dans les motifs et la trace. */
    public String reference() {
        return manifeste.id() + "@" + manifeste.version();
    }

    /** Le package DRL que doivent déclarer les règles du pack: c'est ainsi qu'une règle est rattachée à son pack. */
    public String packageDrl() {
        return packageDrl(manifeste.id());
    }

    public static String packageDrl(String idPack) {
        return "harmonie." + idPack.replaceAll("[^A-Za-z0-9]", "_");
    }
}
