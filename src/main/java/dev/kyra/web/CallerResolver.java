package dev.kyra.web;

import dev.kyra.platform.Caller;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives controllers the {@link Caller} that a face's security established. A face authenticates a
 * request with an {@link Authentication} whose principal is the Caller; a controller taking a Caller
 * on a route without one is a wiring error, not a client error.
 */
class CallerResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest webRequest,
                                  WebDataBinderFactory binderFactory) {
        return CallerAuthentication.current()
                .orElseThrow(() -> new IllegalStateException("no Caller authenticated for " + parameter.getMethod()));
    }
}
