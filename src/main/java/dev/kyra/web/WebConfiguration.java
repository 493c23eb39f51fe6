package dev.kyra.web;

import java.util.List;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

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

    /**
     * Puts {@link FaceErrorReportValve} in place of the host's HTML error report. The host installs its
     * report valve when it starts, just before its contexts start, so the swap happens then.
     */
    @Bean
    TomcatContextCustomizer faceErrorReports(ApiFaces faces, JsonMapper json) {
        return context -> context.addLifecycleListener(event -> {
            if (!Lifecycle.BEFORE_START_EVENT.equals(event.getType()) || context.getParent() == null) {
                return;
            }
            var pipeline = context.getParent().getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve && !(valve instanceof FaceErrorReportValve)) {
                    pipeline.removeValve(valve);
                    pipeline.addValve(new FaceErrorReportValve(faces, json));
                }
            }
        });
    }
}
