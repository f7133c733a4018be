package fr.harmonie.stockage;

import fr.harmonie.json.Json;
import fr.harmonie.regles.PackInvalideException;
import fr.harmonie.territoires.PublicationDesPacks;
import fr.harmonie.territoires.RechargementsPartages;
import fr.harmonie.territoires.RegistreCourant;
import fr.harmonie.web.BaseIndisponible;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

/**
 * Instances on one database follow each other's reloads: the one that starts or reloads records the versions it now
 * serves, and every other one, at its next look ({@code harmonie.packs.suivi}, 30 s by default), reloads from its own
 * packs when it serves other versions. Each instance reads its own {@code territories/}; when they differ (an image not
 * yet redeployed), the follower says so in a WARN rather than serving silently what the others do not.
 */
@Component
class SuiviDesRechargements implements RechargementsPartages, ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SuiviDesRechargements.class);

    private record Annonce(long id, String qui, List<String> packs) { }

    private final JdbcClient jdbc;
    private final RegistreCourant registre;
    private final PublicationDesPacks publication;
    /** The last announcement this instance has acted on or made; -1 until its start has announced its own. */
    private long vue = -1;

    SuiviDesRechargements(JdbcClient jdbc, RegistreCourant registre, PublicationDesPacks publication) {
        this.jdbc = jdbc;
        this.registre = registre;
        this.publication = publication;
    }

    /** Started, an instance serves its packs (once {@link ImportPacks} has kept them); the others follow, as after a reload. */
    @Override
    public void run(ApplicationArguments args) {
        if (!annoncer(registre.registre().references(), "systeme")) {
            // The base already holds every version served here (ImportPacks would have stopped the start otherwise).
            LOG.warn("Base en lecture seule au démarrage : cette instance sert ses {} versions de packs, déjà en base, sans "
                    + "l'annoncer aux autres ; les évaluations et les consultations marchent, les écritures sont refusées "
                    + "(503) tant que la base les refuse.", registre.registre().references().size());
        }
    }

    /**
     * A base that takes no writes (a standby, default_transaction_read_only) cannot keep the announcement: this instance
     * serves its packs all the same, and follows the others from their latest announcement.
     */
    @Override
    public synchronized boolean annoncer(List<String> packs, String qui) {
        try {
            vue = jdbc.sql("INSERT INTO rechargement_packs (qui, packs) VALUES (?, ?::jsonb) RETURNING id")
                    .params(qui, Json.MAPPER.writeValueAsString(packs)).query(Long.class).single();
            return true;
        } catch (DataAccessException e) {
            if (!BaseIndisponible.lectureSeule(e)) {
                throw e;
            }
            vue = jdbc.sql("SELECT coalesce(max(id), 0) FROM rechargement_packs").query(Long.class).single();
            return false;
        }
    }

    @Scheduled(fixedDelayString = "${harmonie.packs.suivi:PT30S}", initialDelayString = "${harmonie.packs.suivi:PT30S}")
    synchronized void suivre() {
        if (vue < 0) {
            return; // not started yet: its start announces what it serves, and it follows from there
        }
        Optional<Annonce> derniere;
        try {
            derniere = jdbc.sql("SELECT id, qui, packs::text FROM rechargement_packs ORDER BY id DESC LIMIT 1")
                    .query((rs, n) -> new Annonce(rs.getLong(1), rs.getString(2),
                            Json.MAPPER.readValue(rs.getString(3), new TypeReference<List<String>>() { })))
                    .optional();
        } catch (DataAccessException e) {
            LOG.warn("Suivi des rechargements des autres instances impossible pour l'instant : {}", e.getMessage());
            return;
        }
        if (derniere.isEmpty() || derniere.get().id() <= vue) {
            return;
        }
        Annonce a = derniere.get();
        vue = a.id();
        List<String> servis = registre.registre().references();
        if (memes(servis, a.packs())) {
            return;
        }
        try {
            servis = registre.recharger(publication, "suivi:" + a.qui()).registre().references();
        } catch (PackInvalideException e) {
            LOG.warn("Rechargement fait par {} sur une autre instance non suivi ici, les packs en service continuent de servir :\n{}",
                    a.qui(), e.getMessage());
            return;
        } catch (RuntimeException e) {
            // Unreadable files, the database gone for a moment: this instance keeps serving and says why it did not follow.
            LOG.error("Rechargement fait par {} sur une autre instance non suivi ici, les packs en service continuent de servir", a.qui(), e);
            return;
        }
        if (memes(servis, a.packs())) {
            LOG.info("Packs rechargés à la suite de {} sur une autre instance : {}", a.qui(), String.join(", ", servis));
        } else {
            ecart("après rechargement", servis, a);
        }
    }

    /** The same versions, whatever order each instance found its pack directories in. */
    private static boolean memes(List<String> servis, List<String> annonces) {
        return Set.copyOf(servis).equals(Set.copyOf(annonces));
    }

    private static void ecart(String quand, List<String> servis, Annonce a) {
        LOG.warn("Cette instance sert, {}, d'autres packs que le dernier rechargement ({} par {}) : elle sert {}, il a publié {}."
                + " Ses territories/ ne sont pas ceux des autres instances.", quand, "n° " + a.id(), a.qui(), servis, a.packs());
    }
}
