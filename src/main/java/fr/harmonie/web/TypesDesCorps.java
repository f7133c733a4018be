package fr.harmonie.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * The JSON bodies the API reads into objects (deposit and instruction messages, organisations, accounts, tokens) take
 * their values with their JSON type, as the dossier contract does: {@code "actif": "false"} or {@code "actif": 0} is
 * not read as a boolean, nor {@code "message": 12} as a text. Jackson's default would read them, so that a client's
 * slip (a SIREN sent as a number, which loses its leading zero) passed unseen, or deactivated an account on a 0; here it
 * gets a 400 that says the type expected ({@link ProblemesHttp}).
 */
@Configuration(proxyBeanMethods = false)
class TypesDesCorps {

    @Bean
    JsonMapperBuilderCustomizer sansConversionDesValeurs() {
        return builder -> builder
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
