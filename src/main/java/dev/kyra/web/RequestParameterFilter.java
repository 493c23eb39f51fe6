package dev.kyra.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads every request's parameters (the query string, and a form body such as a token request)
 * before anything else does, and refuses the request with a 400 in its face's shape when one is not
 * valid UTF-8 or carries a NUL, whether or not the endpoint reads that parameter. Tomcat decodes
 * parameters lazily and throws from whichever call asks first, with the raw value in its message;
 * asking here, once, means that message is never logged and no endpoint sees a value PostgreSQL
 * would refuse.
 */
class RequestParameterFilter extends OncePerRequestFilter {

    private final ApiFaces faces;

    RequestParameterFilter(ApiFaces faces) {
        this.faces = faces;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> problem = problemIn(request);
        if (problem.isPresent()) {
            faces.writeError(request, response, HttpStatus.BAD_REQUEST, "invalid-parameter",
                    "The request's parameters " + problem.get() + ".");
            return;
        }
        chain.doFilter(request, response);
    }

    private static Optional<String> problemIn(HttpServletRequest request) {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException | IllegalArgumentException e) {
            // Tomcat's InvalidParameterException; its message quotes the value, so it is not kept
            return Optional.of("are not valid UTF-8");
        }
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            Optional<String> problem = WireText.problemIn(parameter.getKey());
            for (String value : parameter.getValue()) {
                problem = problem.or(() -> WireText.problemIn(value));
            }
            if (problem.isPresent()) {
                return problem.map(reason -> "are not acceptable: one " + reason);
            }
        }
        return Optional.empty();
    }
}
