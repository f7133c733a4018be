package fr.harmonie;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The service on a random port, on a throwaway embedded PostgreSQL, with a clock a test may set
 * ({@link HorlogeReglable}). One annotation, so that the tests that need nothing else share one started service.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(HorlogeReglable.Configuration.class)
@ExtendWith(HorlogeReglable.Remise.class)
public @interface ServiceDeTest {
}
