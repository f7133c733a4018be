package fr.harmonie;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The service's clock, set by a test to the moment it needs (a deposit at midnight in Paris, on 31 December); the
 * system clock until then, and again after each test ({@link Remise}), since the service is shared between tests.
 */
public final class HorlogeReglable extends Clock {

    private volatile Instant fixe;

    public void regler(Instant instant) {
        this.fixe = instant;
    }

    public void remettre() {
        this.fixe = null;
    }

    @Override
    public Instant instant() {
        Instant f = fixe;
        return f != null ? f : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        HorlogeReglable h = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return h.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId autre) {
                return h.withZone(autre);
            }
        };
    }

    /** Imported by a Spring test: this clock takes the place of the service's. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        @Primary
        HorlogeReglable horlogeReglable() {
            return new HorlogeReglable();
        }
    }

    /** Puts the clock back after each test of a {@link ServiceDeTest}. */
    public static class Remise implements AfterEachCallback {
        @Override
        public void afterEach(ExtensionContext context) {
            SpringExtension.getApplicationContext(context).getBean(HorlogeReglable.class).remettre();
        }
    }
}
