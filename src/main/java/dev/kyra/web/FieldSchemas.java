package dev.kyra.web;

import dev.kyra.profile.Field;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

/** The OpenAPI schema of a core field, whatever a face calls it: its type, its allowed values, its length. */
public final class FieldSchemas {

    private FieldSchemas() {
    }

    public static Schema<?> of(Field<?> field) {
        Class<?> type = field.type();
        Schema<?> schema;
        if (type == LocalDate.class) {
            schema = new StringSchema().format("date");
        } else if (type == Long.class) {
            schema = new Schema<>().type("integer").format("int64");
        } else if (type == BigDecimal.class) {
            schema = new Schema<>().type("number");
        } else if (type == Boolean.class) {
            schema = new Schema<>().type("boolean");
        } else {
            StringSchema text = new StringSchema();
            field.allowedValues().ifPresent(values -> text._enum(List.copyOf(new TreeSet<>(values))));
            field.maxLength().ifPresent(text::maxLength);
            schema = text;
        }
        return schema.nullable(true);
    }
}
