package fr.harmonie.comptes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Ce qui est retenu d'une vérification de mot de passe, et ce qui ne l'est jamais. */
class VerificationsMemoriseesTest {

    private final PasswordEncoder vrai = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final AtomicInteger bcrypts = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();
    private final PasswordEncoder compte = new PasswordEncoder() {
        @Override
        public String encode(CharSequence motDePasse) {
            return vrai.encode(motDePasse);
        }

        @Override
        public boolean matches(CharSequence motDePasse, String hache) {
            bcrypts.incrementAndGet();
            return vrai.matches(motDePasse, hache);
        }
    };
    private final VerificationsMemorisees verifications = new VerificationsMemorisees(compte, Duration.ofMinutes(5), nanos::get);

    @Test
    void unBonMotDePasseNeCouteUnBcryptQuUneFoisParHacheEtParPeriode() {
        String hache = vrai.encode("mot de passe du bailleur");
        assertThat(verifications.matches("mot de passe du bailleur", hache)).isTrue();
        assertThat(verifications.matches("mot de passe du bailleur", hache)).isTrue();
        assertThat(bcrypts).hasValue(1);

        // Changed (here or on another instance): the account's hash is another; the old password is checked and refused.
        String nouveau = vrai.encode("nouveau mot de passe");
        assertThat(verifications.matches("mot de passe du bailleur", nouveau)).isFalse();
        assertThat(verifications.matches("nouveau mot de passe", nouveau)).isTrue();
        assertThat(bcrypts).hasValue(3);

        nanos.addAndGet(TimeUnit.MINUTES.toNanos(5) + 1);
        assertThat(verifications.matches("nouveau mot de passe", nouveau)).isTrue();
        assertThat(bcrypts).hasValue(4);
    }

    @Test
    void unMauvaisMotDePasseCouteToujoursUnBcryptEtNEstJamaisRetenu() {
        String hache = vrai.encode("mot de passe du bailleur");
        assertThat(verifications.matches("mot de passe du bailleur", hache)).isTrue();
        for (String essai : new String[] {"essai", "essai", "mot de passe du bailleu", "mot de passe du bailleur "}) {
            assertThat(verifications.matches(essai, hache)).as(essai).isFalse();
        }
        assertThat(bcrypts).hasValue(5);
    }
}
