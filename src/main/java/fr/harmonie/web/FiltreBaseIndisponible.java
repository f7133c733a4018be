package fr.harmonie.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authentication reads the base (accounts, tokens, failed passwords) in the security filters, before any controller and
 * its exception handlers: a base out of reach there surfaces as an exception out of the filter chain. Placed before
 * Spring Security (order -100), this filter turns it into the same 503 as {@link ProblemesHttp} gives a controller.
 */
@Component
@Order(-110)
class FiltreBaseIndisponible extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest requete, HttpServletResponse reponse, FilterChain suite)
            throws ServletException, IOException {
        try {
            suite.doFilter(requete, reponse);
        } catch (ServletException | RuntimeException e) {
            if (!BaseIndisponible.en(e) || reponse.isCommitted()) {
                throw e;
            }
            reponse.reset();
            BaseIndisponible.repondre(requete, reponse, e);
        }
    }
}
