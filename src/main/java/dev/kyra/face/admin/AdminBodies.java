package dev.kyra.face.admin;

import dev.kyra.web.JsonBody;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an admin request's body (already read by the strict JSON reader of {@code web}) into the
 * endpoint's request record, and checks it with Bean Validation. The binding is strict: a key the
 * record does not have, or a value of another JSON type than its component's, is a 400 naming it; a
 * value of the right type that breaks a rule is a 422 with the rule's message.
 */
@Component
class AdminBodies {

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfigDefaults(config -> {
                for (CoercionInputShape shape : CoercionInputShape.values()) {
                    config.setCoercion(shape, CoercionAction.Fail); // "true" is not true, 1 is not "1"
                }
            })
            .build();

    private final Validator validator;

    AdminBodies(Validator validator) {
        this.validator = validator;
    }

    /** @param fields what the body's keys are called in an error: "field" or, for the settings, "setting" */
    <T> T read(JsonBody body, Class<T> type, String fields) {
        T request;
        try {
            request = STRICT.treeToValue(body.object(), type);
        } catch (UnrecognizedPropertyException e) {
            throw new AdminInputException(HttpStatus.BAD_REQUEST, "Unknown " + fields + " " + e.getPropertyName()
                    + "; the " + fields + "s are " + e.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", ")) + ".");
        } catch (MismatchedInputException e) {
            String name = e.getPath().isEmpty() ? "the body" : e.getPath().getLast().getPropertyName();
            throw new AdminInputException(HttpStatus.BAD_REQUEST, name + " must be " + kindOf(e.getTargetType()) + ".");
        } catch (JacksonException e) {
            throw new AdminInputException(HttpStatus.BAD_REQUEST, "The body does not fit this endpoint.");
        }
        Set<ConstraintViolation<T>> problems = validator.validate(request);
        if (!problems.isEmpty()) {
            // one message, and the same one whichever rule the validator met first
            throw new AdminInputException(problems.stream().map(ConstraintViolation::getMessage)
                    .min(Comparator.naturalOrder()).orElseThrow());
        }
        return request;
    }

    private static String kindOf(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type != null && java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "of another type";
    }
}
