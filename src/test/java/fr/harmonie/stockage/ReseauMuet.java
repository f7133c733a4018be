package fr.harmonie.stockage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP relay between Harmonie and PostgreSQL that can go silent like a broken network: once armed with a piece of
 * SQL, the first connection that sends it stops carrying anything, either way, and is never closed. Neither end learns
 * of it; a client without a timeout would wait on that connection for good. The other connections carry on.
 */
final class ReseauMuet implements AutoCloseable {

    private final ServerSocket ecoute;
    private final int portBase;
    private final AtomicReference<byte[]> sqlQuiCoupe = new AtomicReference<>();
    private final AtomicInteger coupees = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    ReseauMuet(int portBase) {
        this.portBase = portBase;
        try {
            ecoute = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        demarrer(this::accepter);
    }

    int port() {
        return ecoute.getLocalPort();
    }

    /** The next connection to send this SQL goes silent from that message on. */
    void couperALaRequete(String sql) {
        sqlQuiCoupe.set(sql.getBytes(StandardCharsets.UTF_8));
    }

    /** How many connections went silent so far. */
    int connexionsCoupees() {
        return coupees.get();
    }

    private void accepter() {
        while (!ecoute.isClosed()) {
            try {
                Socket client = ecoute.accept();
                Socket base = new Socket(InetAddress.getLoopbackAddress(), portBase);
                sockets.add(client);
                sockets.add(base);
                AtomicBoolean muette = new AtomicBoolean();
                demarrer(() -> relayer(client, base, muette, true));
                demarrer(() -> relayer(base, client, muette, false));
            } catch (IOException fermee) {
                return;
            }
        }
    }

    private void relayer(Socket de, Socket vers, AtomicBoolean muette, boolean versLaBase) {
        byte[] tampon = new byte[64 * 1024];
        try (InputStream in = de.getInputStream()) {
            OutputStream out = vers.getOutputStream();
            int n;
            while ((n = in.read(tampon)) >= 0) {
                if (versLaBase && !muette.get()) {
                    byte[] sql = sqlQuiCoupe.get();
                    if (sql != null && contient(tampon, n, sql) && sqlQuiCoupe.compareAndSet(sql, null)) {
                        muette.set(true);
                        coupees.incrementAndGet();
                    }
                }
                if (!muette.get()) {
                    out.write(tampon, 0, n);
                    out.flush();
                }
                // Silent: what arrives is read and dropped, as by a network that lost it; nothing is closed.
            }
        } catch (IOException fin) {
            // one end closed: the relay of this connection ends
        }
        if (!muette.get()) {
            fermer(vers);
        }
    }

    private static void demarrer(Runnable tache) {
        Thread t = new Thread(tache, "reseau-muet");
        t.setDaemon(true);
        t.start();
    }

    private static boolean contient(byte[] tampon, int n, byte[] motif) {
        for (int i = 0; i + motif.length <= n; i++) {
            int j = 0;
            while (j < motif.length && tampon[i + j] == motif[j]) {
                j++;
            }
            if (j == motif.length) {
                return true;
            }
        }
        return false;
    }

    private static void fermer(Socket s) {
        try {
            s.close();
        } catch (IOException ignoree) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        ecoute.close();
        sockets.forEach(ReseauMuet::fermer);
    }
}
