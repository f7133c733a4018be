package fr.harmonie.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds the request bodies in flight, by their declared size, before any is read. A dossier of 1.9 MB holds about
 * 13 MB of heap while it is read, validated and evaluated: with a 512 MB heap, 32 at once left some requests in 500
 * (OutOfMemoryError) and 64 kept the service in garbage collection for three minutes. Past the budget a request waits
 * (evaluation is CPU-bound: more at once would not go faster), then gets 503 with Retry-After instead of taking the
 * service down for everyone. Measured with that heap since: 64 such dossiers at once all answered in 14 s; 200 at once,
 * 177 answered and 23 got 503, and no OutOfMemoryError.
 *
 * <p>The default budget, 1/20 of the heap left after the service's own ({@link #RESERVE_DU_SERVICE}), holds hundreds of
 * ordinary dossiers (tens of KB) with a heap of 256 MB, and lets one of the largest in at a time with 128 MB. The semaphore is not fair on
 * purpose: a small dossier takes the room it needs at once instead of queueing behind large ones (0.05 to 0.8 s during
 * the flood above, against 26 s with a fair one).
 */
@Component
public class BudgetDesCorps extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(BudgetDesCorps.class);

    /** Tells this 503 (come back in a few seconds) from the base's (urn:harmonie:probleme:base-indisponible). */
    static final URI TYPE = URI.create("urn:harmonie:probleme:service-sature");
    private static final long REESSAYER_DANS_SECONDES = 5;
    static final String SATURE = "Service saturé";
    private static final String DETAIL = "Trop de dossiers volumineux sont en cours de traitement : réessayez dans quelques secondes.";

    private final Semaphore kio;
    private final int total;
    private final Duration attente;

    /**
     * The heap the service holds for itself, whatever the requests (geography, packs, prepared chains): about 70 MB
     * with the repository's packs (jcmd GC.heap_info after a GC, December 2026), rounded up. Bodies get 1/20 of what is
     * left. Counted from the whole heap, 128 MB let three of the largest dossiers in at once (15 999 anomalies, about
     * 25 MB each while evaluated), and two already exhausted it: Tomcat's poller died and the service hung.
     */
    static final long RESERVE_DU_SERVICE = 96L * 1024 * 1024;

    /**
     * {@code octets}: the bodies that may be in flight at once (0: 1/20 of the heap left after the service's own);
     * {@code attente}: how long a request waits for room before its 503.
     */
    public BudgetDesCorps(@Value("${harmonie.corps.budget:0}") long octets, @Value("${harmonie.corps.attente:PT30S}") Duration attente) {
        long budget = octets > 0 ? octets : (Runtime.getRuntime().maxMemory() - RESERVE_DU_SERVICE) / 20;
        // Never below one body at the API's limit, or such a body could never pass.
        this.total = (int) Math.min(Integer.MAX_VALUE, Math.max(CorpsBorne.LIMITE / 1024, budget / 1024));
        this.kio = new Semaphore(total);
        this.attente = attente;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest requete) {
        return requete.getContentLengthLong() == 0 || (requete.getContentLengthLong() < 0 && requete.getHeader("Transfer-Encoding") == null);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest requete, HttpServletResponse reponse, FilterChain suite)
            throws ServletException, IOException {
        long declare = requete.getContentLengthLong();
        // A chunked body declares nothing: count it at the most it may be. Above the limit, CorpsBorne answers 413.
        int poids = poids(declare < 0 ? CorpsBorne.LIMITE : declare);
        if (!reserver(poids)) {
            reponse.setHeader("Retry-After", Long.toString(REESSAYER_DANS_SECONDES));
            ProblemDetail probleme = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
            probleme.setTitle(SATURE);
            probleme.setType(TYPE);
            ReponseProbleme.ecrire(reponse, probleme);
            return;
        }
        try {
            suite.doFilter(requete, reponse);
        } finally {
            kio.release(poids);
        }
    }

    /**
     * The same budget for work on a stored dossier, which comes with no request body (evaluation, deposit, verification
     * of a dossier of up to 2 MiB): {@code octets}, its size.
     *
     * @throws ProblemeHttpException 503 with Retry-After once the wait is over
     */
    public <T> T pendant(long octets, Supplier<T> travail) {
        int poids = poids(octets);
        if (!reserver(poids)) {
            throw new ProblemeHttpException(HttpStatus.SERVICE_UNAVAILABLE, SATURE, DETAIL, REESSAYER_DANS_SECONDES, TYPE);
        }
        try {
            return travail.get();
        } finally {
            kio.release(poids);
        }
    }

    private int poids(long octets) {
        return (int) Math.min(total, Math.max(1, (Math.min(octets, CorpsBorne.LIMITE) + 1023) / 1024));
    }

    private boolean reserver(int poids) {
        try {
            if (kio.tryAcquire(poids, attente.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.warn("Dossier de {} Kio refusé (503) : {} Kio déjà en cours sur {}", poids, total - kio.availablePermits(), total);
        return false;
    }
}
