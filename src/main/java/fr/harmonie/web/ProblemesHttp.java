package fr.harmonie.web;

import fr.harmonie.dossier.DossierInvalideException;
import fr.harmonie.json.Citations;
import fr.harmonie.json.FautesDeSaisie;
import fr.harmonie.json.Json;
import fr.harmonie.json.TypeAttendu;
import fr.harmonie.regles.RegleEmballeeException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Set;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Toute erreur sort en problem+json (RFC 9457), titre et détail en français; une erreur du client n'est jamais un 500. */
@RestControllerAdvice
class ProblemesHttp extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemesHttp.class);

    @ExceptionHandler(DossierInvalideException.class)
    ResponseEntity<Object> dossierInvalide(DossierInvalideException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setTitle(e.titre());
        p.setType(URI.create("urn:harmonie:probleme:dossier-invalide"));
        if (!e.violations().isEmpty()) {
            p.setProperty("violations", e.violations());
        }
        return ResponseEntity.badRequest().body(p);
    }

    @ExceptionHandler(ProblemeHttpException.class)
    ResponseEntity<Object> probleme(ProblemeHttpException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(e.statut(), e.getMessage());
        p.setTitle(e.titre());
        if (e.type() != null) {
            p.setType(e.type());
        }
        e.membres().forEach(p::setProperty);
        ResponseEntity.BodyBuilder reponse = ResponseEntity.status(e.statut());
        if (e.reessayerDansSecondes() != null) {
            reponse.header(HttpHeaders.RETRY_AFTER, Long.toString(e.reessayerDansSecondes()));
        }
        return reponse.body(p);
    }

    @ExceptionHandler(CorpsTropGrandException.class)
    ResponseEntity<Object> tropGrand(CorpsTropGrandException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
        p.setTitle(TitresHttp.titre(413));
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(p);
    }

    @ExceptionHandler(RegleEmballeeException.class)
    ResponseEntity<Object> regleEmballee(RegleEmballeeException e) {
        LOG.error("Règle emballée", e);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage());
        p.setTitle("Évaluation interrompue : défaut d'un pack de règles");
        return ResponseEntity.internalServerError().body(p);
    }

    static final String PARAMETRE_MAL_ENCODE =
            "Un paramètre de l'adresse est mal encodé (un « % » doit être suivi de deux chiffres hexadécimaux, en UTF-8).";

    /** A query string Tomcat cannot decode ({@code ?statut=%ZZ}): the client's error, whichever parameter it is. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> parametreIllisible(InvalidParameterException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, PARAMETRE_MAL_ENCODE);
        p.setTitle(TitresHttp.titre(400));
        return ResponseEntity.badRequest().body(p);
    }

    /** SQL states of a text PostgreSQL cannot keep: a NUL byte in text (22021), the escape of U+0000 in jsonb (22P05). */
    private static final Set<String> TEXTE_REFUSE_PAR_LA_BASE = Set.of("22021", "22P05");

    /**
     * PostgreSQL keeps no NUL character (U+0000), in text or in jsonb, while JSON and URLs carry it: a client's text
     * with one is refused as the client's error, and its transaction leaves nothing written.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> donneeRefusee(DataIntegrityViolationException e, WebRequest requete) throws Exception {
        if (e.getMostSpecificCause() instanceof SQLException s && TEXTE_REFUSE_PAR_LA_BASE.contains(s.getSQLState())) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "Un texte de la requête contient le caractère NUL (U+0000), qui ne peut pas être gardé : retirez-le.");
            p.setTitle("Caractère refusé");
            return ResponseEntity.badRequest().body(p);
        }
        return inattendue(e, requete);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> inattendue(Exception e, WebRequest requete) throws Exception {
        if (BaseIndisponible.en(e) && requete instanceof ServletWebRequest servlet) {
            HttpServletRequest r = servlet.getRequest();
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(BaseIndisponible.REESSAYER_DANS_SECONDES))
                    .body(BaseIndisponible.probleme(e, r.getMethod(), r.getRequestURI()));
        }
        try {
            // Spring's own exceptions (405, 415, 404…) keep their status, in French.
            return handleException(e, requete);
        } catch (Exception pasDeSpring) {
            LOG.error("Erreur inattendue", e);
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, TitresHttp.detail(500));
            p.setTitle(TitresHttp.titre(500));
            return ResponseEntity.internalServerError().body(p);
        }
    }

    /**
     * A JSON body the API reads into an object (accounts, organisations, tokens) and cannot: say which field, so that
     * the client need not guess. Dossiers do not come this way: their schema names every violation.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode statut, WebRequest requete) {
        ResponseEntity<Object> reponse = super.handleHttpMessageNotReadable(ex, headers, statut, requete);
        if (reponse != null && reponse.getBody() instanceof ProblemDetail p) {
            p.setDetail(illisible(ex));
        }
        return reponse;
    }

    private static String illisible(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof StreamReadException s) {
            return Json.pasEnUtf8(s) ? "Le corps de la requête n'est pas lisible : " + Json.PAS_EN_UTF8 + "."
                    : "Le corps de la requête n'est pas un JSON bien formé.";
        }
        if (e.getCause() instanceof JacksonException j) {
            String champ = FautesDeSaisie.champ(j);
            if (champ.isEmpty()) {
                return formeDuCorps(j instanceof MismatchedInputException m ? m.getTargetType() : null);
            }
            if (j instanceof InvalidFormatException f && f.getTargetType() == String.class
                    && f.getOriginalMessage().contains(TextesDesCorps.RAISON)) {
                return "« " + champ + " » contient le caractère NUL (U+0000) ou une demi-paire de substitution isolée"
                        + " (U+D800 à U+DFFF), qui ne peut pas être gardé : retirez-le.";
            }
            if (j instanceof UnrecognizedPropertyException) {
                // A misspelt optional field (« territoire » for « territoires ») would otherwise be dropped unsaid.
                return "Corps de la requête : " + FautesDeSaisie.enFrancais(j) + ".";
            }
            String attendu = TypeAttendu.enFrancais(j instanceof MismatchedInputException m ? m.getTargetType() : null);
            return j instanceof InvalidFormatException f && f.getValue() != null
                    ? "« " + champ + " » : « " + Citations.abregee(String.valueOf(f.getValue()), 40) + " » ne convient pas (attendu : "
                            + attendu + ")."
                    : "« " + champ + " » n'a pas le type attendu : " + attendu + ".";
        }
        return e.getCause() == null ? "Le corps de la requête est vide ou illisible." : TitresHttp.detail(400);
    }

    /** The body as a whole is not what the address reads: « "Avis joint" » for {"message": …}, « "region-84" » for a list. */
    private static String formeDuCorps(Class<?> attendu) {
        if (attendu != null && attendu.isRecord()) {
            return "Le corps de la requête doit être un objet JSON, entre accolades : {\"" + attendu.getRecordComponents()[0].getName()
                    + "\": …} (ses champs : /swagger-ui.html).";
        }
        if (attendu != null && (Collection.class.isAssignableFrom(attendu) || attendu.isArray())) {
            return "Le corps de la requête doit être une liste JSON, entre crochets : [\"…\", \"…\"] (voir /swagger-ui.html).";
        }
        return "Le corps de la requête n'a pas la forme attendue (voir /swagger-ui.html).";
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statut, WebRequest requete) {
        ResponseEntity<Object> reponse = super.handleExceptionInternal(ex, body, headers, statut, requete);
        if (reponse != null && reponse.getBody() instanceof ProblemDetail p) {
            p.setTitle(TitresHttp.titre(statut.value()));
            p.setDetail(ex instanceof MethodArgumentTypeMismatchException m ? parametreMalTape(m)
                    : ex instanceof HttpRequestMethodNotSupportedException n && n.getSupportedMethods() != null
                    ? methodeRefusee(n) : TitresHttp.detail(statut.value()));
        }
        return reponse;
    }

    /** PATCH where a dossier is replaced whole by PUT: the methods this address takes, as the Allow header says them. */
    private static String methodeRefusee(HttpRequestMethodNotSupportedException n) {
        return "La méthode " + n.getMethod() + " n'est pas acceptée ici ; méthodes acceptées : "
                + String.join(", ", n.getSupportedMethods()) + ".";
    }

    /** {@code ?limite=abc}: which parameter, and what it takes, rather than « la requête est mal formée ». */
    private static String parametreMalTape(MethodArgumentTypeMismatchException m) {
        return "Paramètre « " + m.getName() + " » : « " + Citations.abregee(String.valueOf(m.getValue()), 40) + " » ne convient pas (attendu : "
                + TypeAttendu.enFrancais(m.getRequiredType()) + ").";
    }
}
