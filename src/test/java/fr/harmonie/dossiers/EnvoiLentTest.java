package fr.harmonie.dossiers;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.ClientHttp;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Un bailleur sur une ligne lente met des secondes à envoyer son dossier : pendant ce temps, les autres comptes
 * travaillent. Le service n'a ici que deux connexions à la base (le moins que Flyway accepte), et attend une seconde
 * au plus qu'une se libère : deux créations qui les tiendraient pendant l'envoi de leur corps feraient refuser (503)
 * toutes les autres requêtes avec compte.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "harmonie.donnees.ephemeres=true",
        "spring.datasource.hikari.maximum-pool-size=2",
        "spring.datasource.hikari.connection-timeout=1000"})
class EnvoiLentTest {

    @LocalServerPort
    int port;

    @Test
    void desDossiersEnvoyesLentementNeBloquentPasLesAutresComptes() throws Exception {
        byte[] dossier = Files.readAllBytes(Path.of("src/test/resources/exemples/construction-neuve-dijon.json"));
        try (Socket premier = new Socket("localhost", port); Socket second = new Socket("localhost", port)) {
            // As many uploads under way as the pool has connections: the first half of each is sent, the rest is late,
            // and the service, having authenticated them, waits in their bodies.
            for (Socket envoi : List.of(premier, second)) {
                OutputStream sortie = envoi.getOutputStream();
                sortie.write(("POST /api/v1/dossiers HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Authorization: Basic " + Base64.getEncoder().encodeToString("bailleur2:demo".getBytes(StandardCharsets.UTF_8))
                        + "\r\nContent-Length: " + dossier.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                sortie.write(dossier, 0, dossier.length / 2);
                sortie.flush();
            }
            Thread.sleep(500);

            for (String autre : new String[] {"instructeur-socle", "bailleur", "admin"}) {
                assertThat(ClientHttp.appeler(port, "GET", "/api/v1/moi", autre, null, null).statusCode()).as(autre).isEqualTo(200);
            }

            for (Socket envoi : List.of(premier, second)) {
                envoi.getOutputStream().write(dossier, dossier.length / 2, dossier.length - dossier.length / 2);
                envoi.getOutputStream().flush();
                assertThat(reponse(envoi.getInputStream())).startsWith("HTTP/1.1 201");
            }
        }
    }

    private static String reponse(InputStream entree) throws Exception {
        ByteArrayOutputStream lu = new ByteArrayOutputStream();
        entree.transferTo(lu);
        return lu.toString(StandardCharsets.UTF_8);
    }
}
