package dev.kyra.face.blaaiz;

import dev.kyra.platform.OAuthScopes;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads client-credentials token requests and decides which of the asked-for scopes to grant:
 * <ul>
 *   <li>{@code scope=*} is every scope the client was granted (decision B15; the Laravel SDK sends it);</li>
 *   <li>a list of documented scopes is granted as far as the client holds them, and the rest — scopes
 *       Kyra does not serve, like {@code wallet:read}, or does not give this client — is left out
 *       (decision B18; RFC 6749 §3.3 lets a server grant less than asked), so the official SDKs'
 *       default 25-scope request works;</li>
 *   <li>anything else — an unknown string, a bundle name, or a request of which nothing can be
 *       granted — is passed on unchanged, for the framework to refuse with {@code invalid_scope}.</li>
 * </ul>
 * The token response says what was granted ({@code scope}).
 */
final class GrantedScopesConverter implements AuthenticationConverter {

    private final OAuth2ClientCredentialsAuthenticationConverter standard = new OAuth2ClientCredentialsAuthenticationConverter();

    @Override
    public Authentication convert(HttpServletRequest request) {
        Authentication converted = standard.convert(request);
        if (!(converted instanceof OAuth2ClientCredentialsAuthenticationToken token)
                || !(token.getPrincipal() instanceof OAuth2ClientAuthenticationToken client)
                || client.getRegisteredClient() == null || token.getScopes().isEmpty()) {
            return converted;
        }
        Set<String> held = client.getRegisteredClient().getScopes();
        if (token.getScopes().equals(Set.of("*"))) {
            return new OAuth2ClientCredentialsAuthenticationToken(client, held, token.getAdditionalParameters());
        }
        if (!OAuthScopes.DOCUMENTED.containsAll(token.getScopes())) {
            return converted;
        }
        Set<String> granted = new LinkedHashSet<>(token.getScopes());
        granted.retainAll(held);
        return granted.isEmpty() ? converted
                : new OAuth2ClientCredentialsAuthenticationToken(client, granted, token.getAdditionalParameters());
    }
}
