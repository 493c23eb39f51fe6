package dev.kyra.face.allawee;

import dev.kyra.customer.CustomerQueries;
import dev.kyra.query.InvalidQueryException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The names a client filters and sorts customers by (allawee.md §4.B: dot paths into the customer
 * object), and the core attribute each stands for. Values of some fields are translated too: a
 * {@code cus.} id becomes its key, {@code corporate} becomes {@code business}.
 */
final class AllaweeQueryFields {

    /** A client-facing field: the core attribute it maps to, and how its values are translated. */
    record Mapping(String attribute, UnaryOperator<String> value) {
    }

    private static final Map<String, Mapping> FIELDS = new HashMap<>();

    static {
        FIELDS.put("id", new Mapping("object_id", AllaweeQueryFields::customerKey));
        FIELDS.put("name", plain("name"));
        FIELDS.put("reference", plain("reference"));
        FIELDS.put("type", new Mapping("type", value -> "corporate".equals(value) ? "business" : value));
        FIELDS.put("status", plain("status"));
        FIELDS.put("createdAt", plain("created_at"));
        FIELDS.put("updatedAt", plain("updated_at"));
        FIELDS.put("verifications", plain("tiers"));
        FIELDS.put("verifications.type", plain("tiers"));
        FIELDS.put("verifications.status", plain("tier_statuses"));
        for (AllaweeFields.Group group : AllaweeFields.GROUPS) {
            for (AllaweeFields.Name name : group.fields()) {
                String path = "claims." + group.json() + (name.json().isEmpty() ? "" : "." + name.json());
                FIELDS.put(path, plain(CustomerQueries.nameOf(name.field())));
            }
        }
    }

    private AllaweeQueryFields() {
    }

    /** The mapping of a client's field, {@code metadata.*} included. */
    static Mapping of(String field, String parameter) {
        if (field.startsWith("metadata.")) {
            return plain(field);
        }
        return Optional.ofNullable(FIELDS.get(field))
                .orElseThrow(() -> new InvalidQueryException(parameter, "unknown field '" + field + "'"));
    }

    /** Translates a {@code cus.} id for the core, which takes the base58 key alone. */
    static String customerKey(String id) {
        return AllaweeIds.customerKey(id).orElseThrow(() -> new InvalidQueryException("filter", "'" + id + "' is not a customer id"));
    }

    static List<String> selectable() {
        return List.of("name", "reference", "type", "status", "claims", "verifications", "metadata", "createdAt", "updatedAt");
    }

    private static Mapping plain(String attribute) {
        return new Mapping(attribute, UnaryOperator.identity());
    }
}
