package dev.kyra.face.allawee;

import dev.kyra.profile.ActionRefusedException;
import dev.kyra.profile.Attribute;
import dev.kyra.profile.CustomerType;
import dev.kyra.profile.DuplicateException;
import dev.kyra.profile.InvalidInputException;
import dev.kyra.profile.NotFoundException;
import dev.kyra.profile.RegistryException;
import dev.kyra.profile.Violation;
import dev.kyra.edge.RequestNotFoundException;
import dev.kyra.query.InvalidQueryException;
import dev.kyra.webhooks.InvalidWebhookUrlException;
import dev.kyra.webhooks.EventNotFoundException;
import dev.kyra.webhooks.WebhookNotFoundException;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The registry's refusals in Allawee's error shape (decision A1): validation is 400
 * {@code validation-error}, naming the field path; a duplicate reference is 409
 * {@code duplicate-reference}; a bad list parameter is 400 "Incorrect format for 'filter' parameter."
 * (or whichever parameter it was), with the reason in {@code details}.
 */
@RestControllerAdvice(basePackageClasses = AllaweeFace.class)
@Order(0)
class AllaweeErrorHandler {

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidInputException e) {
        Map<String, Object> body = error(HttpStatus.BAD_REQUEST, "validation-error", render(e, e.first()));
        body.put("errors", e.violations().stream().map(violation -> render(e, violation)).toList());
        return ResponseEntity.badRequest().body(body);
    }

    @ExceptionHandler(DuplicateException.class)
    ResponseEntity<Map<String, Object>> duplicate(DuplicateException e) {
        boolean reference = e.first().path() != null && e.first().path().leaf() == Attribute.REFERENCE;
        return ResponseEntity.status(HttpStatus.CONFLICT).body(error(HttpStatus.CONFLICT,
                reference ? "duplicate-reference" : "duplicate-registration", render(e, e.first())));
    }

    /** The request is valid but the customer's state forbids it (a verified field, say). */
    @ExceptionHandler(ActionRefusedException.class)
    ResponseEntity<Map<String, Object>> refused(ActionRefusedException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(error(HttpStatus.CONFLICT, "conflict", render(e, e.first())));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(error(HttpStatus.NOT_FOUND, "not-found", render(e, e.first())));
    }

    @ExceptionHandler(InvalidWebhookUrlException.class)
    ResponseEntity<Map<String, Object>> invalidWebhookUrl(InvalidWebhookUrlException e) {
        return ResponseEntity.badRequest().body(error(HttpStatus.BAD_REQUEST, "validation-error",
                "url must be an HTTPS URL of a host on the public internet."));
    }

    @ExceptionHandler(WebhookNotFoundException.class)
    ResponseEntity<Map<String, Object>> webhookNotFound(WebhookNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(error(HttpStatus.NOT_FOUND, "not-found", "Webhook not found."));
    }

    @ExceptionHandler(EventNotFoundException.class)
    ResponseEntity<Map<String, Object>> eventNotFound(EventNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(error(HttpStatus.NOT_FOUND, "not-found", "Event not found."));
    }

    @ExceptionHandler(RequestNotFoundException.class)
    ResponseEntity<Map<String, Object>> requestNotFound(RequestNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(error(HttpStatus.NOT_FOUND, "not-found", "Request not found."));
    }

    @ExceptionHandler(InvalidQueryException.class)
    ResponseEntity<Map<String, Object>> invalidQuery(InvalidQueryException e) {
        Map<String, Object> body = error(HttpStatus.BAD_REQUEST, "validation-error",
                "Incorrect format for '" + e.parameter() + "' parameter.");
        body.put("details", e.getMessage());
        return ResponseEntity.badRequest().body(body);
    }

    private static String render(RegistryException e, Violation violation) {
        CustomerType type = e.customerType().orElse(null);
        return violation.render(path -> AllaweeFields.name(path, type));
    }

    private static Map<String, Object> error(HttpStatus status, String code, String message) {
        return AllaweeFace.error(status, code, message);
    }
}
