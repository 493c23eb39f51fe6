package dev.kyra.face.blaaiz;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The token endpoint's answers exactly as Blaaiz documents them (spec §2.1): a success body of
 * {@code token_type}, {@code expires_in}, {@code access_token} and the granted {@code scope}; errors in the OAuth2 shape with
 * the documented descriptions, and {@code message} beside them for SDKs that read that instead.
 */
final class TokenResponses {

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            OAuth2ErrorCodes.INVALID_REQUEST, "The request is missing a required parameter.",
            OAuth2ErrorCodes.INVALID_CLIENT, "Client authentication failed.",
            OAuth2ErrorCodes.INVALID_SCOPE, "Invalid scope(s) provided",
            OAuth2ErrorCodes.UNSUPPORTED_GRANT_TYPE, "The authorization grant type is not supported by the authorization server.",
            OAuth2ErrorCodes.UNAUTHORIZED_CLIENT, "The client is not authorized to request a token using this method.");

    private final JsonMapper json;

    TokenResponses(JsonMapper json) {
        this.json = json;
    }

    void success(HttpServletRequest request, HttpServletResponse response, Authentication authentication) throws IOException {
        OAuth2AccessTokenAuthenticationToken token = (OAuth2AccessTokenAuthenticationToken) authentication;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_type", "Bearer");
        body.put("expires_in", StoredClientRepository.ACCESS_TOKEN_LIFETIME.toSeconds());
        body.put("access_token", token.getAccessToken().getTokenValue());
        // what was granted, which may be less than what was asked (decision B18)
        body.put("scope", String.join(" ", token.getAccessToken().getScopes()));
        write(response, HttpStatus.OK, body);
    }

    void failure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) throws IOException {
        OAuth2Error error = exception instanceof OAuth2AuthenticationException oauth ? oauth.getError()
                : new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT);
        writeError(response, error.getErrorCode());
    }

    void writeError(HttpServletResponse response, String errorCode) throws IOException {
        String description = DESCRIPTIONS.getOrDefault(errorCode, "The token request was refused.");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", errorCode);
        body.put("error_description", description);
        body.put("message", description);
        HttpStatus status = OAuth2ErrorCodes.INVALID_CLIENT.equals(errorCode) ? HttpStatus.UNAUTHORIZED : HttpStatus.BAD_REQUEST;
        write(response, status, body);
    }

    private void write(HttpServletResponse response, HttpStatus status, Map<String, Object> body) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        json.writeValue(response.getOutputStream(), body);
    }
}
