package dev.kyra.customer.internal;

import dev.kyra.profile.Field;
import dev.kyra.profile.FieldValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stores a profile as a JSON object keyed by {@link Field#key()}. The format is Kyra's own and does
 * not follow either face's JSON, so a face can rename its fields without a migration.
 */
public final class ProfileCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProfileCodec() {
    }

    public static String encode(FieldValues profile) {
        ObjectNode object = JSON.createObjectNode();
        for (Field<?> field : profile.fields()) {
            Object value = profile.get(field);
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

    public static FieldValues decode(String json, Function<String, Optional<Field<?>>> fieldsByKey) {
        FieldValues.Builder profile = FieldValues.builder();
        JsonNode object = JSON.readTree(json);
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            JsonNode node = entry.getValue();
            // a key this version does not know (written by a newer one) is skipped, not fatal
            fieldsByKey.apply(entry.getKey()).filter(field -> !node.isNull())
                    .ifPresent(field -> profile.setChecked(field, read(field.type(), node)));
        }
        return profile.build();
    }

    private static Object read(Class<?> type, JsonNode node) {
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
