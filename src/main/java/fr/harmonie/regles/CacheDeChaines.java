package fr.harmonie.regles;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Chaînes compilées, chacune une fois, par les références {@code id@version} de leurs packs.
 *
 * <p>A future per chain rather than the chain itself: a compilation (up to a second) then runs outside the map's
 * locks. With computeIfAbsent it would hold the lock of its bin, and a dossier whose chain shares that bin would wait
 * for it, compiled or not. Callers of one chain share one compilation; a failed one is not kept.
 */
public final class CacheDeChaines {

    private final Map<List<String>, CompletableFuture<ChaineCompilee>> chaines = new ConcurrentHashMap<>();

    public ChaineCompilee obtenir(List<String> references, Supplier<ChaineCompilee> compilation) {
        CompletableFuture<ChaineCompilee> chaine = chaines.get(references);
        if (chaine == null) {
            CompletableFuture<ChaineCompilee> neuve = new CompletableFuture<>();
            chaine = chaines.putIfAbsent(references, neuve);
            if (chaine == null) {
                try {
                    neuve.complete(compilation.get());
                } catch (RuntimeException | Error e) {
                    chaines.remove(references, neuve);
                    neuve.completeExceptionally(e);
                    throw e;
                }
                return neuve.join();
            }
        }
        try {
            return chaine.join();
        } catch (CompletionException e) {
            // Another thread's compilation failed: the same error, and the next request tries again.
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /**
     * Takes over the chains that {@code ancien} has compiled and {@code inchangee} accepts, for a reload: a chain whose
     * packs all come back with the same content would compile to the same thing, and recompiling it costs its first
     * dossier about a second. Returns how many were taken over.
     */
    public int reprendre(CacheDeChaines ancien, Predicate<ChaineCompilee> inchangee) {
        int reprises = 0;
        for (Map.Entry<List<String>, CompletableFuture<ChaineCompilee>> e : ancien.chaines.entrySet()) {
            CompletableFuture<ChaineCompilee> f = e.getValue();
            if (f.isDone() && !f.isCompletedExceptionally() && inchangee.test(f.join())
                    && chaines.putIfAbsent(e.getKey(), f) == null) {
                reprises++;
            }
        }
        return reprises;
    }

    /** Les chaînes compilées à ce jour (pas celles en cours ni en échec). */
    public Set<List<String>> compilees() {
        return chaines.entrySet().stream().filter(e -> e.getValue().isDone() && !e.getValue().isCompletedExceptionally())
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
    }
}
