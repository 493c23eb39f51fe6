package dev.kyra.face.blaaiz;

import dev.kyra.customer.CustomerChanges;
import dev.kyra.customer.KybUpgrade;
import dev.kyra.customer.OwnerChange;
import dev.kyra.profile.CustomerFields;
import dev.kyra.profile.DocumentFields;
import dev.kyra.profile.FieldPath;
import dev.kyra.profile.FieldValues;
import dev.kyra.profile.InvalidInputException;
import dev.kyra.profile.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the requests of the verification flow (spec §4.5-§4.13): KYC data, an upgrade to FULL,
 * documents, and file ids by slot. Like {@link BlaaizCustomerReader}, it deals only with JSON.
 */
final class BlaaizLifecycleReader {

    private BlaaizLifecycleReader() {
    }

    /** {@code kyc-data}: the KYC fields only; any other key is ignored (spec §4.5). */
    static CustomerChanges kycData(ObjectNode body) {
        List<Violation> problems = new ArrayList<>();
        FieldValues values = BlaaizCustomerReader.fields(body,
                name -> BlaaizFields.customerField(name).filter(CustomerFields.KYC_DATA::contains), FieldPath::of, problems);
        BlaaizCustomerReader.throwIfAny(problems);
        return CustomerChanges.of(null, values, false, null, List.of());
    }

    /** {@code upgrade-kyb-scope}: new owners (ids are ignored: all are new) and the allowed business fields. */
    static KybUpgrade upgrade(ObjectNode body) {
        List<Violation> problems = new ArrayList<>();
        FieldValues profile = BlaaizCustomerReader.fields(body,
                name -> BlaaizFields.customerField(name).filter(CustomerFields.UPGRADE::contains), FieldPath::of, problems);
        List<OwnerChange> owners = BlaaizCustomerReader.owners(body, problems);
        BlaaizCustomerReader.throwIfAny(problems);
        return new KybUpgrade(owners == null ? null : owners.stream().map(OwnerChange::values).toList(), profile);
    }

    /** A document's fields: type, name, description and file_id. */
    static FieldValues document(ObjectNode body) {
        List<Violation> problems = new ArrayList<>();
        FieldValues values = BlaaizCustomerReader.fields(body, DocumentFields::byKey, FieldPath::of, problems);
        BlaaizCustomerReader.throwIfAny(problems);
        return values;
    }

    /**
     * The file ids of a files request, by slot; slots not sent (or sent as null) are left out.
     *
     * @param slotOf the slot a key names, if it names one
     */
    static <S extends Enum<S>> Map<S, String> fileIds(ObjectNode body, Function<String, Optional<S>> slotOf) {
        List<Violation> problems = new ArrayList<>();
        Map<S, String> ids = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : body.properties()) {
            slotOf.apply(entry.getKey()).ifPresent(slot -> {
                JsonNode value = entry.getValue();
                if (value.isString()) {
                    ids.put(slot, value.stringValue().strip());
                } else if (!value.isNull()) {
                    problems.add(Violation.of(FieldPath.of(slot), "{field} must be a file id (a string)"));
                }
            });
        }
        BlaaizCustomerReader.throwIfAny(problems);
        return ids;
    }

    /**
     * A text the request must carry, such as {@code file_category}.
     *
     * @param part how a problem names it
     */
    static String requiredText(ObjectNode body, String key, Enum<?> part) {
        JsonNode value = body.get(key);
        if (value == null || value.isNull() || (value.isString() && value.stringValue().isBlank())) {
            throw new InvalidInputException(Violation.of(FieldPath.of(part), "{field} is required"));
        }
        if (!value.isString()) {
            throw new InvalidInputException(Violation.of(FieldPath.of(part), "{field} must be a string"));
        }
        return value.stringValue().strip();
    }
}
