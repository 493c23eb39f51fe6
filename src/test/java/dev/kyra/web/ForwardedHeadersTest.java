package dev.kyra.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Api;
import dev.kyra.support.Customers;
import dev.kyra.support.Json;
import dev.kyra.support.KyraInstance;
import dev.kyra.support.Response;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code X-Forwarded-*} moves a token's issuer and the host of upload links only when it comes from a
 * proxy listed in {@code KYRA_TRUSTED_PROXIES}; from anyone else it is ignored.
 */
@Tag("standalone")
class ForwardedHeadersTest {

    private static final String CLIENT = "forwarded-client";
    private static final String SECRET = "forwarded-client-secret-0123456789";

    @TempDir
    Path dataDir;

    @Test
    void forwardedHeadersFromAnUntrustedClientChangeNothing() {
        try (KyraInstance kyra = KyraInstance.start(dataDir, Map.of("kyra.bootstrap.client-id", CLIENT,
                "kyra.bootstrap.client-secret", SECRET))) {
            Api api = kyra.api();
            String token = token(api);
            assertThat(issuer(token)).as("the request's own host").isEqualTo(api.baseUrl());
            assertThat(uploadUrl(api, token)).startsWith(api.baseUrl() + "/files/");
        }
    }

    @Test
    void forwardedHeadersFromATrustedProxyAreApplied() {
        try (KyraInstance kyra = KyraInstance.start(dataDir, Map.of("kyra.trusted-proxies", "10.0.0.0/8, 127.0.0.1",
                "kyra.bootstrap.client-id", CLIENT, "kyra.bootstrap.client-secret", SECRET))) {
            Api api = kyra.api();
            String token = token(api);
            assertThat(issuer(token)).isEqualTo("https://kyra.example.com");
            assertThat(api.get("/api/external/customer", token).status()).as("the token is still good").isEqualTo(200);
            assertThat(uploadUrl(api, token)).startsWith("https://kyra.example.com/files/");
        }
    }

    @Test
    void aConfiguredPublicUrlIsTheIssuerAndATokenOfAnotherIssuerIsRefused() {
        try (KyraInstance kyra = KyraInstance.start(dataDir, Map.of("kyra.public-url", "https://public.example.org/",
                "kyra.bootstrap.client-id", CLIENT, "kyra.bootstrap.client-secret", SECRET))) {
            Api api = kyra.api();
            String token = token(api);
            assertThat(issuer(token)).isEqualTo("https://public.example.org");
            assertThat(api.get("/api/external/customer", token).status()).isEqualTo(200);
        }
    }

    private static String token(Api api) {
        Response response = api.send(forwarded(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/oauth/token")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + CLIENT
                        + "&client_secret=" + SECRET + "&scope=*")));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("access_token").stringValue();
    }

    private static String uploadUrl(Api api, String token) {
        String id = api.post("/api/external/customer", token, Customers.BUSINESS).data().get("id").stringValue();
        Response presigned = api.send(forwarded(api.request("/api/external/customer/" + id + "/document/presigned-url", token))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.object())));
        assertThat(presigned.status()).as(presigned.toString()).isEqualTo(200);
        return presigned.data().get("url").stringValue();
    }

    /** What a TLS proxy in front of Kyra, serving it as https://kyra.example.com, would add. */
    private static HttpRequest.Builder forwarded(HttpRequest.Builder request) {
        return request.header("X-Forwarded-Host", "kyra.example.com").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Port", "443");
    }

    private static String issuer(String token) {
        JsonNode claims = Json.tree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
        return claims.get("iss").stringValue();
    }
}
