package dev.kyra.edge;

import dev.kyra.web.ApiFaces;
import io.micrometer.core.instrument.Counter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Decision D10's guard against guessing secrets: a client address whose requests to the faces were
 * refused authentication (a 401: a wrong client secret at the token endpoint, an unknown API or legacy
 * key, a wrong admin token) more than so many times in a minute gets 429 for every face request until
 * the minute ends, across all nodes: a node that has not yet seen the address fail learns the others'
 * count at its first failure there. Counted by the address Kyra believes ({@code KYRA_TRUSTED_PROXIES}).
 */
final class FailedAuthenticationLimit extends OncePerRequestFilter {

    private static final int[] MINUTE = {SharedCounts.MINUTE};

    private final SharedCounts counts;
    private final int perMinute;
    private final ApiFaces faces;
    private final Counter refusals;

    FailedAuthenticationLimit(SharedCounts counts, int perMinute, ApiFaces faces, Counter refusals) {
        this.refusals = refusals;
        this.counts = counts;
        this.perMinute = perMinute;
        this.faces = faces;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return perMinute == 0 || !faces.servedByAFace(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String subject = "failed-authentication:" + request.getRemoteAddr();
        // only an address that has failed here lately is looked at: the rest cost no counting at all
        SharedCounts.Subject failed = counts.existing(subject);
        SharedCounts.Usage usage = failed == null ? null : failed.peek(counts.nowSeconds(), perMinute);
        if (usage != null && !usage.allowed()) {
            refusals.increment();
            long retryAfter = Math.max(1, usage.resets()[0] - counts.nowSeconds());
            response.setHeader("Retry-After", Long.toString(retryAfter));
            faces.writeError(request, response, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                    "Too many failed authentications from this address; retry after " + retryAfter + " seconds.");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            // the first failure here reads what the other nodes have counted for the address
            counts.subject(subject, MINUTE).add(counts.nowSeconds());
        }
    }
}
