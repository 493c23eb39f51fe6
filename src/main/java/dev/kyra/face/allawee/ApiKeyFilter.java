package dev.kyra.face.allawee;

import dev.kyra.platform.Actor;
import dev.kyra.platform.ApiKey;
import dev.kyra.platform.ApiKeyFace;
import dev.kyra.platform.ApiKeyFormat;
import dev.kyra.platform.ApiKeyService;
import dev.kyra.platform.Caller;
import dev.kyra.web.ApiFaces;
import dev.kyra.web.CallerAuthentication;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer sk.<mode>.<key>} and answers a bad header with the
 * message Allawee uses for it (allawee.md §1.3). A request with no header at all goes on
 * unauthenticated and is answered "Authorization Required" by the chain's entry point.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    static final String AUTHORIZATION_REQUIRED = "Authorization Required";

    private final ApiKeyService keys;
    private final ApiFaces faces;

    ApiKeyFilter(ApiKeyService keys, ApiFaces faces) {
        this.keys = keys;
        this.faces = faces;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        String[] parts = header.strip().split("\\s+", 2);
        if (!parts[0].equalsIgnoreCase("Bearer")) {
            refuse(request, response, "Invalid Authorization Type");
            return;
        }
        if (parts.length < 2) {
            refuse(request, response, AUTHORIZATION_REQUIRED);
            return;
        }
        String presented = parts[1].strip();
        if (ApiKeyFormat.modeOf(presented).isEmpty()) {
            refuse(request, response, "Malformed Authorization Key");
            return;
        }
        Optional<ApiKey> key = keys.authenticate(ApiKeyFace.ALLAWEE, presented);
        if (key.isEmpty()) {
            refuse(request, response, "Invalid Authorization Key");
            return;
        }
        Caller caller = new Caller(key.get().tenant(), Actor.apiKey(key.get().id()));
        SecurityContextHolder.getContext().setAuthentication(CallerAuthentication.withScopes(caller, key.get().scopes()));
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String message) throws IOException {
        faces.writeError(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", message);
    }
}
