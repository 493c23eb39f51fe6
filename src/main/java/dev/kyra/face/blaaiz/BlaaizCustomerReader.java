package dev.kyra.face.blaaiz;

import static dev.kyra.profile.CustomerFields.COUNTRY;
import static dev.kyra.profile.CustomerFields.ID_TYPE;
import static dev.kyra.profile.CustomerFields.INCORPORATION_COUNTRY;

import dev.kyra.customer.CustomerChanges;
import dev.kyra.customer.KybScope;
import dev.kyra.customer.NewCustomer;
import dev.kyra.customer.OwnerChange;
import dev.kyra.profile.Attribute;
import dev.kyra.profile.CustomerType;
import dev.kyra.profile.Field;
import dev.kyra.profile.FieldPath;
import dev.kyra.profile.FieldValues;
import dev.kyra.profile.InvalidInputException;
import dev.kyra.profile.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads Blaaiz customer requests into core commands. It only deals with JSON: names, JSON types and
 * this face's own value limits. Keys it does not know are ignored (decision D4); every rule about
 * customers is left to the core.
 */
final class BlaaizCustomerReader {

    private static final String TYPE = "type";
    private static final String KYB_SCOPE = "kyb_scope";
    private static final String OWNERS = "owners";
    private static final String OWNER_ID = "id";

    private BlaaizCustomerReader() {
    }

    static NewCustomer newCustomer(ObjectNode body) {
        List<Violation> problems = new ArrayList<>();
        CustomerType type = type(body, problems)
                .orElseThrow(() -> new InvalidInputException(problems.isEmpty()
                        ? List.of(Violation.of(FieldPath.of(Attribute.TYPE), "{field} is required")) : problems));
        FieldValues profile = profile(body, problems);
        KybScope kybScope = kybScope(body, problems);
        List<OwnerChange> owners = owners(body, problems);
        throwIfAny(problems);
        if (type == CustomerType.BUSINESS && !profile.mentions(COUNTRY) && profile.get(INCORPORATION_COUNTRY) != null) {
            // older clients omit a business's country; it can only equal the incorporation country
            profile = profile.with(FieldValues.builder().set(COUNTRY, profile.get(INCORPORATION_COUNTRY)).build());
        }
        return NewCustomer.of(type, profile, kybScope, owners == null ? List.of()
                : owners.stream().map(OwnerChange::values).toList(), BlaaizFields.REQUIRED_ON_CREATE.get(type));
    }

    /** A partial update; the fields required at creation may be left out but not cleared. */
    static CustomerChanges changes(ObjectNode body) {
        List<Violation> problems = new ArrayList<>();
        CustomerType type = body.has(TYPE) ? type(body, problems).orElse(null) : null;
        FieldValues profile = profile(body, problems);
        List<OwnerChange> owners = owners(body, problems);
        throwIfAny(problems);
        List<Field<?>> required = BlaaizFields.REQUIRED_ON_CREATE.values().stream().flatMap(List::stream).distinct().toList();
        return CustomerChanges.of(type, profile, body.has(KYB_SCOPE), owners, required);
    }

    private static Optional<CustomerType> type(ObjectNode body, List<Violation> problems) {
        JsonNode node = body.get(TYPE);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        Optional<CustomerType> type = node.isString()
                ? CustomerType.fromCode(node.stringValue().strip().toLowerCase(java.util.Locale.ROOT)) : Optional.empty();
        if (type.isEmpty()) {
            problems.add(Violation.of(FieldPath.of(Attribute.TYPE), "{field} must be one of: business, individual"));
        }
        return type;
    }

    private static KybScope kybScope(ObjectNode body, List<Violation> problems) {
        JsonNode node = body.get(KYB_SCOPE);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isString()) {
            for (KybScope scope : KybScope.values()) {
                if (scope.name().equals(node.stringValue().strip())) {
                    return scope;
                }
            }
        }
        problems.add(Violation.of(FieldPath.of(Attribute.KYB_SCOPE), "{field} must be one of: FULL, MINIMAL"));
        return null;
    }

    private static FieldValues profile(ObjectNode body, List<Violation> problems) {
        FieldValues values = fields(body, BlaaizFields::customerField, FieldPath::of, problems);
        String idType = values.get(ID_TYPE);
        if (idType != null && !BlaaizFields.ID_TYPES.contains(idType)) {
            problems.add(Violation.of(ID_TYPE, "{field} must be one of: " + String.join(", ", new TreeSet<>(BlaaizFields.ID_TYPES))
                    + " (national ID cards are not accepted)"));
        }
        return values;
    }

    /** The owners array, or null when the request has none. */
    static List<OwnerChange> owners(ObjectNode body, List<Violation> problems) {
        JsonNode node = body.get(OWNERS);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            problems.add(Violation.of(FieldPath.of(Attribute.OWNERS), "{field} must be an array"));
            return null;
        }
        List<OwnerChange> owners = new ArrayList<>();
        for (int index = 0; index < node.size(); index++) {
            int position = index;
            JsonNode entry = node.get(index);
            if (!(entry instanceof ObjectNode owner)) {
                problems.add(Violation.of(new FieldPath(List.of(Attribute.OWNERS, index)), "{field} must be an object"));
                continue;
            }
            // status and admin_comments are the reviewers' to set: sent by a client they are ignored (spec §3.3)
            FieldValues values = fields(owner, BlaaizFields::ownerField, field -> FieldPath.owner(position, field), problems);
            owners.add(new OwnerChange(ownerId(owner, position, problems), values));
        }
        return owners;
    }

    private static String ownerId(ObjectNode owner, int index, List<Violation> problems) {
        JsonNode id = owner.get(OWNER_ID);
        if (id == null || id.isNull()) {
            return null;
        }
        if (!id.isString()) {
            problems.add(Violation.of(FieldPath.owner(index, Attribute.OWNER_ID), "{field} must be a string"));
            return null;
        }
        return id.stringValue().strip();
    }

    static FieldValues fields(ObjectNode object, Function<String, Optional<Field<?>>> lookup,
                                      Function<Field<?>, FieldPath> pathOf, List<Violation> problems) {
        FieldValues.Builder values = FieldValues.builder();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            lookup.apply(entry.getKey()).ifPresent(field -> {
                Object value = BlaaizJsonValues.read(field, entry.getValue(), pathOf.apply(field), problems);
                if (value != BlaaizJsonValues.INVALID) {
                    values.setChecked(field, value);
                }
            });
        }
        return values.build();
    }

    static void throwIfAny(List<Violation> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
