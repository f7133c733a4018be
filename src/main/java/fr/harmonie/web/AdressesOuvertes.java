package fr.harmonie.web;

import java.util.List;

/**
 * The addresses anyone may call without an account, in one place: the security configuration opens them, and the
 * OpenAPI description says they need no credentials (a sheet added to one and not the other was documented as closed).
 * Patterns as Spring Security reads them, {@code *} standing for one segment of the path.
 */
public final class AdressesOuvertes {

    /** The evaluation that keeps nothing, whatever its method (POST; any other gets its 405). */
    public static final String EVALUATION = "/api/v1/evaluations";

    /** What anyone may read (GET, HEAD): the territories, their rules in force (and their printed sheet), the communes. */
    public static final List<String> EN_LECTURE = List.of("/api/v1/territoires", "/api/v1/territoires/*/regles",
            "/api/v1/territoires/*/fiche", "/api/v1/communes", "/api/v1/communes/*");

    private AdressesOuvertes() {
    }

    /** Whether an address of the OpenAPI description ({@code /api/v1/territoires/{id}/fiche}) is open to all. */
    public static boolean ouverte(String gabarit) {
        String motif = gabarit.replaceAll("\\{[^/}]+}", "*");
        return motif.equals(EVALUATION) || EN_LECTURE.contains(motif);
    }
}
