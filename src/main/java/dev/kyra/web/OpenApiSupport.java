package dev.kyra.web;

import dev.kyra.platform.Caller;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;

/**
 * The authenticated {@link Caller} and the raw {@link JsonBody} are not request parameters: each
 * face documents its own request bodies from its field table instead.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiSupport {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class, JsonBody.class);
    }
}
