package fr.harmonie.comptes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * HTTP Basic sends the password with every request, and bcrypt is slow on purpose: about 18 requests per second on two
 * cores, where a token gives 1 300. A bailleur's system calling with its password would take the CPU from everyone's
 * evaluations at the end of the year. So a password that matched a stored hash is remembered, for a few minutes, as
 * matching <em>that hash</em>: the next request reads the account as always (active or not, its hash) and skips bcrypt
 * only if the hash is still the one checked. A password changed or reset on any instance changes the hash, so the old
 * one is refused at the next request, everywhere; a deactivated account is refused before its password is looked at.
 * Only successes are remembered: a wrong password always costs a bcrypt, and still counts towards the lockout.
 * <p>
 * What is kept is an HMAC of hash and password under a key drawn at start and never stored: neither the password nor
 * anything that can be checked offline without that key (as Elasticsearch and RabbitMQ do for their credential caches).
 */
final class VerificationsMemorisees implements PasswordEncoder {

    private final PasswordEncoder bcrypt;
    private final Cache<String, Boolean> reussies;
    private final SecretKeySpec cle;

    VerificationsMemorisees(PasswordEncoder bcrypt, Duration duree, Ticker ticker) {
        this.bcrypt = bcrypt;
        this.reussies = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(duree).ticker(ticker).build();
        byte[] octets = new byte[32];
        new SecureRandom().nextBytes(octets);
        this.cle = new SecretKeySpec(octets, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence motDePasse) {
        return bcrypt.encode(motDePasse);
    }

    @Override
    public boolean matches(CharSequence motDePasse, String hache) {
        if (motDePasse == null || hache == null) {
            return bcrypt.matches(motDePasse, hache);
        }
        String cleMemoire = empreinte(hache, motDePasse);
        if (reussies.getIfPresent(cleMemoire) != null) {
            return true;
        }
        boolean bon = bcrypt.matches(motDePasse, hache);
        if (bon) {
            reussies.put(cleMemoire, Boolean.TRUE);
        }
        return bon;
    }

    @Override
    public boolean upgradeEncoding(String hache) {
        return bcrypt.upgradeEncoding(hache);
    }

    private String empreinte(String hache, CharSequence motDePasse) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(cle);
            mac.update(hache.getBytes(StandardCharsets.UTF_8));
            // The hash never holds a NUL: hash and password cannot run into each other.
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(motDePasse.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 est fourni par tout JDK", e);
        }
    }
}
