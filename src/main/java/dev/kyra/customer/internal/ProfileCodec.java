package dev.kyra.customer.internal;

import dev.kyra.personal.BlindIndexes;
import dev.kyra.personal.DataKey;
import dev.kyra.platform.Tenant;
import dev.kyra.profile.Field;
import dev.kyra.profile.FieldValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stores a profile as a JSON object keyed by {@link Field#key()}. The format is Kyra's own and does
 * not follow either face's JSON, so a face can rename its fields without a migration.
 *
 * <p>This is the one place personal data is sealed (decision D11): the value of a
 * {@linkplain Field#isSealed() sealed} field is stored as {@code {"sealed": <base64 ciphertext>}},
 * encrypted by the customer's data key and bound to the field's place, and with
 * {@code "index": <blind index>} beside it when the field is looked up or unique by value. A plain
 * string where a sealed field is stored was written before encryption existed; it is read as it is
 * and sealed when next written (or by {@code LegacyPlaintextSweep} at start-up).
 */
@Component
public class ProfileCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SEALED = "sealed";
    private static final String INDEX = "index";
    private static final String PLAIN = "value";

    private final BlindIndexes blindIndexes;

    ProfileCodec(BlindIndexes blindIndexes) {
        this.blindIndexes = blindIndexes;
    }

    /**
     * How one profile's sealed fields are kept: by whose key, in which tenant (the blind index's), and
     * under which place (empty for a customer's own fields, {@code owner/<id>/} for an owner's).
     */
    public record Sealing(DataKey key, Tenant tenant, String place) {

        static Sealing customer(DataKey key, Tenant tenant) {
            return new Sealing(key, tenant, "");
        }
    }

    public String encode(FieldValues profile, Sealing sealing) {
        ObjectNode object = JSON.createObjectNode();
        for (Field<?> field : profile.fields()) {
            Object value = profile.get(field);
            if (value != null && field.isSealed() && (sealing.key() != null || field.hasBlindIndex())) {
                String plain = plainText(value);
                ObjectNode sealed = object.putObject(field.key());
                if (sealing.key() != null) {
                    sealed.put(SEALED, sealing.key().seal(sealing.place() + field.key(), plain));
                } else {
                    sealed.put(PLAIN, plain); // encryption off: the look-ups still go by the blind index
                }
                if (field.hasBlindIndex()) {
                    sealed.put(INDEX, blindIndexes.of(sealing.tenant(), field.key(), plain));
                }
                continue;
            }
            switch (value) {
                case null -> object.putNull(field.key());
                case String text -> object.put(field.key(), text);
                case LocalDate date -> object.put(field.key(), date.toString());
                case Long number -> object.put(field.key(), number);
                case BigDecimal number -> object.put(field.key(), number);
                case Boolean flag -> object.put(field.key(), flag);
                case List<?> list -> {
                    ArrayNode array = object.putArray(field.key());
                    list.forEach(item -> array.add(String.valueOf(item)));
                }
                default -> throw new IllegalArgumentException("cannot store a " + value.getClass() + " in " + field);
            }
        }
        return JSON.writeValueAsString(object);
    }

    /** What a blind-indexed field's column holds for {@code value}: the value to look it up by. */
    public String blindIndex(Tenant tenant, Field<?> field, String value) {
        if (!field.hasBlindIndex()) {
            throw new IllegalArgumentException(field + " has no blind index");
        }
        return blindIndexes.of(tenant, field.key(), value);
    }

    public FieldValues decode(String json, Function<String, Optional<Field<?>>> fieldsByKey, Sealing sealing) {
        FieldValues.Builder profile = FieldValues.builder();
        JsonNode object = JSON.readTree(json);
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            JsonNode node = entry.getValue();
            // a key this version does not know (written by a newer one) is skipped, not fatal
            fieldsByKey.apply(entry.getKey()).filter(field -> !node.isNull())
                    .ifPresent(field -> profile.setChecked(field, read(field, node, sealing)));
        }
        return profile.build();
    }

    private static Object parse(Field<?> field, String plain) {
        return field.type() == LocalDate.class ? LocalDate.parse(plain) : plain;
    }

    private static String plainText(Object value) {
        return value instanceof LocalDate date ? date.toString() : (String) value;
    }

    private static Object read(Field<?> field, JsonNode node, Sealing sealing) {
        if (node.isObject() && node.has(PLAIN)) {
            return parse(field, node.get(PLAIN).stringValue());
        }
        if (node.isObject() && node.has(SEALED)) {
            if (sealing.key() == null) {
                throw new IllegalStateException(field + " is sealed, but its customer has no data key");
            }
            return parse(field, sealing.key().open(sealing.place() + field.key(), node.get(SEALED).stringValue()));
        }
        Class<?> type = field.type();
        if (type == String.class) {
            return node.stringValue();
        }
        if (type == LocalDate.class) {
            return LocalDate.parse(node.stringValue());
        }
        if (type == Long.class) {
            return node.longValue();
        }
        if (type == BigDecimal.class) {
            return node.decimalValue();
        }
        if (type == Boolean.class) {
            return node.booleanValue();
        }
        if (type == List.class) {
            List<String> items = new ArrayList<>();
            node.values().forEach(item -> items.add(item.stringValue()));
            return List.copyOf(items);
        }
        throw new IllegalArgumentException("no stored form for " + type);
    }
}
