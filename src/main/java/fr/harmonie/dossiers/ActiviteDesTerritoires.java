package fr.harmonie.dossiers;

import fr.harmonie.evaluation.TerritoiresLesPlusActifs;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Activity read from the deposits of the last twelve months: a deposit names its territory, a draft does not yet. One
 * grouped read of the dossier table, indexed on the territory, done in the background before chains are prepared.
 */
@Component
class ActiviteDesTerritoires implements TerritoiresLesPlusActifs {

    private final JdbcClient jdbc;

    ActiviteDesTerritoires(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> parActivite() {
        return jdbc.sql("""
                SELECT territoire FROM dossier
                WHERE territoire IS NOT NULL AND supprime_le IS NULL AND modifie_le > now() - interval '12 months'
                GROUP BY territoire ORDER BY count(*) DESC, territoire""").query(String.class).list();
    }
}
