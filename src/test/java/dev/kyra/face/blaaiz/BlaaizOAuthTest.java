package dev.kyra.face.blaaiz;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.kyra.platform.Secrets;
import dev.kyra.platform.SigningKey;
import dev.kyra.platform.SigningKeyStore;
import dev.kyra.support.Customers;
import dev.kyra.support.Es256Signatures;
import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Response;
import dev.kyra.support.Tenant;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code POST /oauth/token} (spec §2.1, decisions B15-B16) and bearer checks on the API (§1.3-§1.4). */
class BlaaizOAuthTest extends KyraIntegrationTest {

    @Autowired
    SigningKeyStore signingKeys;

    private Tenant tenant;

    @BeforeEach
    void newTenant() {
        tenant = tenants.create();
    }

    @Test
    void issuesABearerTokenOfFifteenMinutesInTheDocumentedShape() {
        Response response = token(Map.of("scope", "customer:read customer:write"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().propertyNames()).containsExactly("token_type", "expires_in", "access_token", "scope");
        assertThat(response.json().get("scope").stringValue()).isEqualTo("customer:read customer:write");
        assertThat(response.json().get("token_type").stringValue()).isEqualTo("Bearer");
        assertThat(response.json().get("expires_in").intValue()).isEqualTo(900);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        JsonNode claims = claims(response.json().get("access_token").stringValue());
        assertThat(claims.get("sub").stringValue()).isEqualTo(tenant.clientId());
        assertThat(claims.get("exp").longValue() - claims.get("iat").longValue()).isEqualTo(900);
        assertThat(claims.get("kyra_platform").stringValue()).isEqualTo(tenant.platformId());
        assertThat(claims.get("kyra_mode").stringValue()).isEqualTo("test");
        assertThat(claims.get("kyra_secret").stringValue()).as("a fingerprint of the secret, not the secret or its hash")
                .matches("[0-9a-f]{24}").isNotIn(tenant.clientSecret(), HexFormat.of().formatHex(Secrets.sha256(tenant.clientSecret())));
        assertThat(claims.get("scope")).containsExactlyInAnyOrder(Json.tree("\"customer:read\""), Json.tree("\"customer:write\""));
    }

    @Test
    void aTokenCarriesOnlyTheScopesAskedFor() {
        String readOnly = token(Map.of("scope", "customer:read")).json().get("access_token").stringValue();

        assertThat(api.get("/api/external/customer", readOnly).status()).isEqualTo(200);
        Response write = api.post("/api/external/customer", readOnly, Customers.INDIVIDUAL);
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.json()).isEqualTo(Json.parse(
                "{\"status\": false, \"message\": \"Access Denied. This endpoint needs the customer:write scope.\"}"));
        assertThat(customerCount(tenant)).isZero();
    }

    @Test
    void withoutAScopeParameterTheTokenHasNoScopesAndIsDenied() {
        Response response = token(Map.of());
        String token = response.json().get("access_token").stringValue();

        assertThat(response.status()).isEqualTo(200);
        assertThat(api.get("/api/external/customer", token).status()).isEqualTo(403);
    }

    @Test
    void aStarAsksForEveryGrantedScope() {
        String token = token(Map.of("scope", "*")).json().get("access_token").stringValue();

        assertThat(claims(token).get("scope")).hasSize(8);
        assertThat(api.post("/api/external/customer", token, Customers.INDIVIDUAL).status()).isEqualTo(201);
    }

    /** What the official Java SDK (1.6.1) asks for when no scope is configured, in its order. */
    static final String SDK_DEFAULT_SCOPES = "wallet:read currency:read bank:read customer:read customer:write "
            + "beneficiary:read virtual-account:read virtual-account:create virtual-account:close collection:create "
            + "collection:crypto:create collection:interac:accept payout:create swap:create transaction:read fees:read "
            + "file:upload webhook:read webhook:write webhook:replay rates:read compliance-kyc:read "
            + "compliance-kyc:create compliance-kyc:cancel compliance-kyc:pii:read";

    @Test
    void theSdksDefaultRequestGetsWhatTheClientHoldsAndDropsWhatKyraDoesNotServe() {
        Response response = token(Map.of("scope", SDK_DEFAULT_SCOPES));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("scope").stringValue().split(" ")).containsExactlyInAnyOrderElementsOf(
                dev.kyra.support.Tenants.ALL_SCOPES);
        String token = response.json().get("access_token").stringValue();
        assertThat(claims(token).get("scope").toString()).doesNotContain("wallet:read", "payout:create");
        assertThat(api.post("/api/external/customer", token, Customers.INDIVIDUAL).status()).isEqualTo(201);
    }

    @Test
    void aClientHoldingFewerScopesGetsThoseOfTheDefaultRequestThatItHolds() {
        Tenant readOnly = tenants.withClient(tenant.platformId(), "test", List.of("customer:read"));
        Response response = api.postForm("/oauth/token", Map.of("grant_type", "client_credentials",
                "client_id", readOnly.clientId(), "client_secret", readOnly.clientSecret(), "scope", SDK_DEFAULT_SCOPES));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("scope").stringValue()).isEqualTo("customer:read");
    }

    @Test
    void anUnknownScopeBesideDocumentedOnesIsStillInvalid() {
        assertOAuthError(token(Map.of("scope", "customer:read wallet:read made-up:scope")), 400, "invalid_scope",
                "Invalid scope(s) provided");
        assertOAuthError(token(Map.of("scope", "customer:read full-access")), 400, "invalid_scope",
                "Invalid scope(s) provided");
        assertOAuthError(token(Map.of("scope", "wallet:read payout:create")), 400, "invalid_scope",
                "Invalid scope(s) provided");
    }

    @Test
    void bundleNamesAndUngrantedScopesAreInvalid() {
        assertOAuthError(token(Map.of("scope", "full-access")), 400, "invalid_scope", "Invalid scope(s) provided");
        Tenant readOnly = tenants.withClient(tenant.platformId(), "test", List.of("customer:read"));
        Response ungranted = api.postForm("/oauth/token", Map.of("grant_type", "client_credentials",
                "client_id", readOnly.clientId(), "client_secret", readOnly.clientSecret(), "scope", "customer:write"));
        assertOAuthError(ungranted, 400, "invalid_scope", "Invalid scope(s) provided");
    }

    @Test
    void aWrongSecretOrAnUnknownClientIsInvalidClient() {
        assertOAuthError(api.postForm("/oauth/token", Map.of("grant_type", "client_credentials",
                "client_id", tenant.clientId(), "client_secret", "wrong")), 401, "invalid_client", "Client authentication failed.");
        assertOAuthError(api.postForm("/oauth/token", Map.of("grant_type", "client_credentials",
                "client_id", "nobody", "client_secret", "x")), 401, "invalid_client", "Client authentication failed.");
        assertOAuthError(api.postForm("/oauth/token", Map.of("grant_type", "client_credentials")), 401,
                "invalid_client", "Client authentication failed.");
    }

    @Test
    void aMissingOrUnsupportedGrantTypeIsRefused() {
        assertOAuthError(api.postForm("/oauth/token", Map.of("client_id", tenant.clientId(), "client_secret", tenant.clientSecret())),
                400, "invalid_request", "The request is missing a required parameter.");
        assertOAuthError(api.postForm("/oauth/token", Map.of("grant_type", "password", "client_id", tenant.clientId(),
                "client_secret", tenant.clientSecret())), 400, "unsupported_grant_type",
                "The authorization grant type is not supported by the authorization server.");
    }

    @Test
    void httpBasicClientAuthenticationWorksToo() {
        String basic = Base64.getEncoder().encodeToString((tenant.clientId() + ":" + tenant.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        Response response = api.send(HttpRequest.newBuilder(java.net.URI.create(api.baseUrl() + "/oauth/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=customer%3Aread")));

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void theApiNeedsAValidBearerToken() {
        assertUnauthorized(api.get("/api/external/customer", null));
        assertUnauthorized(api.get("/api/external/customer", "not-a-jwt"));
        assertUnauthorized(api.get("/api/external/customer", ADMIN_TOKEN));
        assertUnauthorized(api.post("/api/external/customer", null, Customers.INDIVIDUAL));
        assertThat(customerCount(tenant)).isZero();
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        String forged = sign(generator.generateKeyPair().getPrivate(), signingKeys.keys().get(0).keyId(),
                Instant.now().plusSeconds(600));

        assertUnauthorized(api.get("/api/external/customer", forged));
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        SigningKey key = signingKeys.keys().get(0);
        String valid = sign(key.privateKey(), key.keyId(), Instant.now().plusSeconds(600));
        String expired = sign(key.privateKey(), key.keyId(), Instant.now().minusSeconds(600));

        assertThat(api.get("/api/external/customer", valid).status()).as("the crafted token is otherwise fine").isEqualTo(200);
        assertUnauthorized(api.get("/api/external/customer", expired));
    }

    @Test
    void aBearerTokenIsNotAcceptedOnTheAdminApi() {
        Response response = api.get("/admin/v1/platforms", tenant.token());

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void tokensAreSignedWithEs256() {
        String token = token(Map.of("scope", "customer:read")).json().get("access_token").stringValue();
        JsonNode header = Json.tree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8));

        assertThat(header.get("alg").stringValue()).isEqualTo("ES256");
        assertThat(header.get("kid").stringValue()).isEqualTo(signingKeys.keys().get(0).keyId());
    }

    @Test
    void aTokenNotIssuedWithTheClientsCurrentSecretIsRefused() throws Exception {
        SigningKey key = signingKeys.keys().get(0);

        assertUnauthorized(api.get("/api/external/customer", sign(key.privateKey(), key.keyId(), Instant.now().plusSeconds(600),
                "0".repeat(24))));
    }

    /** A token as Kyra would issue it to the tenant's client now. */
    private String sign(PrivateKey privateKey, String keyId, Instant expiresAt) throws Exception {
        return sign(privateKey, keyId, expiresAt, claims(tenant.token()).get("kyra_secret").stringValue());
    }

    private String sign(PrivateKey privateKey, String keyId, Instant expiresAt, String secretFingerprint) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(tenant.clientId())
                .issueTime(Date.from(expiresAt.minusSeconds(900)))
                .expirationTime(Date.from(expiresAt))
                .claim("scope", List.of("customer:read"))
                .claim("kyra_platform", tenant.platformId())
                .claim("kyra_mode", "test")
                .claim("kyra_secret", secretFingerprint)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keyId).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new ECDSASigner((ECPrivateKey) privateKey));
        return Es256Signatures.lowS(jwt.serialize());
    }

    private Response token(Map<String, String> extra) {
        Map<String, String> form = new java.util.HashMap<>(Map.of("grant_type", "client_credentials",
                "client_id", tenant.clientId(), "client_secret", tenant.clientSecret()));
        form.putAll(extra);
        return api.postForm("/oauth/token", form);
    }

    private static JsonNode claims(String jwt) {
        return Json.tree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static void assertOAuthError(Response response, int status, String error, String description) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().get("error").stringValue()).isEqualTo(error);
        assertThat(response.json().get("error_description").stringValue()).isEqualTo(description);
        assertThat(response.json().has("access_token")).isFalse();
    }

    private static void assertUnauthorized(Response response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.json()).isEqualTo(Json.parse("{\"status\": false, \"message\": \"Invalid or missing access token\"}"));
    }
}
