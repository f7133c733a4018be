package fr.harmonie.comptes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.harmonie.ServiceDeTest;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The demo accounts' password is in the README: in the embedded default, the service listens on this machine only,
 * unless told otherwise. A base of one's own has no demo account, and keeps listening everywhere.
 */
@ServiceDeTest
class EcouteLocaleTest {

    @LocalServerPort
    int port;

    @Test
    void avecLesComptesDeDemonstrationLeServiceNEcouteQueSurCetteMachine() throws Exception {
        Optional<InetAddress> ailleurs = adresseDuReseau();
        assumeTrue(ailleurs.isPresent(), "cette machine n'a pas d'adresse hors de la boucle locale");
        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(ailleurs.get(), port), 2000);
            }
        }).isInstanceOf(ConnectException.class);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            assertThat(s.isConnected()).isTrue();
        }
    }

    @Test
    void uneAdresseDonneeOuUneBaseASoiGardentLEcouteDemandee() {
        assertThat(adresse(Map.of())).isEqualTo("127.0.0.1");
        assertThat(adresse(Map.of("server.address", "0.0.0.0"))).isEqualTo("0.0.0.0");
        assertThat(adresse(Map.of("spring.datasource.url", "jdbc:postgresql://base:5432/harmonie"))).isNull();
    }

    /** The address the service would listen on, with {@code proprietes} given as arguments or variables would be. */
    private static String adresse(Map<String, Object> proprietes) {
        StandardEnvironment environnement = new StandardEnvironment();
        environnement.getPropertySources().addFirst(new MapPropertySource("donnees", proprietes));
        new EcouteLocaleDesComptesDeDemonstration().postProcessEnvironment(environnement, new SpringApplication());
        return environnement.getProperty("server.address");
    }

    private static Optional<InetAddress> adresseDuReseau() throws Exception {
        for (NetworkInterface i : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (i.isUp() && !i.isLoopback()) {
                for (InetAddress a : Collections.list(i.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                        return Optional.of(a);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
