package fr.harmonie.evaluation;

import fr.harmonie.dossier.LecteurDossier;
import fr.harmonie.json.Json;
import fr.harmonie.territoires.RegistreCourant;
import fr.harmonie.territoires.RegistrePacks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Prepares, in the background, the chain each territory applies today, after a start, after each reload, and each
 * day at midnight.
 *
 * <p>Chains compile on first use, so without this the first dossier of each territory after a start waits about a
 * second for its chain, and the very first one also for the code paths the JVM has not yet run: measured 1.1 s for the
 * first dossier in Grenoble, against 0.03 s for the next. In the year-end rush a restart would make the first bailleur
 * of every territory wait. Each territory is prepared by evaluating an example dossier that names it, through the same
 * path as a request (reading and validation, the rules, the result in JSON), so that the session and that path are
 * warm too. One thread, at most {@code harmonie.packs.prechauffage} territories (0: none), the most active first; a
 * dossier that arrives first compiles its chain as before, and the two share one compilation. The thread's minimum
 * priority is only a wish: Linux ignores Java priorities by default, and Drools compiles a chain on all cores, so the
 * preparation shares the CPU with requests for its duration (README gives the figures at France scale).
 */
@Component
class PrechauffageDesChaines implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(PrechauffageDesChaines.class);
    static final String EXEMPLE = "prechauffage/dossier.json";

    private final RegistreCourant registre;
    private final LecteurDossier lecteur;
    private final Evaluateur evaluateur;
    private final Clock horloge;
    private final int maximum;
    private final TerritoiresLesPlusActifs actifs;
    private final ObjectNode exemple;
    private final ExecutorService fil = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "prechauffage-chaines");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private final AtomicReference<RegistrePacks> aPreparer = new AtomicReference<>();
    private volatile List<String> derniers = List.of();

    PrechauffageDesChaines(RegistreCourant registre, LecteurDossier lecteur, Evaluateur evaluateur, Clock horloge,
                           @Value("${harmonie.packs.prechauffage:50}") int maximum, TerritoiresLesPlusActifs actifs) {
        this.registre = registre;
        this.actifs = actifs;
        this.lecteur = lecteur;
        this.evaluateur = evaluateur;
        this.horloge = horloge;
        this.maximum = maximum;
        try (InputStream in = PrechauffageDesChaines.class.getClassLoader().getResourceAsStream(EXEMPLE)) {
            this.exemple = (ObjectNode) Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registre.abonner(this::planifier);
    }

    @EventListener(ApplicationReadyEvent.class)
    void auDemarrage() {
        planifier(registre.registre());
    }

    /**
     * Just after midnight in Paris, a version whose first day it is comes into force (a new year's packs on 1 January):
     * its chain is prepared then, not by the first dossier of the morning. The chains already compiled cost a few
     * milliseconds to go through again.
     */
    @Scheduled(cron = "0 1 0 * * *", zone = "Europe/Paris")
    void chaqueJour() {
        planifier(registre.registre());
    }

    /** Reloads in quick succession queue one preparation, of the latest registry, rather than one per reload. */
    private void planifier(RegistrePacks cible) {
        if (maximum > 0 && aPreparer.getAndSet(cible) == null) {
            fil.execute(() -> prechauffer(aPreparer.getAndSet(null)));
        }
    }

    /**
     * Evaluates the example once through the socle and once in each territory of {@code cible} (by pack id, up to the
     * maximum), and returns the territories done. Stops when another registry has been put in service meanwhile: its
     * own preparation follows.
     */
    List<String> prechauffer(RegistrePacks cible) {
        long debut = System.nanoTime();
        List<String> faits = new ArrayList<>();
        int territoires = 0;
        ObjectNode dossier = exemple.deepCopy();
        dossier.put("dateReference", Evaluateur.aujourdhui(horloge).toString());
        for (String id : ordre(cible)) {
            boolean socle = id.equals(RegistrePacks.NATIONAL);
            if (registre.registre() != cible || (!socle && territoires == maximum)) {
                break;
            }
            if (socle) {
                dossier.remove("territoire"); // the example's commune (Dijon) lies in no territory pack
            } else {
                dossier.put("territoire", id);
                territoires++;
            }
            try {
                evaluateur.evaluer(lecteur.lire(Json.MAPPER.writeValueAsBytes(dossier))).enJson();
                faits.add(id);
            } catch (RuntimeException e) {
                if (fil.isShutdown()) {
                    return faits; // the service stops, and its compilation was interrupted: nothing to report
                }
                // The territory's first dossier will meet the same failure and report it to its sender.
                LOG.warn("Préparation de la chaîne du territoire {} impossible : {}", id, e.toString());
            }
        }
        LOG.info("Chaînes préparées en {} ms pour : {}", (System.nanoTime() - debut) / 1_000_000, String.join(", ", faits));
        derniers = List.copyOf(faits);
        return derniers;
    }

    /**
     * The socle first, then the territories by activity, then the others by id: when there are more territories than
     * the maximum, those that receive dossiers are prepared. Without the activity (a database unreachable for a
     * moment), by id alone.
     */
    private List<String> ordre(RegistrePacks cible) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(RegistrePacks.NATIONAL);
        try {
            actifs.parActivite().stream().filter(cible::connait).forEach(ids::add);
        } catch (RuntimeException e) {
            LOG.warn("Activité des territoires illisible, chaînes préparées dans l'ordre des identifiants : {}", e.toString());
        }
        cible.packs().forEach(versions -> ids.add(versions.get(0).id()));
        return List.copyOf(ids);
    }

    /** Les territoires dont la dernière préparation (menée à son terme, ou arrêtée par un rechargement) a préparé la chaîne. */
    List<String> derniers() {
        return derniers;
    }

    @Override
    public void destroy() {
        fil.shutdownNow();
    }
}
