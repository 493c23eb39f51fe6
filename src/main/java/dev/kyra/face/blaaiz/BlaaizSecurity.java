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
import dev.kyra.edge.Idempotency;
import dev.kyra.edge.RateLimits;
import dev.kyra.platform.Actor;
import dev.kyra.platform.ApiKeyService;
import dev.kyra.platform.Caller;
import dev.kyra.platform.Mode;
import dev.kyra.platform.OAuthClientService;
import dev.kyra.platform.SigningKey;
import dev.kyra.platform.SigningKeyStore;
import dev.kyra.platform.Tenant;
import dev.kyra.web.ApiFaces;
import dev.kyra.web.CallerAuthentication;
import dev.kyra.web.EdgeProperties;
import dev.kyra.web.StatelessApi;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
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
    /** How far past its {@code exp} a token is still taken, for clocks that disagree a little. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(2);

    @Bean
    @Order(1)
    SecurityFilterChain blaaizTokenEndpoint(HttpSecurity http, OAuthClientService clients, JsonMapper json,
                                            RateLimits rateLimits) throws Exception {
        TokenResponses responses = new TokenResponses(json);
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(BlaaizFace.TOKEN_PATH)
                // after the client has authenticated, before its token is issued
                .addFilterBefore(rateLimits.filter(BlaaizSecurity::tokenClient), AuthorizationFilter.class)
                .with(authorizationServer, server -> server
                        .registeredClientRepository(new StoredClientRepository(clients))
                        .authorizationService(new StatelessAuthorizations())
                        .clientAuthentication(client -> client.errorResponseHandler(responses::failure))
                        .tokenEndpoint(token -> token
                                .accessTokenRequestConverter(new GrantedScopesConverter())
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
    SecurityFilterChain blaaizApi(HttpSecurity http, JwtDecoder jwtDecoder, ApiFaces faces, ApiKeyService apiKeys,
                                  RateLimits rateLimits, Idempotency idempotency) throws Exception {
        http.securityMatcher(BlaaizFace.API_PREFIX + "**")
                .addFilterBefore(new LegacyApiKeyFilter(apiKeys, faces), BearerTokenAuthenticationFilter.class)
                .addFilterBefore(rateLimits.filter(), AuthorizationFilter.class)
                .addFilterAfter(idempotency.filter(), AuthorizationFilter.class)
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

    /**
     * Tokens name {@code KYRA_PUBLIC_URL} as their issuer when it is set, otherwise the scheme and host
     * the request came in on, which forwarded headers change only from trusted proxies.
     */
    @Bean
    AuthorizationServerSettings authorizationServerSettings(EdgeProperties edge) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder()
                .tokenEndpoint(BlaaizFace.TOKEN_PATH);
        if (edge.publicBase() != null) {
            settings.issuer(edge.publicBase());
        }
        return settings.build();
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

    /**
     * Verifies tokens: canonical signatures only, expiry with at most {@link #CLOCK_SKEW} of slack (the
     * library's default minute kept a token alive past its {@code exp}), the issuer when
     * {@code KYRA_PUBLIC_URL} fixes it, and the secret the token was issued with still current.
     */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, OAuthClientService clients,
                          AuthorizationServerSettings settings, Clock clock) {
        NimbusJwtDecoder verifier = (NimbusJwtDecoder) OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtTimestampValidator(CLOCK_SKEW));
        if (settings.getIssuer() != null) {
            validators.add(new JwtIssuerValidator(settings.getIssuer()));
        }
        verifier.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return new CurrentSecretJwtDecoder(new CachingJwtDecoder(CanonicalSignatures.canonicalOnly(verifier), clock),
                clients);
    }

    /** Spring Authorization Server signs with this encoder when it finds one: the same keys, low-s signatures. */
    @Bean
    JwtEncoder jwtEncoder(JWKSource<SecurityContext> jwkSource) {
        return CanonicalSignatures.lowS(new NimbusJwtEncoder(jwkSource));
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

    /** The OAuth client that has authenticated at the token endpoint, as a caller of its tenant. */
    private static Optional<Caller> tokenClient(HttpServletRequest request) {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof OAuth2ClientAuthenticationToken client)
                || client.getRegisteredClient() == null) {
            return Optional.empty();
        }
        ClientSettings settings = client.getRegisteredClient().getClientSettings();
        Tenant tenant = new Tenant(UUID.fromString(settings.getSetting(StoredClientRepository.PLATFORM_SETTING)),
                Mode.fromCode(settings.getSetting(StoredClientRepository.MODE_SETTING)).orElseThrow());
        return Optional.of(new Caller(tenant, Actor.oauthClient(client.getRegisteredClient().getClientId())));
    }

    private static CallerAuthentication caller(Jwt jwt) {
        String platform = jwt.getClaimAsString(PLATFORM_CLAIM);
        Mode mode = Mode.fromCode(jwt.getClaimAsString(MODE_CLAIM))
                .orElseThrow(() -> new BadJwtException("token has no mode"));
        if (platform == null) {
            throw new BadJwtException("token has no platform");
        }
        Caller caller = new Caller(new Tenant(UUID.fromString(platform), mode), Actor.oauthClient(jwt.getSubject()));
        List<String> scopes = jwt.getClaimAsStringList("scope");
        return CallerAuthentication.withScopes(caller, scopes == null ? List.of() : scopes);
    }
}
