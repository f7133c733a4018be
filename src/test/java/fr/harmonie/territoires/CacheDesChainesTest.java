package fr.harmonie.territoires;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.harmonie.NormandieRenumerotee;
import fr.harmonie.regles.ChaineCompilee;
import fr.harmonie.regles.CompilateurRegles;
import fr.harmonie.regles.Pack;
import fr.harmonie.regles.PackInvalideException;
import fr.harmonie.regles.SocleNational;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Les chaînes compilées une fois, et une compilation qui ne fait attendre que ceux qui attendent cette chaîne-là. */
class CacheDesChainesTest {

    private static final Pack NATIONAL = SocleNational.charger(Path.of("rules"));
    private static final ChaineCompilee SOCLE = CompilateurRegles.compiler(List.of(NATIONAL));
    private static final Geographie GEOGRAPHIE = Geographie.chargerEmbarquee();

    private static Pack normandie(int version) {
        return NormandieRenumerotee.enVersion("2026." + version);
    }

    /** The bin of a key in a ConcurrentHashMap of 16 bins (its size while it holds at most 12 chains). */
    private static int case16(List<Pack> chaine) {
        int h = chaine.stream().map(Pack::reference).toList().hashCode();
        return (h ^ (h >>> 16)) & 0x7fffffff & 15;
    }

    @Test
    void uneChaineQuiCompileNeFaitPasAttendreLesAutres() throws Exception {
        // Three chains in the same bin of the cache: the socle (first there), one compiled, one whose compilation hangs.
        List<List<Pack>> memeCase = new ArrayList<>();
        for (int v = 2; memeCase.size() < 2; v++) {
            List<Pack> chaine = List.of(NATIONAL, normandie(v));
            if (case16(chaine) == case16(List.of(NATIONAL))) {
                memeCase.add(chaine);
            }
        }
        List<Pack> compilee = memeCase.get(0);
        List<Pack> lente = memeCase.get(1);
        CountDownLatch commencee = new CountDownLatch(1);
        CountDownLatch liberee = new CountDownLatch(1);
        AtomicInteger compilations = new AtomicInteger();
        RegistrePacks registre = new RegistrePacks(NATIONAL, List.of(), GEOGRAPHIE, packs -> {
            compilations.incrementAndGet();
            if (packs.equals(lente)) {
                commencee.countDown();
                try {
                    liberee.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return SOCLE;
        });
        registre.chaine(List.of(NATIONAL));
        registre.chaine(compilee);
        // Threads of its own: the common pool may have fewer threads than this test blocks.
        ExecutorService threads = Executors.newCachedThreadPool();
        try {
            CompletableFuture<ChaineCompilee> enCompilation = CompletableFuture.supplyAsync(() -> registre.chaine(lente), threads);
            CompletableFuture<ChaineCompilee> memeChaine = CompletableFuture.supplyAsync(() -> registre.chaine(lente), threads);
            assertThat(commencee.await(10, TimeUnit.SECONDS)).isTrue();

            // While it compiles, the other chains answer (a liveness bound, not a timing: they do not wait at all).
            assertThat(CompletableFuture.supplyAsync(() -> registre.chaine(compilee), threads).get(10, TimeUnit.SECONDS))
                    .isSameAs(SOCLE);
            assertThat(CompletableFuture.supplyAsync(() -> registre.chaine(List.of(NATIONAL, normandie(1000))), threads)
                    .get(10, TimeUnit.SECONDS)).isSameAs(SOCLE);
            assertThat(memeChaine).isNotDone();

            liberee.countDown();
            assertThat(enCompilation.get(10, TimeUnit.SECONDS)).isSameAs(SOCLE);
            assertThat(memeChaine.get(10, TimeUnit.SECONDS)).isSameAs(SOCLE);
            // National, the compiled one, the slow one once for its two callers, the new one.
            assertThat(compilations).hasValue(4);
        } finally {
            liberee.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void uneCompilationEnEchecNEstPasGardee() {
        AtomicInteger essais = new AtomicInteger();
        RegistrePacks registre = new RegistrePacks(NATIONAL, List.of(), GEOGRAPHIE, packs -> {
            if (essais.incrementAndGet() == 1) {
                throw new PackInvalideException("échec simulé");
            }
            return SOCLE;
        });

        assertThatThrownBy(() -> registre.chaine(List.of(NATIONAL))).isInstanceOf(PackInvalideException.class)
                .hasMessage("échec simulé");
        assertThat(registre.chainesCompilees()).isEmpty();
        assertThat(registre.chaine(List.of(NATIONAL))).isSameAs(SOCLE);
        assertThat(registre.chainesCompilees()).containsExactly(List.of(NATIONAL.reference()));
    }
}
