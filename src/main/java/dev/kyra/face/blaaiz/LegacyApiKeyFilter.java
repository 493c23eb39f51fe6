package dev.kyra.face.blaaiz;

import dev.kyra.platform.Actor;
import dev.kyra.platform.ApiKey;
import dev.kyra.platform.ApiKeyFace;
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
 * The Blaaiz legacy key (spec §2.3, decision B19): {@code x-blaaiz-api-key} instead of a Bearer
 * token, as the Node SDK 1.1.2 sends it and the newer SDKs do without a client id. A Bearer token,
 * when sent too, wins and this header is not looked at. A key that is not a live legacy key of some
 * platform is a 401 with the legacy message; the key's tenant and scopes then apply as a token's would.
 */
final class LegacyApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "x-blaaiz-api-key";
    static final String INVALID = "Invalid or missing API key";

    private final ApiKeyService keys;
    private final ApiFaces faces;

    LegacyApiKeyFilter(ApiKeyService keys, ApiFaces faces) {
        this.keys = keys;
        this.faces = faces;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        String authorization = request.getHeader("Authorization");
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        if (presented == null || bearer) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiKey> key = presented.isBlank() ? Optional.empty()
                : keys.authenticate(ApiKeyFace.BLAAIZ_LEGACY, presented.strip());
        if (key.isEmpty()) {
            faces.writeError(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", INVALID);
            return;
        }
        Caller caller = new Caller(key.get().tenant(), Actor.legacyKey(key.get().id()));
        SecurityContextHolder.getContext().setAuthentication(CallerAuthentication.withScopes(caller, key.get().scopes()));
        chain.doFilter(request, response);
    }
}
