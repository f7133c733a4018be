package fr.harmonie.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Large dossiers at once cannot exhaust the heap: past the budget a request waits, then gets 503 in French with
 * Retry-After, while small ones still pass; room freed, the large one passes.
 */
class BudgetDesCorpsTest {

    private static final int MIO = 1024 * 1024;

    private static MockHttpServletRequest corps(int octets) {
        MockHttpServletRequest r = new MockHttpServletRequest("POST", "/api/v1/evaluations");
        r.setContentType("application/json");
        r.setContent(new byte[octets]);
        return r;
    }

    @Test
    void auDelaDuBudgetUnGrosCorpsAttendPuisRecoit503EtLesPetitsPassent() throws Exception {
        BudgetDesCorps budget = new BudgetDesCorps(3L * MIO, Duration.ofMillis(200));
        CountDownLatch dedans = new CountDownLatch(1);
        CountDownLatch sortir = new CountDownLatch(1);
        Thread enCours = new Thread(() -> {
            try {
                budget.doFilter(corps(2 * MIO), new MockHttpServletResponse(), (rq, rp) -> {
                    dedans.countDown();
                    try {
                        sortir.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        enCours.start();
        dedans.await();

        AtomicInteger passes = new AtomicInteger();
        FilterChain compter = (rq, rp) -> passes.incrementAndGet();
        MockHttpServletResponse refusee = new MockHttpServletResponse();
        budget.doFilter(corps(3 * MIO / 2), refusee, compter);
        assertThat(refusee.getStatus()).isEqualTo(503);
        assertThat(refusee.getHeader("Retry-After")).isEqualTo("5");
        assertThat(refusee.getContentType()).isEqualTo("application/problem+json");
        assertThat(refusee.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("réessayez dans quelques secondes")
                .contains("\"type\":\"urn:harmonie:probleme:service-sature\"");
        assertThat(passes).hasValue(0);

        budget.doFilter(corps(20 * 1024), new MockHttpServletResponse(), compter);
        assertThat(passes).as("a dossier of ordinary size does not wait").hasValue(1);

        // A chunked body declares no size: it counts as the largest allowed, so it waits too.
        MockHttpServletRequest parMorceaux = new MockHttpServletRequest("POST", "/api/v1/evaluations");
        parMorceaux.addHeader("Transfer-Encoding", "chunked");
        MockHttpServletResponse morceaux = new MockHttpServletResponse();
        budget.doFilter(parMorceaux, morceaux, compter);
        assertThat(morceaux.getStatus()).isEqualTo(503);

        // A stored dossier, evaluated or deposited without a request body, counts in the same budget.
        assertThatThrownBy(() -> budget.pendant(3L * MIO / 2, () -> "évalué"))
                .isInstanceOfSatisfying(ProblemeHttpException.class, e -> {
                    assertThat(e.statut().value()).isEqualTo(503);
                    assertThat(e.reessayerDansSecondes()).isEqualTo(5L);
                    // What the client receives, through the service's exception handler.
                    var reponse = new ProblemesHttp().probleme(e);
                    assertThat(reponse.getHeaders().getFirst("Retry-After")).isEqualTo("5");
                    assertThat(((org.springframework.http.ProblemDetail) reponse.getBody()).getType())
                            .hasToString("urn:harmonie:probleme:service-sature");
                });
        assertThat(budget.pendant(20 * 1024, () -> "évalué")).isEqualTo("évalué");

        sortir.countDown();
        enCours.join();
        MockHttpServletResponse apres = new MockHttpServletResponse();
        budget.doFilter(corps(3 * MIO / 2), apres, compter);
        assertThat(apres.getStatus()).isEqualTo(200);
        assertThat(passes).hasValue(2);
    }
}
