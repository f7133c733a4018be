package fr.harmonie.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container forwards to /error (a request refused by the security firewall, an error raised in a
 * filter): problem+json in French, like every other error, instead of Spring Boot's English JSON. Hidden from the
 * OpenAPI description: no client calls it, and each operation lists the problems it may answer.
 */
@Hidden
@RestController
class PageErreur implements ErrorController {

    @RequestMapping(path = "/error", produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE, "*/*"})
    ResponseEntity<ProblemDetail> erreur(HttpServletRequest requete) {
        Object code = requete.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus statut = HttpStatus.resolve(code instanceof Integer i ? i : 500);
        if (statut == null || !statut.isError()) {
            statut = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        ProblemDetail p = ProblemDetail.forStatusAndDetail(statut, TitresHttp.detail(statut.value()));
        p.setTitle(TitresHttp.titre(statut.value()));
        if (requete.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String chemin) {
            p.setInstance(URI.create(chemin.replaceAll("[^A-Za-z0-9/._~-]", "_")));
        }
        return ResponseEntity.status(statut).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
