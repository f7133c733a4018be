package fr.harmonie.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Past the documents laid out at once, a request waits for its turn, then gets 503 with Retry-After. */
class ImpressionsEnCoursTest {

    @Test
    void auDelaDesPlacesUneImpressionAttendPuisEstRefusee() throws Exception {
        ImpressionsEnCours impressions = new ImpressionsEnCours(1, Duration.ofMillis(200));
        CountDownLatch tenue = new CountDownLatch(1);
        CountDownLatch finir = new CountDownLatch(1);
        CompletableFuture<byte[]> longue = CompletableFuture.supplyAsync(() -> impressions.imprimer(() -> {
            tenue.countDown();
            attendre(finir);
            return new byte[] {1};
        }));
        tenue.await();

        assertThatThrownBy(() -> impressions.imprimer(() -> new byte[] {2})).isInstanceOfSatisfying(ProblemeHttpException.class, e -> {
            assertThat(e.statut()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(e.reessayerDansSecondes()).isEqualTo(5L);
            assertThat(e.type()).isEqualTo(BudgetDesCorps.TYPE);
            assertThat(e.getMessage()).isEqualTo(ImpressionsEnCours.DETAIL);
        });
        finir.countDown();
        assertThat(longue.get()).containsExactly(1);
        // The place is given back, even by a document that failed.
        assertThatThrownBy(() -> impressions.imprimer(() -> {
            throw new IllegalStateException("police illisible");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(impressions.imprimer(() -> new byte[] {3})).containsExactly(3);
    }

    @Test
    void parDefautLaMoitieDesCoeursImprime() {
        assertThat(new ImpressionsEnCours(0, Duration.ZERO).simultanees())
                .isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
    }

    private static void attendre(CountDownLatch l) {
        try {
            l.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
