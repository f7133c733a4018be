package fr.harmonie.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;

/** Tomcat's own error pages (requests it refuses before Spring) in French problem+json: {@link ValveErreurs}. */
@Configuration(proxyBeanMethods = false)
class ConfigurationTomcat implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory usine) {
        usine.addContextCustomizers(contexte -> {
            if (contexte.getParent() instanceof StandardHost hote) {
                hote.setErrorReportValveClass(ValveErreurs.class.getName());
            }
        });
    }
}
