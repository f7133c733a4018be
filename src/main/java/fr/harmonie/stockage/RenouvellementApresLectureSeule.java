package fr.harmonie.stockage;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.SQLExceptionOverride;
import fr.harmonie.web.BaseIndisponible;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * A base made read-only by {@code ALTER DATABASE … SET default_transaction_read_only} (or {@code ALTER ROLE}) stamps
 * that default on each session when it opens, and lifting it changes only the sessions opened afterwards. Without
 * this, the pool's connections opened meanwhile would refuse every write for up to their whole life (30 minutes)
 * after the DBA lifted it. So when a write is refused for read-only (SQL state 25006), the pool renews its
 * connections: idle ones at once, the one in use once it is returned (the transaction rolls back on it first). While
 * the base stays read-only, that costs at most one renewal per second, however many writes are refused; once it is
 * lifted, the next refused write renews the stale connections and the following ones succeed.
 *
 * <p>Applies to Spring Boot's pool (a configured base) and to the embedded base's, both {@link HikariDataSource}s not
 * yet started when their bean is built. A read-only base that applies to open sessions too (a standby, {@code ALTER
 * SYSTEM} with a configuration reload) gets the same renewals, which do no harm.
 */
@Component
class RenouvellementApresLectureSeule implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String nom) {
        if (bean instanceof HikariDataSource pool && pool.getHikariPoolMXBean() == null && pool.getExceptionOverride() == null
                && pool.getExceptionOverrideClassName() == null) {
            pool.setExceptionOverride(new Renouveler(pool));
        }
        return bean;
    }

    static final class Renouveler implements SQLExceptionOverride {

        private static final long INTERVALLE = TimeUnit.SECONDS.toNanos(1);

        private final HikariDataSource pool;
        private final AtomicLong derniere = new AtomicLong(System.nanoTime() - INTERVALLE);

        Renouveler(HikariDataSource pool) {
            this.pool = pool;
        }

        /**
         * Leaves the verdict on the connection itself to Hikari (evicting the one in use now would close it under the
         * transaction, whose rollback would then fail and hide the read-only cause from the client's 503).
         */
        @java.lang.Override
        public Override adjudicate(SQLException e) {
            if (BaseIndisponible.lectureSeule(e)) {
                long maintenant = System.nanoTime();
                long avant = derniere.get();
                HikariPoolMXBean connexions = pool.getHikariPoolMXBean();
                if (maintenant - avant >= INTERVALLE && derniere.compareAndSet(avant, maintenant) && connexions != null) {
                    connexions.softEvictConnections();
                }
            }
            return Override.CONTINUE_EVICT;
        }
    }
}
