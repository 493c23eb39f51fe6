package dev.kyra.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Customers;
import dev.kyra.support.Journeys;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Tenant;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Local storage's signed URLs expire: checked on the signer with a clock of the test's choosing,
 * and over HTTP with a URL signed to have expired already (no test waits five minutes).
 */
class SignedUrlTest extends KyraIntegrationTest {

    @Autowired
    private UrlSigner signer;

    @Test
    void aTokenHoldsUntilItsExpiryAndNotAfter() {
        UUID file = UUID.randomUUID();
        Instant now = Instant.parse("2026-11-21T10:00:00Z");
        String token = signer.sign(UrlSigner.Operation.UPLOAD, file, now.plus(FileService.UPLOAD_URL_LIFETIME));

        assertThat(signer.verify(token, now)).hasValueSatisfying(grant -> {
            assertThat(grant.fileId()).isEqualTo(file);
            assertThat(grant.operation()).isEqualTo(UrlSigner.Operation.UPLOAD);
        });
        assertThat(signer.verify(token, now.plus(Duration.ofMinutes(5)).minusSeconds(1))).isPresent();
        assertThat(signer.verify(token, now.plus(Duration.ofMinutes(5)))).isEmpty();
        assertThat(signer.verify(token.replace('.', 'x'), now)).isEmpty();
        char changed = token.charAt(5) == 'B' ? 'C' : 'B';
        assertThat(signer.verify(token.substring(0, 5) + changed + token.substring(6), now)).as("another file id").isEmpty();
    }

    @Test
    void anExpiredUrlIsRefusedOverHttpForAFileThatIsReallyWaitingForItsBytes() {
        Tenant tenant = tenants.create();
        String business = api.post("/api/external/customer", tenant.token(), Customers.BUSINESS).data().get("id").stringValue();
        UUID file = UUID.fromString(api.post("/api/external/customer/" + business + "/document/presigned-url",
                tenant.token(), "").data().get("file_id").stringValue());
        String expired = signer.sign(UrlSigner.Operation.UPLOAD, file, Instant.now().minusSeconds(1));
        String valid = signer.sign(UrlSigner.Operation.UPLOAD, file, Instant.now().plusSeconds(60));

        var refused = put(expired);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.message()).isEqualTo("The upload URL is invalid or has expired.");
        assertThat(put(valid).status()).as("the same file with a live URL: only the expiry refused it").isEqualTo(200);
    }

    private dev.kyra.support.Response put(String token) {
        return api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/files/" + token))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(Journeys.PDF)));
    }
}
