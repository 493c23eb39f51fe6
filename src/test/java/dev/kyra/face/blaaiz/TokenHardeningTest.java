package dev.kyra.face.blaaiz;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.kyra.platform.OAuthClientService;
import dev.kyra.platform.SigningKey;
import dev.kyra.platform.SigningKeyStore;
import dev.kyra.support.Es256Signatures;
import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Response;
import dev.kyra.support.Tenant;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/** One token, one valid string; no life past {@code exp}; unknown clients checked like wrong secrets. */
class TokenHardeningTest extends KyraIntegrationTest {

    private static final String PATH = "/api/external/customer";

    @Autowired
    SigningKeyStore signingKeys;
    @Autowired
    OAuthClientService clients;

    private Tenant tenant;

    @BeforeEach
    void newTenant() {
        tenant = tenants.create();
    }

    @Test
    void theHighSTwinOfAValidTokenIsRefused() {
        String token = tenant.token();

        assertThat(api.get(PATH, token).status()).isEqualTo(200);
        assertThat(api.get(PATH, Es256Signatures.twin(token)).status())
                .as("(r, n - s) verifies mathematically, but is a second string for the same token").isEqualTo(401);
    }

    @Test
    void everyIssuedTokenHasTheLowS() {
        for (int i = 0; i < 24; i++) {
            // a random s is high half the time: 24 low ones by chance is one in sixteen million
            String token = tenants.token(tenant.clientId(), tenant.clientSecret(), "customer:read");
            assertThat(Es256Signatures.hasLowS(token)).isTrue();
            assertThat(api.get(PATH, token).status()).isEqualTo(200);
        }
    }

    @Test
    void aSignatureWrittenWithOtherUnusedBitsIsRefused() {
        String token = tenant.token();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = token.charAt(token.length() - 1);
        // 64 bytes are 86 characters: the last one carries 2 bits and 4 unused ones
        String twin = token.substring(0, token.length() - 1) + alphabet.charAt(alphabet.indexOf(last) ^ 1);

        assertThat(Es256Signatures.signature(twin)).as("the same signature bytes").isEqualTo(Es256Signatures.signature(token));
        assertThat(api.get(PATH, twin).status()).isEqualTo(401);
    }

    @Test
    void aTokenIsRefusedFromItsExpiryOnWithoutAMinuteOfGrace() throws Exception {
        String justExpired = sign(Instant.now().minusSeconds(5));
        String live = sign(Instant.now().plusSeconds(60));

        assertThat(api.get(PATH, live).status()).isEqualTo(200);
        assertThat(api.get(PATH, justExpired).status()).as("the library's default skew was 60 s").isEqualTo(401);
    }

    @Test
    void anUnknownClientIsCheckedAgainstADecoyHashLikeAWrongSecret() {
        Response unknown = api.postForm("/oauth/token", Map.of("grant_type", "client_credentials",
                "client_id", "nobody-" + tenant.clientId(), "client_secret", tenant.clientSecret()));
        Response wrongSecret = api.postForm("/oauth/token", Map.of("grant_type", "client_credentials",
                "client_id", tenant.clientId(), "client_secret", "not-" + tenant.clientSecret()));
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrongSecret.body());

        RegisteredClient decoy = new StoredClientRepository(clients).findByClientId("nobody-" + tenant.clientId());
        assertThat(decoy).as("a client to compare the secret against, as for a real one").isNotNull();
        assertThat(new Sha256SecretEncoder().matches(tenant.clientSecret(), decoy.getClientSecret())).isFalse();
        assertThat(decoy.getAuthorizationGrantTypes()).doesNotContain(AuthorizationGrantType.CLIENT_CREDENTIALS);
        assertThat(decoy.getScopes()).isEmpty();
    }

    private String sign(Instant expiresAt) throws Exception {
        SigningKey key = signingKeys.keys().get(0);
        String fingerprint = Json.tree(new String(Base64.getUrlDecoder().decode(tenant.token().split("\\.")[1]),
                StandardCharsets.UTF_8)).get("kyra_secret").stringValue();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(tenant.clientId())
                .issueTime(Date.from(expiresAt.minusSeconds(900))).expirationTime(Date.from(expiresAt))
                .claim("scope", List.of("customer:read")).claim("kyra_platform", tenant.platformId())
                .claim("kyra_mode", "test").claim("kyra_secret", fingerprint).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.keyId())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new ECDSASigner((ECPrivateKey) key.privateKey()));
        return Es256Signatures.lowS(jwt.serialize());
    }

}
