package fr.harmonie.web;

import fr.harmonie.json.Textes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every text of a JSON body the API reads into an object (account, organisation, token, instruction message) is one
 * that the database can keep as it was sent: a NUL or a lone surrogate is refused there, in French and by the name of
 * its field ({@link ProblemesHttp}), instead of an error without a field for the first and a "?" kept in its place for
 * the second. Dossiers are read apart, by their schema, and checked by {@code TextesConservables} before they are kept.
 */
@Configuration(proxyBeanMethods = false)
class TextesDesCorps {

    static final String RAISON = "caractère NUL ou demi-paire de substitution isolée";

    @Bean
    JacksonModule textesConservables() {
        return new SimpleModule("textes-conservables").addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) {
                String texte = super.deserialize(p, ctxt);
                if (texte != null && !Textes.conservable(texte)) {
                    throw ctxt.weirdStringException(texte, String.class, RAISON);
                }
                return texte;
            }
        });
    }
}
