package dev.kyra.face.blaaiz;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.kyra.platform.Caller;
import dev.kyra.platform.Mode;
import dev.kyra.platform.OAuthClientService;
import dev.kyra.platform.SigningKey;
import dev.kyra.platform.SigningKeyStore;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import dev.kyra.platform.Tenant;
import dev.kyra.web.ApiFaces;
import dev.kyra.web.StatelessApi;
import dev.kyra.web.CallerAuthentication;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Blaaiz face's OAuth2: Spring Authorization Server issues client-credentials JWTs at
 * {@code /oauth/token}, and {@code /api/external/**} accepts them as a resource server, checking the
 * scope each endpoint needs ({@link BlaaizScopes}). Tokens carry the client's platform and mode, so
 * every request knows its tenant without a lookup.
 */
@Configuration(proxyBeanMethods = false)
class BlaaizSecurity {

    static final String PLATFORM_CLAIM = "kyra_platform";
    static final String MODE_CLAIM = "kyra_mode";
    static final String SECRET_CLAIM = "kyra_secret";
    private static final String UNAUTHORIZED = "Invalid or missing access token";

    @Bean
    @Order(1)
    SecurityFilterChain blaaizTokenEndpoint(HttpSecurity http, OAuthClientService clients, JsonMapper json) throws Exception {
        TokenResponses responses = new TokenResponses(json);
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(BlaaizFace.TOKEN_PATH)
                .with(authorizationServer, server -> server
                        .registeredClientRepository(new StoredClientRepository(clients))
                        .authorizationService(new StatelessAuthorizations())
                        .clientAuthentication(client -> client.errorResponseHandler(responses::failure))
                        .tokenEndpoint(token -> token
                                .accessTokenRequestConverter(new AllGrantedScopesConverter())
                                .accessTokenResponseHandler(responses::success)
                                .errorResponseHandler(responses::failure)))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                        (request, response, e) -> responses.writeError(response, OAuth2ErrorCodes.INVALID_CLIENT)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain blaaizApi(HttpSecurity http, JwtDecoder jwtDecoder, ApiFaces faces) throws Exception {
        http.securityMatcher(BlaaizFace.API_PREFIX + "**")
                .authorizeHttpRequests(requests -> {
                    BlaaizScopes.RULES.forEach(rule ->
                            requests.requestMatchers(rule.matcher()).hasAuthority("SCOPE_" + rule.scope()));
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(BlaaizSecurity::caller))
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            faces.writeError(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", UNAUTHORIZED);
                        })
                        .accessDeniedHandler((request, response, e) -> faces.writeError(request, response,
                                HttpStatus.FORBIDDEN, "forbidden", BlaaizScopes.requiredFor(request)
                                        .map(scope -> "Access Denied. This endpoint needs the " + scope + " scope.")
                                        .orElse("Access Denied"))))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        StatelessApi.trim(http);
        return http.build();
    }

    /** Used by the authorization server to check client secrets (decision B16). */
    @Bean
    PasswordEncoder clientSecretEncoder() {
        return new Sha256SecretEncoder();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().tokenEndpoint(BlaaizFace.TOKEN_PATH).build();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(List<SigningKey> signingKeys) {
        List<JWK> jwks = signingKeys.stream().map(BlaaizSecurity::jwk).toList();
        return new ImmutableJWKSet<>(new JWKSet(jwks));
    }

    /** Read once at start: the newest key signs, every key verifies. */
    @Bean
    List<SigningKey> signingKeys(SigningKeyStore store) {
        return store.keys();
    }

    private static JWK jwk(SigningKey key) {
        if (key.publicKey() instanceof ECPublicKey ec) {
            return new ECKey.Builder(Curve.P_256, ec).privateKey((ECPrivateKey) key.privateKey())
                    .keyID(key.keyId()).algorithm(JWSAlgorithm.ES256).build();
        }
        return new RSAKey.Builder((RSAPublicKey) key.publicKey()).privateKey((RSAPrivateKey) key.privateKey())
                .keyID(key.keyId()).algorithm(JWSAlgorithm.RS256).build();
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, OAuthClientService clients) {
        return new CurrentSecretJwtDecoder(new CachingJwtDecoder(OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource),
                java.time.Clock.systemUTC()), clients);
    }

    /**
     * Signs with the newest key (ES256) and puts the client's platform and mode in the token, and the
     * fingerprint of the secret it was issued with.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tenantClaims(List<SigningKey> signingKeys) {
        SigningKey signer = signingKeys.get(0);
        return context -> {
            context.getJwsHeader().algorithm(SignatureAlgorithm.from(signer.algorithm())).keyId(signer.keyId());
            ClientSettings settings = context.getRegisteredClient().getClientSettings();
            context.getClaims()
                    .claim(PLATFORM_CLAIM, (String) settings.getSetting(StoredClientRepository.PLATFORM_SETTING))
                    .claim(MODE_CLAIM, (String) settings.getSetting(StoredClientRepository.MODE_SETTING))
                    .claim(SECRET_CLAIM, (String) settings.getSetting(StoredClientRepository.SECRET_SETTING));
        };
    }

    private static CallerAuthentication caller(Jwt jwt) {
        String platform = jwt.getClaimAsString(PLATFORM_CLAIM);
        Mode mode = Mode.fromCode(jwt.getClaimAsString(MODE_CLAIM))
                .orElseThrow(() -> new BadJwtException("token has no mode"));
        if (platform == null) {
            throw new BadJwtException("token has no platform");
        }
        Caller caller = new Caller(new Tenant(UUID.fromString(platform), mode), "oauth-client:" + jwt.getSubject());
        List<String> scopes = jwt.getClaimAsStringList("scope");
        return new CallerAuthentication(caller, scopes == null ? List.of()
                : scopes.stream().map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope)).toList());
    }
}
