package dev.kyra.web;

import java.util.List;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new JsonBodyResolver());
        resolvers.add(new CallerResolver());
    }

    /**
     * Answers {@code Expect: 100-continue} only when a handler starts reading the body. Tomcat's
     * default answers at once, so a client would send 25 MB only to be told the upload URL expired
     * or the file is too large; now the refusal comes first and the bytes are never sent.
     */
    @Bean
    TomcatConnectorCustomizer continueWhenTheBodyIsRead() {
        return connector -> connector.setProperty("continueResponseTiming", "onRead");
    }
}
