package fr.harmonie;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service as a process of its own, on the test class path: for the tests that kill it (kill -9) as the system
 * would, which no Spring context in the test's JVM can show.
 */
public final class ServiceEnProcessus {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceEnProcessus() {
    }

    /**
     * @param optionsJvm  options of the JVM (e.g. {@code -Djava.io.tmpdir=…})
     * @param environnement variables added to this process's environment
     * @param journal     where the service's output goes
     * @param arguments   the service's own arguments (e.g. {@code --server.port=…})
     */
    public static Process lancer(List<String> optionsJvm, Map<String, String> environnement, Path journal, String... arguments)
            throws IOException {
        List<String> commande = new ArrayList<>();
        commande.add(java());
        commande.addAll(optionsJvm);
        commande.addAll(List.of("-cp", System.getProperty("java.class.path"), HarmonieApplication.class.getName()));
        commande.addAll(List.of(arguments));
        ProcessBuilder pb = new ProcessBuilder(commande).redirectErrorStream(true).redirectOutput(journal.toFile());
        pb.environment().putAll(environnement);
        return pb.start();
    }

    /**
     * Launched as {@link #lancer}, a service that must refuse to start: it stops by itself within two minutes with an
     * exit code other than 0. Returns its log, where the report says why.
     */
    public static String refuse(List<String> optionsJvm, Map<String, String> environnement, Path journal, String... arguments)
            throws IOException, InterruptedException {
        Process service = lancer(optionsJvm, environnement, journal, arguments);
        try {
            if (!service.waitFor(120, TimeUnit.SECONDS)) {
                throw new AssertionError("le service ne s'est pas arrêté de lui-même :\n" + Files.readString(journal));
            }
        } finally {
            service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (service.exitValue() == 0) {
            throw new AssertionError("le service s'est arrêté sans erreur :\n" + Files.readString(journal));
        }
        return Files.readString(journal);
    }

    /** The {@code java} of the JVM running the tests. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Waits (two minutes at most) until the service on {@code port} says it is healthy. */
    public static void attendre(int port) throws InterruptedException {
        attendre(null, port);
    }

    /** The same, giving up at once when {@code service} (if given) has stopped: a start refused says so in its log. */
    public static void attendre(Process service, int port) throws InterruptedException {
        for (int i = 0; i < 240; i++) {
            if (service != null && !service.isAlive()) {
                throw new IllegalStateException("le service s'est arrêté (code " + service.exitValue()
                        + ") avant de répondre sur le port " + port);
            }
            try {
                if (sante(port) == 200) {
                    return;
                }
            } catch (IOException pasEncore) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("le service n'a pas démarré sur le port " + port);
    }

    /** The status of {@code /actuator/health}. */
    public static int sante(int port) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    public static int portLibre() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
