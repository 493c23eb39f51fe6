package dev.kyra.edge;

import dev.kyra.platform.Caller;
import dev.kyra.web.CallerAuthentication;
import dev.kyra.platform.PlatformService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records each authenticated request of a face in the request log once it is answered, unless its
 * platform keeps no log: its id (the
 * {@code x-request-id} the response carries), method, path without query, status and latency.
 */
final class RequestLogFilter extends OncePerRequestFilter {

    static final String REQUEST_ID = "x-request-id";
    private static final int MAX_PATH = 2048;

    private final RequestLogWriter writer;
    private final PlatformService platforms;
    private final Function<HttpServletRequest, String> apiVersion;
    private final Clock clock;

    RequestLogFilter(RequestLogWriter writer, PlatformService platforms, Function<HttpServletRequest, String> apiVersion,
                     Clock clock) {
        this.writer = writer;
        this.platforms = platforms;
        this.apiVersion = apiVersion;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Caller> caller = CallerAuthentication.current();
        String id = response.getHeader(REQUEST_ID);
        if (caller.isEmpty() || id == null || !platforms.rememberedSettingsOf(caller.get().tenant().platformId()).requestLog()) {
            chain.doFilter(request, response);
            return;
        }
        Instant at = clock.instant();
        long started = System.nanoTime();
        int status = 500;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            String path = request.getRequestURI();
            writer.add(caller.get().tenant(), new RequestRecord(id, request.getMethod(),
                    path.length() > MAX_PATH ? path.substring(0, MAX_PATH) : path, apiVersion.apply(request), status,
                    (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000),
                    request.getRemoteAddr(), at));
        }
    }
}
