package dev.kyra.face.allawee;

import static dev.kyra.profile.CustomerFields.COUNTRY;
import static dev.kyra.profile.CustomerFields.STATE;

import dev.kyra.customer.Customer;
import dev.kyra.customer.CustomerDetails;
import dev.kyra.customer.TierRequest;
import dev.kyra.profile.Field;
import dev.kyra.profile.FieldValues;
import dev.kyra.validation.Subdivisions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.util.RawValue;

/** Renders customers as Allawee customer objects (allawee.md §3.6, decisions A6, A7, A9). */
final class AllaweeCustomerWriter {

    /** ISO-8601 UTC with milliseconds: {@code 2023-03-14T23:21:12.882Z} (allawee.md §3.3). */
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private AllaweeCustomerWriter() {
    }

    /** Keys in the order of the spec's samples: the customer's fields, then timestamps, id and object. */
    static Map<String, Object> customer(CustomerDetails details) {
        Customer customer = details.customer();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", customer.displayName());
        json.put("reference", customer.reference());
        json.put("type", customer.type().code());
        json.put("status", customer.status().code());
        json.put("claims", claims(customer));
        json.put("verifications", details.verifications().stream().map(AllaweeCustomerWriter::verification).toList());
        // written back exactly as it was sent: key order, number forms and all
        json.put("metadata", new RawValue(customer.metadata()));
        json.put("createdAt", timestamp(customer.createdAt()));
        json.put("updatedAt", timestamp(customer.updatedAt()));
        json.put("id", AllaweeIds.of(customer));
        json.put("object", "customer");
        return json;
    }

    static String timestamp(Instant instant) {
        return MILLIS.format(instant);
    }

    /** The claims groups of the customer's type that hold anything; a present group lists all its fields. */
    private static Map<String, Object> claims(Customer customer) {
        Map<String, Object> claims = new LinkedHashMap<>();
        for (AllaweeFields.Group group : AllaweeFields.groupsOf(customer.type())) {
            if (group.isList()) {
                Object list = customer.profile().get(group.fields().get(0).field());
                if (list instanceof List<?> items && !items.isEmpty()) {
                    claims.put(group.json(), items);
                }
                continue;
            }
            if (group.fields().stream().anyMatch(name -> customer.profile().get(name.field()) != null)) {
                Map<String, Object> values = new LinkedHashMap<>();
                group.fields().forEach(name -> values.put(name.json(), value(customer.profile(), name.field())));
                claims.put(group.json(), values);
            }
        }
        return claims;
    }

    private static Object value(FieldValues profile, Field<?> field) {
        Object value = profile.get(field);
        if (field == STATE && value instanceof String state) {
            // a state set through the Blaaiz face may be a name ("Lagos"): shown as its code when it has one
            return Subdivisions.resolve(profile.get(COUNTRY), state).orElse(state);
        }
        return value instanceof LocalDate date ? date.toString() : value;
    }

    private static Map<String, Object> verification(TierRequest verification) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", verification.tier().code());
        json.put("status", verification.status().code());
        return json;
    }
}
