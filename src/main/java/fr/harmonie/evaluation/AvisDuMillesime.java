package fr.harmonie.evaluation;

import fr.harmonie.territoires.Geographie;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells whoever runs the service that the geography describes an earlier year than today's: each unknown code says it
 * to its bailleur, but the fix (the new year's dataset, scripts/geographie.sh) is the operator's.
 *
 * <p>Said at start, and each day just after midnight in Paris: a service started in the December rush is still running
 * on 1 January, when communes nouvelles take effect, and a single line logged at its start would never be written. One
 * line a day while it lasts, so that it is in whatever part of the log someone reads.
 */
@Component
class AvisDuMillesime {

    private static final Logger LOG = LoggerFactory.getLogger(AvisDuMillesime.class);

    private final Geographie geographie;
    private final Clock horloge;

    AvisDuMillesime(Geographie geographie, Clock horloge) {
        this.geographie = geographie;
        this.horloge = horloge;
    }

    /** Void: a value returned by an event listener would be published as an event. */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(cron = "0 2 0 * * *", zone = "Europe/Paris")
    void verifier() {
        String retard = geographie.enRetardSur(Evaluateur.aujourdhui(horloge));
        if (retard != null) {
            LOG.warn("Géographie {} : {} ; régénérer src/main/resources/geo/ avec scripts/geographie.sh dès que le millésime {}"
                    + " est publié", geographie.provenance(), retard, geographie.millesime() + 1);
        }
    }
}
