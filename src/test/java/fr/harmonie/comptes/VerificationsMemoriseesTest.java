package fr.harmonie.comptes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Ce qui est retenu d'une connexion par mot de passe, et ce qui ne l'est jamais. */
class VerificationsMemoriseesTest {

    private final PasswordEncoder vrai = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final AtomicInteger bcrypts = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();
    /** The base: identifier → hash, read at each authentication. */
    private final Map<String, String> base = new HashMap<>();
    private final VerificationsMemorisees verifications = new VerificationsMemorisees(
            identifiant -> Optional.ofNullable(base.get(identifiant))
                    .map(h -> new CompteAuthentifie(new Utilisateur(identifiant, Role.BAILLEUR, 1, "732829320", Set.of(), null), h, true))
                    .orElseThrow(() -> new UsernameNotFoundException(identifiant)),
            new PasswordEncoder() {
                @Override
                public String encode(CharSequence motDePasse) {
                    return vrai.encode(motDePasse);
                }

                @Override
                public boolean matches(CharSequence motDePasse, String hache) {
                    bcrypts.incrementAndGet();
                    return vrai.matches(motDePasse, hache);
                }
            }, Duration.ofMinutes(5), nanos::get);

    private boolean connecter(String identifiant, String motDePasse) {
        try {
            return verifications.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(identifiant, motDePasse)).isAuthenticated();
        } catch (BadCredentialsException refuse) {
            return false;
        }
    }

    @Test
    void unBonMotDePasseNeCouteUnBcryptQuUneFoisParHacheEtParPeriode() {
        base.put("bailleur", vrai.encode("mot de passe du bailleur"));
        assertThat(connecter("bailleur", "mot de passe du bailleur")).isTrue();
        assertThat(connecter("bailleur", "mot de passe du bailleur")).isTrue();
        assertThat(bcrypts).hasValue(1);

        // Changed (here or on another instance): the account's hash is another; the old password is checked and refused.
        base.put("bailleur", vrai.encode("nouveau mot de passe"));
        assertThat(connecter("bailleur", "mot de passe du bailleur")).isFalse();
        assertThat(connecter("bailleur", "nouveau mot de passe")).isTrue();
        assertThat(bcrypts).hasValue(3);

        nanos.addAndGet(TimeUnit.MINUTES.toNanos(5) + 1);
        assertThat(connecter("bailleur", "nouveau mot de passe")).isTrue();
        assertThat(bcrypts).hasValue(4);
    }

    @Test
    void unMauvaisMotDePasseEtUnCompteAbsentCoutentToujoursUnBcrypt() {
        base.put("bailleur", vrai.encode("mot de passe du bailleur"));
        assertThat(connecter("bailleur", "mot de passe du bailleur")).isTrue();
        for (String essai : new String[] {"essai", "essai", "mot de passe du bailleu", "mot de passe du bailleur "}) {
            assertThat(connecter("bailleur", essai)).as(essai).isFalse();
        }
        assertThat(bcrypts).hasValue(5);

        // Spring Security compares the password of an absent account with a dummy hash of a known text, so that absent
        // and present accounts take as long: remembered, that text would answer faster for every absent account.
        for (int i = 0; i < 2; i++) {
            assertThat(connecter("absent", "userNotFoundPassword")).isFalse();
        }
        assertThat(bcrypts).hasValue(7);
    }

    @Test
    void sansMotDePasseLaDemandeEstRefusee() {
        base.put("bailleur", vrai.encode("mot de passe du bailleur"));
        assertThatThrownBy(() -> verifications.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("bailleur", null)))
                .isInstanceOf(BadCredentialsException.class);
    }
}
