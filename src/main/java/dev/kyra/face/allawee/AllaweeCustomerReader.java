package dev.kyra.face.allawee;

import static dev.kyra.profile.CustomerFields.BUSINESS_NAME;
import static dev.kyra.profile.CustomerFields.COUNTRY;
import static dev.kyra.profile.CustomerFields.ID_TYPE;
import static dev.kyra.profile.CustomerFields.NAME;
import static dev.kyra.profile.CustomerFields.STATE;

import dev.kyra.customer.CustomerChanges;
import dev.kyra.customer.NewCustomer;
import dev.kyra.customer.Tier;
import dev.kyra.profile.Attribute;
import dev.kyra.profile.CustomerType;
import dev.kyra.profile.Field;
import dev.kyra.profile.FieldPath;
import dev.kyra.profile.FieldValues;
import dev.kyra.profile.InvalidInputException;
import dev.kyra.profile.Violation;
import dev.kyra.validation.Subdivisions;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads Allawee customer requests into core commands (allawee.md §3.4-§3.5, decisions A2-A4, A8-A10).
 * Only JSON concerns live here: names, JSON types, this face's value forms (flexible dates, state
 * names) and its own limits. Unknown keys are ignored (decision D4).
 */
final class AllaweeCustomerReader {

    private static final int MAX_REFERENCE_LENGTH = 255;
    private static final Pattern FLEXIBLE_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    /** Marks a value that could not be read; the violation explaining why has been recorded. */
    private static final Object INVALID = new Object();

    private final CustomerType type;
    private final boolean replaceGroups;
    private final List<Violation> problems = new ArrayList<>();

    private AllaweeCustomerReader(CustomerType type, boolean replaceGroups) {
        this.type = type;
        this.replaceGroups = replaceGroups;
    }

    static NewCustomer newCustomer(ObjectNode body) {
        CustomerType type = typeOf(body).orElseThrow(() -> new InvalidInputException(
                Violation.of(FieldPath.of(Attribute.TYPE), body.has("type")
                        ? "{field} must be one of: individual, business, corporate" : "{field} is required")));
        AllaweeCustomerReader reader = new AllaweeCustomerReader(type, false);
        FieldValues profile = reader.profile(body);
        String reference = reader.reference(body);
        String metadata = reader.metadata(body);
        List<Tier> tiers = reader.tiers(body);
        reader.throwIfAny();
        if (type == CustomerType.BUSINESS && profile.get(BUSINESS_NAME) == null && profile.get(NAME) != null) {
            // a business's name is its registered name (allawee.md §3.4): the Blaaiz face shows it as business_name
            profile = profile.with(FieldValues.builder().set(BUSINESS_NAME, profile.get(NAME)).build());
        }
        return new NewCustomer(type, profile, null, List.of(), List.of(NAME), reference, metadata, tiers);
    }

    /** A PUT for a customer of the given (stored, immutable) type. */
    static CustomerChanges changes(ObjectNode body, CustomerType storedType) {
        AllaweeCustomerReader reader = new AllaweeCustomerReader(storedType, true);
        CustomerType sentType = null;
        if (body.has("type")) {
            sentType = typeOf(body).orElse(null);
            if (sentType == null) {
                reader.problems.add(Violation.of(FieldPath.of(Attribute.TYPE), "{field} must be one of: individual, business, corporate"));
            }
        }
        FieldValues profile = reader.profile(body);
        String reference = body.has("reference") ? reader.reference(body) : null;
        String metadata = body.has("metadata") ? reader.metadata(body) : null;
        List<Tier> tiers = body.has("verifications") ? reader.tiers(body) : null;
        reader.throwIfAny();
        return new CustomerChanges(sentType, profile, false, null, reference, metadata, tiers, List.of(NAME));
    }

    /** {@code business} and {@code corporate} are both businesses (decision A2). */
    private static java.util.Optional<CustomerType> typeOf(ObjectNode body) {
        JsonNode node = body.get("type");
        if (node == null || !node.isString()) {
            return java.util.Optional.empty();
        }
        String text = node.stringValue().strip().toLowerCase(Locale.ROOT);
        return "corporate".equals(text) ? java.util.Optional.of(CustomerType.BUSINESS) : CustomerType.fromCode(text);
    }

    private FieldValues profile(ObjectNode body) {
        FieldValues.Builder values = FieldValues.builder();
        if (body.has("name")) {
            values.setChecked(NAME, text(body.get("name"), FieldPath.of(NAME)));
        }
        JsonNode claims = body.get("claims");
        if (claims == null || claims.isNull()) {
            return values.build();
        }
        if (!claims.isObject()) {
            problems.add(Violation.general("claims must be an object"));
            return values.build();
        }
        for (AllaweeFields.Group group : AllaweeFields.GROUPS) {
            JsonNode node = claims.get(group.json());
            // the other type's groups are ignored, not refused: Allawee's own update sample sends both kinds
            if (node == null || group.type() != type) {
                continue;
            }
            if (group.isList()) {
                Object list = list(node, group);
                if (list != INVALID) {
                    values.setChecked(group.fields().get(0).field(), list);
                }
            } else if (node.isNull() || node.isObject()) {
                readGroup(group, node, values);
            } else {
                problems.add(Violation.general("claims." + group.json() + " must be an object"));
            }
        }
        return values.build();
    }

    /** Every field of a group that is sent: given values are set, and on update the rest are cleared. */
    private void readGroup(AllaweeFields.Group group, JsonNode object, FieldValues.Builder values) {
        String country = object.isNull() ? null : text(object.get("countryCode"), FieldPath.of(COUNTRY));
        for (AllaweeFields.Name name : group.fields()) {
            JsonNode node = object.isNull() ? null : object.get(name.json());
            if (node == null && !replaceGroups) {
                continue;
            }
            Object value = node == null ? null : value(name.field(), node, country);
            if (value != INVALID) {
                values.setChecked(name.field(), value);
            }
        }
    }

    private Object value(Field<?> field, JsonNode node, String country) {
        FieldPath path = FieldPath.of(field);
        if (field.type() == LocalDate.class) {
            return date(node, path);
        }
        String text = text(node, path);
        if (text == null) {
            return node.isNull() || node.isString() ? null : INVALID;
        }
        if (field == STATE) {
            return state(text, country, path);
        }
        if (field == ID_TYPE && !AllaweeFields.INDIVIDUAL_IDENTITY_TYPES.contains(text)) {
            problems.add(Violation.of(path, "{field} must be one of: "
                    + String.join(", ", new TreeSet<>(AllaweeFields.INDIVIDUAL_IDENTITY_TYPES))));
            return INVALID;
        }
        return text;
    }

    /** An ISO 3166-2 code whose country is the address's, or a legacy state name of that country (A8). */
    private Object state(String text, String country, FieldPath path) {
        java.util.Optional<String> code = Subdivisions.resolve(country, text)
                .or(() -> country == null ? Subdivisions.resolve("NG", text) : java.util.Optional.empty());
        if (code.isEmpty()) {
            problems.add(Violation.of(path, "{field} must be an ISO 3166-2 code"));
            return INVALID;
        }
        if (country != null && !Subdivisions.countryOf(code.get()).equals(country)) {
            problems.add(Violation.of(path, "{field} must be an ISO 3166-2 code of " + country));
            return INVALID;
        }
        return code.get();
    }

    /** {@code YYYY-M-D} or {@code YYYY-MM-DD} (decision A9). */
    private Object date(JsonNode node, FieldPath path) {
        if (node.isNull() || node.isString() && node.stringValue().isBlank()) {
            return null;
        }
        Matcher matcher = node.isString() ? FLEXIBLE_DATE.matcher(node.stringValue().strip()) : null;
        if (matcher != null && matcher.matches()) {
            try {
                return LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                        Integer.parseInt(matcher.group(3)));
            } catch (DateTimeException e) {
                // 1990-02-30 has the shape but is not a date
            }
        }
        problems.add(Violation.of(path, "{field} must be a date such as 1997-02-13"));
        return INVALID;
    }

    private Object list(JsonNode node, AllaweeFields.Group group) {
        if (node.isNull()) {
            return null;
        }
        if (!node.isArray() || node.valueStream().anyMatch(item -> !item.isString())) {
            problems.add(Violation.general("claims." + group.json() + " must be an array of strings"));
            return INVALID;
        }
        return node.valueStream().map(item -> item.stringValue().strip()).toList();
    }

    /** A string, trimmed, with "" meaning null; anything else but null is a violation. */
    private String text(JsonNode node, FieldPath path) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            problems.add(Violation.of(path, "{field} must be a string"));
            return null;
        }
        String text = node.stringValue().strip();
        return text.isEmpty() ? null : text;
    }

    /** The platform's reference: required on create, and never cleared. */
    private String reference(ObjectNode body) {
        FieldPath path = FieldPath.of(Attribute.REFERENCE);
        JsonNode node = body.get("reference");
        if (node != null && !node.isNull() && !node.isString()) {
            problems.add(Violation.of(path, "{field} must be a string"));
            return null;
        }
        String reference = text(node, path);
        if (reference == null) {
            problems.add(Violation.of(path, "{field} is required"));
        } else if (reference.length() > MAX_REFERENCE_LENGTH) {
            problems.add(Violation.of(path, "{field} must not be longer than " + MAX_REFERENCE_LENGTH + " characters"));
        }
        return reference;
    }

    /** Any JSON object, kept as sent; null stands for an empty one. */
    private String metadata(ObjectNode body) {
        JsonNode node = body.get("metadata");
        if (node == null || node.isNull()) {
            return "{}";
        }
        if (!node.isObject()) {
            problems.add(Violation.of(FieldPath.of(Attribute.METADATA), "{field} must be an object"));
            return null;
        }
        return node.toString();
    }

    /** The tiers asked for: {@code ["tier-1"]}, or objects with a {@code type}. */
    private List<Tier> tiers(ObjectNode body) {
        JsonNode node = body.get("verifications");
        List<Tier> tiers = new ArrayList<>();
        if (node == null || node.isNull()) {
            return tiers;
        }
        if (!node.isArray()) {
            problems.add(Violation.of(FieldPath.of(Attribute.TIERS), "{field} must be an array of tiers"));
            return tiers;
        }
        for (int index = 0; index < node.size(); index++) {
            JsonNode item = node.get(index);
            JsonNode code = item.isObject() ? item.get("type") : item;
            java.util.Optional<Tier> tier = code != null && code.isString()
                    ? Tier.fromCode(code.stringValue().strip()) : java.util.Optional.empty();
            if (tier.isPresent()) {
                tiers.add(tier.get());
            } else {
                problems.add(Violation.of(new FieldPath(List.of(Attribute.TIERS, index)),
                        "{field} must be one of: tier-1, tier-2, tier-3"));
            }
        }
        return tiers;
    }

    private void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
