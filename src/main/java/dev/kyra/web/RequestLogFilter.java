package dev.kyra.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every response an {@code x-request-id} in its face's format (decision A14) and writes one
 * structured log line per request carrying the same id. The line has the method, the path without
 * its query string (queries can carry emails and id numbers), the status and the duration: no
 * bodies, no headers, nothing personal.
 */
class RequestLogFilter extends OncePerRequestFilter {

    static final String HEADER = "x-request-id";
    static final String MDC_KEY = "request_id";
    private static final Logger log = LoggerFactory.getLogger("dev.kyra.requests");

    private final ApiFaces faces;

    RequestLogFilter(ApiFaces faces) {
        this.faces = faces;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = faces.forRequest(request).newRequestId();
        response.setHeader(HEADER, requestId);
        MDC.put(MDC_KEY, requestId);
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            long micros = (System.nanoTime() - started) / 1_000;
            if (log.isInfoEnabled()) {
                // logfmt: one key=value line per request, cheap to write and to parse
                log.info("request_id={} method={} path={} status={} duration_ms={}.{}", requestId, request.getMethod(),
                        request.getRequestURI(), response.getStatus(), micros / 1000, (micros % 1000) / 100);
            }
            MDC.remove(MDC_KEY);
        }
    }
}
