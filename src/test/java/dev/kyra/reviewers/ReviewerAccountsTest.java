package dev.kyra.reviewers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Reviewer accounts on the admin API: created with a strong password kept only as a slow hash, one
 * per email, listed, disabled and enabled, given a new password; and signing in, throttled per
 * account and per address.
 */
class ReviewerAccountsTest extends KyraIntegrationTest {

    private static final String PASSWORD = "a long enough password";

    @Autowired
    ReviewerService reviewers;

    @Test
    void anAccountIsCreatedWithoutItsPasswordAndItsHashIsSlowAndSalted() {
        String email = unique("ada");
        Response created = api.post("/admin/v1/reviewers", ADMIN_TOKEN, Json.object("email", email, "name", "Ada", "password", PASSWORD));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.data().propertyNames()).containsExactly("id", "email", "name", "enabled", "created_at", "updated_at");
        assertThat(created.body()).doesNotContain(PASSWORD);
        String hash = jdbc.sql("select password_hash from reviewers where email = :email").param("email", email).query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(PASSWORD);
        String other = unique("bea");
        api.post("/admin/v1/reviewers", ADMIN_TOKEN, Json.object("email", other, "name", "Bea", "password", PASSWORD));
        String otherHash = jdbc.sql("select password_hash from reviewers where email = :email").param("email", other).query(String.class).single();
        assertThat(otherHash).as("the same password, salted apart").isNotEqualTo(hash);
        JsonNode listed = api.get("/admin/v1/reviewers", ADMIN_TOKEN).data();
        assertThat(listed.valueStream().map(reviewer -> reviewer.get("email").stringValue())).contains(email, other);
        assertThat(api.get("/admin/v1/reviewers", null).status()).isEqualTo(401);
    }

    @Test
    void badAccountsAreRefusedAndNothingIsWritten() {
        String email = unique("cara");
        api.post("/admin/v1/reviewers", ADMIN_TOKEN, Json.object("email", email, "name", "Cara", "password", PASSWORD));
        long before = count();

        assertRefused(Json.object("email", email.toUpperCase(java.util.Locale.ROOT), "name", "Cara", "password", PASSWORD), 409);
        assertRefused(Json.object("email", unique("dan"), "name", "Dan", "password", "short pass"), 422);
        assertRefused(Json.object("email", "not an email", "name", "Dan", "password", PASSWORD), 422);
        assertRefused(Json.object("email", unique("dan"), "name", " ", "password", PASSWORD), 422);
        assertRefused(Json.object("email", unique("dan"), "name", "Dan"), 422);
        assertRefused(Json.object("email", unique("dan"), "name", "Dan", "password", PASSWORD, "role", "admin"), 400);
        assertRefused("{\"email\": ", 400);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aDisabledReviewerCannotSignInAndANewPasswordReplacesTheOld() {
        String email = unique("eve");
        String id = api.post("/admin/v1/reviewers", ADMIN_TOKEN, Json.object("email", email, "name", "Eve", "password", PASSWORD))
                .data().get("id").stringValue();
        assertThat(reviewers.signIn(email, PASSWORD, "198.51.100.1")).isPresent();

        assertThat(api.post("/admin/v1/reviewers/" + id + "/disable", ADMIN_TOKEN, "").data().get("enabled").booleanValue()).isFalse();
        assertThat(reviewers.signIn(email, PASSWORD, "198.51.100.1")).isEmpty();
        api.post("/admin/v1/reviewers/" + id + "/enable", ADMIN_TOKEN, "");
        assertThat(api.post("/admin/v1/reviewers/" + id + "/password", ADMIN_TOKEN, Json.object("password", "too short")).status())
                .isEqualTo(422);
        assertThat(api.post("/admin/v1/reviewers/" + id + "/password", ADMIN_TOKEN, Json.object("password", "an entirely new password"))
                .status()).isEqualTo(200);
        assertThat(reviewers.signIn(email, PASSWORD, "198.51.100.1")).isEmpty();
        assertThat(reviewers.signIn(email.toUpperCase(java.util.Locale.ROOT), "an entirely new password", "198.51.100.1")).isPresent();
        assertThat(api.post("/admin/v1/reviewers/" + UUID.randomUUID() + "/disable", ADMIN_TOKEN, "").status()).isEqualTo(404);
        assertThat(api.post("/admin/v1/reviewers/not-an-id/disable", ADMIN_TOKEN, "").status()).isEqualTo(404);
    }

    @Test
    void failedSignInsLockTheAccountAndThenTheAddress() {
        String email = unique("finn");
        reviewers.create(email, "Finn", PASSWORD);
        for (int i = 0; i < ReviewerService.FAILURES_PER_ACCOUNT; i++) {
            assertThat(reviewers.signIn(email, "wrong password " + i, "198.51.100.2")).isEmpty();
        }
        assertThat(reviewers.signIn(email, PASSWORD, "198.51.100.3")).as("locked: the right password too").isEmpty();

        String address = "203.0.113." + (int) (Math.random() * 200 + 1);
        String gina = unique("gina");
        reviewers.create(gina, "Gina", PASSWORD);
        for (int i = 0; i < ReviewerService.FAILURES_PER_ADDRESS; i++) {
            reviewers.signIn(unique("nobody"), "wrong password", address);
        }
        assertThat(reviewers.signIn(gina, PASSWORD, address)).as("the address is throttled").isEmpty();
        assertThat(reviewers.signIn(gina, PASSWORD, "198.51.100.4")).as("another address is not").isPresent();
    }

    private void assertRefused(String body, int status) {
        Response refused = api.post("/admin/v1/reviewers", ADMIN_TOKEN, body);
        assertThat(refused.status()).as(body + " → " + refused).isEqualTo(status);
        assertThat(refused.json().get("code").stringValue()).isIn("conflict", "validation-error", "invalid-request", "malformed-json");
    }

    private long count() {
        return jdbc.sql("select count(*) from reviewers").query(Long.class).single();
    }

    private static String unique(String name) {
        return name + "." + UUID.randomUUID() + "@example.com";
    }

}
