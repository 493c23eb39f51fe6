package dev.kyra.edge;

import dev.kyra.platform.Caller;
import dev.kyra.web.ApiFaces;
import io.micrometer.core.instrument.Counter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/** Counts each request of an authenticated credential and refuses it past its limits (decision D10). */
final class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimits limits;
    private final Function<HttpServletRequest, Optional<Caller>> callers;
    private final ApiFaces faces;
    private final Counter refusals;

    RateLimitFilter(RateLimits limits, Function<HttpServletRequest, Optional<Caller>> callers, ApiFaces faces,
                    Counter refusals) {
        this.refusals = refusals;
        this.limits = limits;
        this.callers = callers;
        this.faces = faces;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Caller> caller = callers.apply(request);
        if (caller.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        RateLimitVerdict verdict = limits.take(caller.get());
        verdict.writeHeaders(response);
        if (verdict.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        refusals.increment();
        long retryAfter = verdict.retryAfterSeconds();
        response.setHeader("Retry-After", Long.toString(retryAfter));
        faces.writeError(request, response, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                "Rate limit exceeded for this credential; retry after " + retryAfter + " seconds.");
    }
}
