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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * HTTP Basic sends the password with every request, and bcrypt is slow on purpose: about 18 requests per second on two
 * cores, where a token gives well over a thousand. A bailleur's system calling with its password would take the CPU from everyone's
 * evaluations at the end of the year. So a password that matched an account's stored hash is remembered, for a few
 * minutes, as matching <em>that hash</em>: the next request reads the account as always (active or not, its hash) and
 * skips bcrypt only if the hash is still the one checked. A password changed or reset on any instance changes the hash,
 * so the old one is refused at the next request, everywhere; a deactivated account is refused before its password is
 * looked at. Only successes against a real account are remembered: a wrong password always costs a bcrypt (and counts
 * towards the lockout), and so does an identifier that is no account (Spring Security's comparison with a dummy hash,
 * which would otherwise answer faster for absent accounts than for present ones).
 * <p>
 * What is kept is an HMAC of hash and password under a key drawn at start and never stored: neither the password nor
 * anything that can be checked offline without that key (as Elasticsearch and RabbitMQ do for their credential caches).
 */
final class VerificationsMemorisees extends DaoAuthenticationProvider {

    private final Cache<String, Boolean> reussies;
    private final SecretKeySpec cle;

    VerificationsMemorisees(UserDetailsService comptes, PasswordEncoder bcrypt, Duration duree, Ticker ticker) {
        super(comptes);
        setPasswordEncoder(bcrypt);
        this.reussies = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(duree).ticker(ticker).build();
        byte[] octets = new byte[32];
        new SecureRandom().nextBytes(octets);
        this.cle = new SecretKeySpec(octets, "HmacSHA256");
    }

    @Override
    protected void additionalAuthenticationChecks(UserDetails compte, UsernamePasswordAuthenticationToken demande) {
        if (demande.getCredentials() == null || compte.getPassword() == null) {
            super.additionalAuthenticationChecks(compte, demande);
            return;
        }
        String verification = empreinte(compte.getPassword(), demande.getCredentials().toString());
        if (reussies.getIfPresent(verification) != null) {
            return;
        }
        super.additionalAuthenticationChecks(compte, demande); // BadCredentialsException on a wrong password
        reussies.put(verification, Boolean.TRUE);
    }

    private String empreinte(String hache, String motDePasse) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(cle);
            mac.update(hache.getBytes(StandardCharsets.UTF_8));
            // The hash never holds a NUL: hash and password cannot run into each other.
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(motDePasse.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 est fourni par tout JDK", e);
        }
    }
}
