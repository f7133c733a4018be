package fr.harmonie.stockage;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Vrai quand aucune base n'est configurée ({@code spring.datasource.url}, ou la variable SPRING_DATASOURCE_URL). */
public class SansBaseExterne implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String url = context.getEnvironment().getProperty("spring.datasource.url");
        return url == null || url.isBlank();
    }
}
