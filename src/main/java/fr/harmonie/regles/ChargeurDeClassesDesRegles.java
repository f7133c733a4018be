package fr.harmonie.regles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.URL;

/**
 * The class loader Drools compiles rules against: the application's, remembering the names it does not hold.
 *
 * <p>Compiling DRL asks the class loader about many names that are not there: each rule package as a possible Java
 * package, each simple type name in each package before its import, each import as a possible inner class. Every miss
 * searches the whole class path again (about a hundred jars, nested ones in the service's jar) and, for a class, builds
 * an exception. Profiled at France scale, those misses took a quarter of the time to compile the packs' rules. The
 * application's class path does not change while it runs, and this loader defines no class of its own (the classes
 * Drools generates live in its child loaders, one per compiled chain), so a miss stays a miss: it is answered from
 * memory. Every other question goes to the application's loader unchanged.
 */
final class ChargeurDeClassesDesRegles extends ClassLoader {

    static {
        // Before the instance below: a loader is parallel capable only if its class registered before it was built.
        registerAsParallelCapable();
    }

    static final ChargeurDeClassesDesRegles INSTANCE = new ChargeurDeClassesDesRegles(CompilateurRegles.class.getClassLoader());

    /**
     * Bounded, for a service that reloads new versions for years: the 216 packs of the France-scale benchmark leave about
     * 5 000 missing classes and 3 400 missing resources (a megabyte or two).
     */
    private final Cache<String, Boolean> classesAbsentes = Caffeine.newBuilder().maximumSize(50_000).build();
    private final Cache<String, Boolean> ressourcesAbsentes = Caffeine.newBuilder().maximumSize(50_000).build();

    private ChargeurDeClassesDesRegles(ClassLoader application) {
        super("harmonie-regles", application);
    }

    @Override
    protected Class<?> loadClass(String nom, boolean resoudre) throws ClassNotFoundException {
        if (classesAbsentes.getIfPresent(nom) != null) {
            throw new ClasseAbsente(nom);
        }
        try {
            return super.loadClass(nom, resoudre);
        } catch (ClassNotFoundException e) {
            classesAbsentes.put(nom, Boolean.TRUE);
            throw e;
        }
    }

    @Override
    public URL getResource(String nom) {
        if (ressourcesAbsentes.getIfPresent(nom) != null) {
            return null;
        }
        URL url = super.getResource(nom);
        if (url == null) {
            ressourcesAbsentes.put(nom, Boolean.TRUE);
        }
        return url;
    }

    /** A known miss: the callers catch it and try the next name, so its stack trace would be built for nothing. */
    private static final class ClasseAbsente extends ClassNotFoundException {
        ClasseAbsente(String nom) {
            super(nom);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
