package fr.harmonie.stockage;

import fr.harmonie.regles.FichiersPack;
import fr.harmonie.regles.LecteurPack;
import fr.harmonie.regles.Pack;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Les versions de packs gardées en base, relues telles qu'importées pour rejouer une évaluation ancienne. */
@Repository
public class PacksStockes {

    private final JdbcClient jdbc;

    PacksStockes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code references}: des {@code id@version}, dans l'ordre de la chaîne. */
    public List<Pack> charger(List<String> references) {
        List<Pack> packs = new ArrayList<>();
        for (String ref : references) {
            String[] idVersion = ref.split("@", 2);
            TreeMap<String, byte[]> fichiers = new TreeMap<>();
            jdbc.sql("SELECT chemin, contenu FROM pack_fichier WHERE pack_id = ? AND version = ?")
                    .params(idVersion[0], idVersion[1])
                    .query(rs -> {
                        fichiers.put(rs.getString(1), rs.getBytes(2));
                    });
            if (fichiers.isEmpty()) {
                throw new IllegalStateException("Version de pack absente de la base : " + ref);
            }
            packs.add(LecteurPack.lire(new FichiersPack("base:" + ref, fichiers)));
        }
        return packs;
    }
}
