package fr.harmonie.web;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Bounds the PDF documents laid out at once. A report costs 20 to 50 ms of CPU (a sheet of the rules about 50, the
 * largest dossier's 220), a hundred times the same evaluation in JSON, and {@code POST /api/v1/evaluations?format=pdf}
 * lets anyone ask for one: a burst of them would otherwise take every core from the evaluations and deposits of the
 * year's last weeks. By default half the cores print (at least one), the others stay for the rest; past that a request
 * waits (printing is CPU-bound: more at once would not come sooner), then gets the 503 of {@link BudgetDesCorps}, with
 * Retry-After.
 */
@Component
public class ImpressionsEnCours {

    private static final Logger LOG = LoggerFactory.getLogger(ImpressionsEnCours.class);

    private static final long REESSAYER_DANS_SECONDES = 5;
    static final String DETAIL = "Trop de documents PDF sont en cours d'impression : réessayez dans quelques secondes.";

    private final int simultanees;
    private final Semaphore places;
    private final Duration attente;

    /**
     * {@code simultanees}: how many documents are laid out at once (0: half the cores, at least one); {@code attente}:
     * how long a request waits for its turn before its 503.
     */
    public ImpressionsEnCours(@Value("${harmonie.impressions.simultanees:0}") int simultanees,
                              @Value("${harmonie.impressions.attente:PT10S}") Duration attente) {
        this.simultanees = simultanees > 0 ? simultanees : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        this.places = new Semaphore(this.simultanees);
        this.attente = attente;
    }

    public int simultanees() {
        return simultanees;
    }

    /**
     * {@code mise}'s document, laid out when a place is free.
     *
     * @throws ProblemeHttpException 503 with Retry-After once the wait is over
     */
    public byte[] imprimer(Supplier<byte[]> mise) {
        boolean place;
        try {
            place = places.tryAcquire(attente.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            place = false;
        }
        if (!place) {
            LOG.warn("Impression refusée (503) : {} documents déjà en cours", simultanees);
            throw new ProblemeHttpException(HttpStatus.SERVICE_UNAVAILABLE, BudgetDesCorps.SATURE, DETAIL, REESSAYER_DANS_SECONDES,
                    BudgetDesCorps.TYPE);
        }
        try {
            return mise.get();
        } finally {
            places.release();
        }
    }
}
