package dev.kyra.face.blaaiz;

import dev.kyra.customer.CustomerService;
import dev.kyra.customer.SubmissionService;
import dev.kyra.profile.Violation;
import java.util.Map;

/**
 * The registry's problems in this face's words: its field names, and for the problems the core names
 * by a code, the sentences Blaaiz's own clients know (which name this face's endpoints).
 */
final class BlaaizWording {

    private static final Map<String, String> TEMPLATES = Map.of(
            CustomerService.KYB_SCOPE_READ_ONLY, "{field} is read-only here; upgrade a MINIMAL business with upgrade-kyb-scope",
            SubmissionService.LEGACY_FILES_FOR_INDIVIDUALS,
            "These file endpoints are for individual customers; businesses use KYB documents and owner files.");

    private BlaaizWording() {
    }

    static String render(Violation violation) {
        String template = violation.code() == null ? null : TEMPLATES.get(violation.code());
        return (template == null ? violation : violation.worded(template)).render(BlaaizFields::name);
    }
}
