package dev.kyra.face.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kyra.platform.RateLimitOverrides;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The bodies the admin API takes, one record each, bound and checked by {@link AdminBodies}. */
final class AdminRequests {

    static final String NAME_RULE = "name is required: a string of 1 to 200 characters.";
    static final String MODE_RULE = "mode is required: test or live.";
    static final String URL_RULE = "url is required: an HTTPS URL of a host on the public internet.";
    static final int MAX_COMMENT = 2000;
    static final String RATE_LIMIT_RULE = "rate limits are whole numbers from 0 (no limit) to " + RateLimitOverrides.MAX + ".";
    static final String COMMENT_RULE = "comment must be a string of at most " + MAX_COMMENT + " characters.";

    private AdminRequests() {
    }

    record NewPlatform(@NotBlank(message = NAME_RULE) @Size(max = 200, message = NAME_RULE) String name) {
    }

    /** Absent settings stay as they are. */
    record SettingsChange(@JsonProperty("minimal_kyb_allowed") Boolean minimalKybAllowed,
                          @JsonProperty("auto_verify_business_customers") Boolean autoVerifyBusinessCustomers,
                          @JsonProperty("auto_verify_individuals") Boolean autoVerifyIndividuals,
                          @JsonProperty("four_eyes") Boolean fourEyes,
                          @JsonProperty("rate_limit_per_minute") @Min(value = 0, message = RATE_LIMIT_RULE)
                          @Max(value = RateLimitOverrides.MAX, message = RATE_LIMIT_RULE) Integer rateLimitPerMinute,
                          @JsonProperty("rate_limit_per_hour") @Min(value = 0, message = RATE_LIMIT_RULE)
                          @Max(value = RateLimitOverrides.MAX, message = RATE_LIMIT_RULE) Integer rateLimitPerHour,
                          @JsonProperty("request_log") Boolean requestLog) {
    }

    /** An OAuth client or an API key; which scopes exist depends on which. */
    record NewCredential(@NotNull(message = MODE_RULE) @Pattern(regexp = "test|live", message = MODE_RULE) String mode,
                         @NotEmpty(message = "scopes is required: a non-empty array of scopes.") List<String> scopes) {
    }

    /** A Blaaiz legacy key, which always has every customer-surface scope. */
    record NewLegacyKey(@NotNull(message = MODE_RULE) @Pattern(regexp = "test|live", message = MODE_RULE) String mode) {
    }

    /** Where a platform's default webhook sends; whether it may receive webhooks is the webhooks' rule. */
    record DefaultWebhookUrl(@NotBlank(message = URL_RULE) @Size(max = 2048, message = URL_RULE) String url) {
    }

    /** A reviewer's account; the rules on each value are the reviewers module's. */
    record NewReviewer(@NotNull(message = "email is required: an email address.") String email,
                       @NotNull(message = "name is required: a string of 1 to 200 characters.") String name,
                       @NotNull(message = "password is required: 12 to 128 characters.") String password) {
    }

    record PasswordReset(@NotNull(message = "password is required: 12 to 128 characters.") String password) {
    }

    /** A reviewer's decision, and what they tell the platform about it. */
    record Decision(@Size(max = MAX_COMMENT, message = COMMENT_RULE) String comment) {

        /** The comment without surrounding blanks; null when there is none. */
        String text() {
            return comment == null || comment.isBlank() ? null : comment.strip();
        }
    }
}
