package dev.kyra.face.allawee;

import dev.kyra.customer.CustomerQueries;
import dev.kyra.query.InvalidQueryException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The names a client filters, sorts and selects one kind of listed record by (allawee.md §4.B: dot
 * paths into the record's JSON), and the core attribute each stands for. Values of some fields are
 * translated too: a prefixed id ({@code cus.}, {@code evt.}, {@code wh.}) becomes its base58 key,
 * {@code corporate} becomes {@code business}.
 */
final class AllaweeQueryFields {

    /** A client-facing field: the core attribute it maps to, and how its values are translated. */
    record Mapping(String attribute, UnaryOperator<String> value) {
    }

    static final AllaweeQueryFields CUSTOMERS = customers();
    static final AllaweeQueryFields EVENTS = events();
    static final AllaweeQueryFields WEBHOOKS = webhooks();
    static final AllaweeQueryFields REQUESTS = requests();

    /** What the records are called in messages ("a customer id"). */
    private final String record;
    private final String idPrefix;
    private final Map<String, Mapping> fields;
    private final List<String> selectable;
    /** Whether {@code metadata.*} paths filter (the records keep client metadata). */
    private final boolean metadata;

    private AllaweeQueryFields(String record, String idPrefix, Map<String, Mapping> fields, List<String> selectable,
                               boolean metadata) {
        this.record = record;
        this.idPrefix = idPrefix;
        this.fields = Map.copyOf(fields);
        this.selectable = List.copyOf(selectable);
        this.metadata = metadata;
    }

    /** The mapping of a client's field. */
    Mapping of(String field, String parameter) {
        if (metadata && field.startsWith("metadata.")) {
            return plain(field);
        }
        return Optional.ofNullable(fields.get(field))
                .orElseThrow(() -> new InvalidQueryException(parameter, "unknown field '" + field + "'"));
    }

    /** The base58 key of one of these records' ids, for a cursor; the parameter names the error. */
    String cursorKey(String id, String parameter) {
        return AllaweeIds.key(idPrefix, id)
                .orElseThrow(() -> new InvalidQueryException(parameter, "'" + id + "' is not " + article() + " id"));
    }

    List<String> selectable() {
        return selectable;
    }

    private String article() {
        return (record.matches("[aeiou].*") ? "an " : "a ") + record;
    }

    private static AllaweeQueryFields customers() {
        Map<String, Mapping> fields = new HashMap<>();
        fields.put("id", new Mapping("object_id", key(AllaweeIds.CUSTOMER_PREFIX, "a customer id")));
        fields.put("name", plain("name"));
        fields.put("reference", plain("reference"));
        fields.put("type", new Mapping("type", value -> "corporate".equals(value) ? "business" : value));
        fields.put("status", plain("status"));
        fields.put("createdAt", plain("created_at"));
        fields.put("updatedAt", plain("updated_at"));
        fields.put("verifications", plain("tiers"));
        fields.put("verifications.type", plain("tiers"));
        fields.put("verifications.status", plain("tier_statuses"));
        for (AllaweeFields.Group group : AllaweeFields.GROUPS) {
            for (AllaweeFields.Name name : group.fields()) {
                String path = "claims." + group.json() + (name.json().isEmpty() ? "" : "." + name.json());
                fields.put(path, plain(CustomerQueries.nameOf(name.field())));
            }
        }
        return new AllaweeQueryFields("customer", AllaweeIds.CUSTOMER_PREFIX, fields, List.of("name", "reference", "type",
                "status", "claims", "verifications", "metadata", "createdAt", "updatedAt"), true);
    }

    private static AllaweeQueryFields events() {
        Map<String, Mapping> fields = new HashMap<>();
        fields.put("id", new Mapping("object_id", key(AllaweeIds.EVENT_PREFIX, "an event id")));
        fields.put("event", plain("event"));
        fields.put("status", plain("status"));
        fields.put("webhook", new Mapping("webhook", key(AllaweeIds.WEBHOOK_PREFIX, "a webhook id")));
        fields.put("url", plain("url"));
        fields.put("createdAt", plain("created_at"));
        fields.put("updatedAt", plain("updated_at"));
        return new AllaweeQueryFields("event", AllaweeIds.EVENT_PREFIX, fields, List.of("event", "data", "webhook", "url",
                "status", "attempts", "sentAt", "createdAt", "updatedAt"), false);
    }

    private static AllaweeQueryFields webhooks() {
        Map<String, Mapping> fields = new HashMap<>();
        fields.put("id", new Mapping("object_id", key(AllaweeIds.WEBHOOK_PREFIX, "a webhook id")));
        fields.put("name", plain("name"));
        fields.put("url", plain("url"));
        fields.put("events", plain("events"));
        fields.put("status", plain("status"));
        fields.put("apiVersion", plain("api_version"));
        fields.put("createdAt", plain("created_at"));
        fields.put("updatedAt", plain("updated_at"));
        return new AllaweeQueryFields("webhook", AllaweeIds.WEBHOOK_PREFIX, fields, List.of("name", "events", "url",
                "apiVersion", "description", "metadata", "status", "createdAt", "updatedAt"), false);
    }

    private static AllaweeQueryFields requests() {
        Map<String, Mapping> fields = new HashMap<>();
        fields.put("id", plain("id"));
        fields.put("method", new Mapping("method", value -> value.toUpperCase(java.util.Locale.ROOT)));
        fields.put("path", plain("path"));
        fields.put("status", plain("status"));
        fields.put("statusCode", plain("status_code"));
        fields.put("attempts.statusCode", plain("status_code"));
        fields.put("createdAt", plain("created_at"));
        return new AllaweeQueryFields("request", AllaweeIds.REQUEST_PREFIX, fields, List.of("method", "path", "apiVersion",
                "status", "attempts", "source", "createdAt"), false);
    }

    private static UnaryOperator<String> key(String prefix, String what) {
        return id -> AllaweeIds.key(prefix, id).orElseThrow(() -> new InvalidQueryException("filter", "'" + id + "' is not " + what));
    }

    private static Mapping plain(String attribute) {
        return new Mapping(attribute, UnaryOperator.identity());
    }
}
