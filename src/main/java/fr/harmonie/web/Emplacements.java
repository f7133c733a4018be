package fr.harmonie.web;

import java.net.URI;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The {@code Location} of a resource just created, and the {@code Link} to a list's next page: a path of this service, under the path it is served at
 * ({@code server.servlet.context-path}, as behind a proxy that publishes it at https://intranet/harmonie/). A bare
 * {@code /api/v1/…} sent the client outside the service.
 */
public final class Emplacements {

    private Emplacements() {
    }

    /** {@code chemin} (from {@code /api/…}) under the current request's context path. */
    public static URI de(String chemin) {
        return URI.create(sousLeContexte(chemin));
    }

    /** The same, as text: also for the {@code Link} to a list's next page. */
    static String sousLeContexte(String chemin) {
        String contexte = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributs
                ? attributs.getRequest().getContextPath() : "";
        return contexte + chemin;
    }
}
