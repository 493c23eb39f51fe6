package dev.kyra.face.admin;

import dev.kyra.personal.MasterKeyInUseException;
import dev.kyra.platform.CredentialNotFoundException;
import dev.kyra.platform.PlatformNotFoundException;
import dev.kyra.profile.ActionRefusedException;
import dev.kyra.profile.DuplicateException;
import dev.kyra.profile.InvalidInputException;
import dev.kyra.profile.NotFoundException;
import dev.kyra.profile.RegistryException;
import dev.kyra.reviewers.ReviewerNotFoundException;
import dev.kyra.reviewers.ReviewerRefusedException;
import dev.kyra.webhooks.InvalidWebhookUrlException;
import dev.kyra.webhooks.WebhookNotFoundException;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refusals in the admin shape {@code {"code", "message"}}: bad input 422, an unknown record 404, and
 * a decision the customer's state does not allow 409.
 */
@RestControllerAdvice(basePackageClasses = AdminFace.class)
@Order(0)
class AdminErrorHandler {

    @ExceptionHandler(AdminInputException.class)
    ResponseEntity<Map<String, Object>> invalid(AdminInputException e) {
        String code = e.status() == HttpStatus.BAD_REQUEST ? "invalid-request" : "validation-error";
        return ResponseEntity.status(e.status()).body(AdminFace.error(code, e.getMessage()));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidInputException e) {
        return ResponseEntity.unprocessableContent().body(AdminFace.error("validation-error", render(e)));
    }

    @ExceptionHandler(InvalidWebhookUrlException.class)
    ResponseEntity<Map<String, Object>> invalidWebhookUrl() {
        return ResponseEntity.unprocessableContent().body(AdminFace.error("validation-error", AdminRequests.URL_RULE));
    }

    @ExceptionHandler(WebhookNotFoundException.class)
    ResponseEntity<Map<String, Object>> webhookNotFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(AdminFace.error("not-found", "No default webhook is set."));
    }

    @ExceptionHandler(ReviewerRefusedException.class)
    ResponseEntity<Map<String, Object>> reviewerRefused(ReviewerRefusedException e) {
        return e.duplicate() ? ResponseEntity.status(HttpStatus.CONFLICT).body(AdminFace.error("conflict", e.getMessage()))
                : ResponseEntity.unprocessableContent().body(AdminFace.error("validation-error", e.getMessage()));
    }

    @ExceptionHandler(ReviewerNotFoundException.class)
    ResponseEntity<Map<String, Object>> reviewerNotFound(ReviewerNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(AdminFace.error("not-found", e.getMessage()));
    }

    @ExceptionHandler(MasterKeyInUseException.class)
    ResponseEntity<Map<String, Object>> masterKeyInUse(MasterKeyInUseException e) {
        return e.conflict() ? ResponseEntity.status(HttpStatus.CONFLICT).body(AdminFace.error("conflict", e.getMessage()))
                : ResponseEntity.status(HttpStatus.NOT_FOUND).body(AdminFace.error("not-found", e.getMessage()));
    }

    @ExceptionHandler(PlatformNotFoundException.class)
    ResponseEntity<Map<String, Object>> platformNotFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(AdminFace.error("not-found", "Platform not found."));
    }

    @ExceptionHandler(CredentialNotFoundException.class)
    ResponseEntity<Map<String, Object>> credentialNotFound(CredentialNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(AdminFace.error("not-found", e.getMessage()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(AdminFace.error("not-found", render(e) + "."));
    }

    @ExceptionHandler(AdminNotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(AdminNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(AdminFace.error("not-found", e.getMessage()));
    }

    @ExceptionHandler({ActionRefusedException.class, DuplicateException.class})
    ResponseEntity<Map<String, Object>> conflict(RegistryException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(AdminFace.error("conflict", render(e)));
    }

    private static String render(RegistryException e) {
        return e.first().render(AdminCustomerWriter::name);
    }
}
