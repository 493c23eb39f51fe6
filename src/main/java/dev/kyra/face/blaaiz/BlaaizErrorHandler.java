package dev.kyra.face.blaaiz;

import dev.kyra.profile.ActionRefusedException;
import dev.kyra.profile.CustomerType;
import dev.kyra.profile.DuplicateException;
import dev.kyra.profile.IncompleteCustomerException;
import dev.kyra.profile.InvalidInputException;
import dev.kyra.profile.NotFoundException;
import dev.kyra.profile.RegistryException;
import dev.kyra.profile.Violation;
import dev.kyra.webhooks.InvalidWebhookUrlException;
import dev.kyra.webhooks.WebhookNotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The registry's refusals in Blaaiz's shapes (decision B1, spec §1.4): validation and uniqueness are
 * 422 with the first problem as the message and every problem under {@code errors}; a state that
 * forbids the action is 400; a missing record is 404.
 */
@RestControllerAdvice(basePackageClasses = BlaaizFace.class)
@Order(0)
class BlaaizErrorHandler {

    @ExceptionHandler({InvalidInputException.class, DuplicateException.class})
    ResponseEntity<Map<String, Object>> invalid(RegistryException e) {
        return unprocessable(e, "");
    }

    /** Spec §4.8's words for a customer submitted before it is complete. */
    @ExceptionHandler(IncompleteCustomerException.class)
    ResponseEntity<Map<String, Object>> incomplete(IncompleteCustomerException e) {
        return unprocessable(e, "Cannot verify " + e.customerType().map(CustomerType::code).orElse("the") + " customer: ");
    }

    private static ResponseEntity<Map<String, Object>> unprocessable(RegistryException e, String prefix) {
        Map<String, Object> body = BlaaizFace.error(sentence(prefix + render(e)));
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (Violation violation : e.violations()) {
            errors.computeIfAbsent(BlaaizFields.name(violation.path()), path -> new ArrayList<>())
                    .add(sentence(prefix + BlaaizWording.render(violation)));
        }
        body.put("errors", errors);
        return ResponseEntity.unprocessableContent().body(body);
    }

    @ExceptionHandler(ActionRefusedException.class)
    ResponseEntity<Map<String, Object>> refused(ActionRefusedException e) {
        return ResponseEntity.badRequest().body(BlaaizFace.error(render(e)));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(BlaaizFace.error(render(e)));
    }

    @ExceptionHandler(InvalidWebhookUrlException.class)
    ResponseEntity<Map<String, Object>> invalidWebhookUrl(InvalidWebhookUrlException e) {
        return ResponseEntity.badRequest().body(BlaaizFace.error("Invalid webhook URL format"));
    }

    @ExceptionHandler(WebhookNotFoundException.class)
    ResponseEntity<Map<String, Object>> noWebhook(WebhookNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(BlaaizFace.error("No webhook URLs configured"));
    }

    /** The first problem, with this face's field names; documented messages are kept exactly as written. */
    static String render(RegistryException e) {
        return BlaaizWording.render(e.first());
    }

    /** Validation messages are sentences: end one with a full stop unless it ends a sentence already. */
    static String sentence(String text) {
        return text.endsWith(".") || text.endsWith("?") || text.endsWith("!") ? text : text + ".";
    }
}
