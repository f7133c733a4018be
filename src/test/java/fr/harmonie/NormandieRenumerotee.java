package fr.harmonie;

import fr.harmonie.regles.FichiersPack;
import fr.harmonie.regles.LecteurPack;
import fr.harmonie.regles.Pack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.TreeMap;

/** Le vrai pack de la Normandie sous un autre numéro de version: autant de versions distinctes qu'un test en veut. */
public final class NormandieRenumerotee {

    private NormandieRenumerotee() {
    }

    public static Pack enVersion(String version) {
        TreeMap<String, byte[]> fichiers = new TreeMap<>(FichiersPack.depuisDossier(Path.of("territories/region-28/2026.1")).fichiers());
        String manifeste = new String(fichiers.get("pack.yaml"), StandardCharsets.UTF_8).replace("\"2026.1\"", "\"" + version + "\"");
        fichiers.put("pack.yaml", manifeste.getBytes(StandardCharsets.UTF_8));
        return LecteurPack.lire(new FichiersPack("test:region-28@" + version, fichiers));
    }
}
