package fr.harmonie;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The service as a process of its own, on the test class path: for the tests that kill it (kill -9) as the system
 * would, which no Spring context in the test's JVM can show.
 */
public final class ServiceEnProcessus {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final int PREMIER_PORT = 20_000;

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

    /** A port free now, below those the system hands out by itself ({@link #debutDesPortsEphemeres}). */
    public static int portLibre() {
        int fin = debutDesPortsEphemeres();
        for (int essai = 0; fin > PREMIER_PORT && essai < 1_000; essai++) {
            int port = PREMIER_PORT + ThreadLocalRandom.current().nextInt(fin - PREMIER_PORT);
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress(port));
                return port;
            } catch (IOException pris) {
                // another one
            }
        }
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The first of the ports the system hands out by itself (32768 on Linux), read from /proc when it can be. A free port
     * taken there (a socket on port 0, closed) could be handed again to the started service's embedded PostgreSQL,
     * which takes its own that way, before the service listens on it: it then refused to start, « Le port … est déjà
     * pris » (seen once in CI, SauvegardeTest). Below that range, no program gets a port without asking for it.
     */
    private static int debutDesPortsEphemeres() {
        try {
            return Integer.parseInt(Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException inconnu) {
            return 32_768;
        }
    }
}
