package fr.harmonie.web;

import java.net.URI;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The {@code Location} of a resource just created: a path of this service, under the path it is served at
 * ({@code server.servlet.context-path}, as behind a proxy that publishes it at https://intranet/harmonie/). A bare
 * {@code /api/v1/…} sent the client outside the service.
 */
public final class Emplacements {

    private Emplacements() {
    }

    /** {@code chemin} (from {@code /api/…}) under the current request's context path. */
    public static URI de(String chemin) {
        String contexte = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributs
                ? attributs.getRequest().getContextPath() : "";
        return URI.create(contexte + chemin);
    }
}
