package fr.harmonie.territoires;

import fr.harmonie.regles.Pack;
import fr.harmonie.regles.PackInvalideException;
import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rechargement des packs sans redémarrage, réservé à l'administration: un jeton porté par
 * {@code HARMONIE_ADMIN_JETON} (sans jeton configuré, le rechargement est fermé). Un pack qui ne passe pas la
 * vérification n'est pas chargé et les packs en service continuent de servir.
 */
@RestController
class RechargementController {

    private final RegistreCourant registre;
    private final String jeton;

    RechargementController(RegistreCourant registre, @Value("${harmonie.admin.jeton:}") String jeton) {
        this.registre = registre;
        this.jeton = jeton;
    }

    @PostMapping(path = "/api/v1/admin/packs/rechargement", produces = "application/json")
    ResponseEntity<Object> recharger(@RequestHeader(name = "Authorization", required = false) String autorisation) {
        if (!autorise(autorisation)) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "Le rechargement des packs est réservé à l'administration (jeton Bearer).");
            p.setTitle("Accès refusé");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(p);
        }
        try {
            RegistrePacks neuf = registre.recharger();
            List<String> packs = neuf.versionsParId().values().stream().flatMap(List::stream).map(Pack::reference).toList();
            return ResponseEntity.ok(Map.of("packs", packs));
        } catch (PackInvalideException e) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
            p.setTitle("Packs refusés : les packs en service continuent de servir");
            p.setType(URI.create("urn:harmonie:probleme:pack-invalide"));
            return ResponseEntity.unprocessableContent().body(p);
        }
    }

    private boolean autorise(String autorisation) {
        if (jeton.isBlank() || autorisation == null || !autorisation.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(jeton.getBytes(StandardCharsets.UTF_8),
                autorisation.substring("Bearer ".length()).getBytes(StandardCharsets.UTF_8));
    }
}
