package fr.harmonie.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.harmonie.HarmonieApplication;
import java.net.BindException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Another program on the port: the report says which port and how to choose another, in French. */
@ExtendWith(OutputCaptureExtension.class)
class PortPrisTest {

    @Test
    void unPortDejaPrisArreteLeDemarrageEnDisantCommentEnChoisirUnAutre(CapturedOutput sortie) throws Exception {
        try (ServerSocket autreProgramme = new ServerSocket(0)) {
            int port = autreProgramme.getLocalPort();
            assertThatThrownBy(() -> new SpringApplicationBuilder(HarmonieApplication.class).run("--server.port=" + port,
                    "--harmonie.donnees.ephemeres=true")).hasRootCauseInstanceOf(BindException.class);
            assertThat(sortie.getAll()).contains("APPLICATION FAILED TO START",
                    "Le port " + port + " est déjà pris par un autre programme", "PORT=9090 ./mvnw spring-boot:run",
                    "--server.port=9090").doesNotContain("Port " + port + " was already in use");
        }
    }
}
