package fr.harmonie.web;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;

/**
 * A first start often meets another program on port 8080: the report says so in French, with the README's way to
 * choose another port, instead of Spring Boot's English. Ordered first, so that it speaks before Spring Boot's own.
 */
class PortPrisAuDemarrage extends AbstractFailureAnalyzer<PortInUseException> implements Ordered {

    @Override
    protected FailureAnalysis analyze(Throwable racine, PortInUseException cause) {
        int port = cause.getPort();
        int autre = port == 9090 ? 9091 : 9090;
        return new FailureAnalysis("Le port " + port + " est déjà pris par un autre programme : Harmonie ne peut pas y écouter.",
                "Arrêter ce programme (ss -ltnp 'sport = :" + port + "' le nomme), ou lancer Harmonie sur un autre port : PORT="
                        + autre + " ./mvnw spring-boot:run, ou java -jar harmonie.jar --server.port=" + autre + ".", cause);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
