package dev.kyra.profile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Values of fields, by field. Used two ways: as a stored profile (no field maps to null) and as a
 * patch, where a field mapped to null means "clear it" and a field that is absent means "leave it".
 */
public final class FieldValues {

    private static final FieldValues EMPTY = new FieldValues(Map.of());

    private final Map<Field<?>, Object> values;

    private FieldValues(Map<Field<?>, Object> values) {
        this.values = values;
    }

    public static FieldValues empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The value, or null when the field is absent or cleared. */
    public <T> T get(Field<T> field) {
        return field.type().cast(values.get(field));
    }

    /** Whether the field is present, with a value or as an explicit null. */
    public boolean mentions(Field<?> field) {
        return values.containsKey(field);
    }

    public Set<Field<?>> fields() {
        return Collections.unmodifiableSet(values.keySet());
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** This profile with the patch applied: set fields replaced, cleared fields removed. */
    public FieldValues with(FieldValues patch) {
        Map<Field<?>, Object> merged = new LinkedHashMap<>(values);
        patch.values.forEach((field, value) -> {
            if (value == null) {
                merged.remove(field);
            } else {
                merged.put(field, value);
            }
        });
        return new FieldValues(Collections.unmodifiableMap(merged));
    }

    /** The fields of the patch whose value differs from this profile's: what it would really change. */
    public Set<Field<?>> changedBy(FieldValues patch) {
        Set<Field<?>> changed = new LinkedHashSet<>();
        patch.values.forEach((field, value) -> {
            if (!sameValue(values.get(field), value)) {
                changed.add(field);
            }
        });
        return changed;
    }

    /** Only the given fields of this patch. */
    public FieldValues restrictedTo(Set<Field<?>> fields) {
        Map<Field<?>, Object> kept = new LinkedHashMap<>();
        values.forEach((field, value) -> {
            if (fields.contains(field)) {
                kept.put(field, value);
            }
        });
        return new FieldValues(Collections.unmodifiableMap(kept));
    }

    private static boolean sameValue(Object stored, Object patched) {
        if (stored instanceof java.math.BigDecimal a && patched instanceof java.math.BigDecimal b) {
            return a.compareTo(b) == 0; // 60 and 60.00 are the same percentage
        }
        return Objects.equals(stored, patched);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldValues that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "FieldValues" + values.keySet(); // keys only: values may be personal data
    }

    public static final class Builder {

        private final Map<Field<?>, Object> values = new LinkedHashMap<>();

        private Builder() {
        }

        public <T> Builder set(Field<T> field, T value) {
            values.put(field, value);
            return this;
        }

        /** For values whose type was checked against {@link Field#type()} by the caller. */
        public Builder setChecked(Field<?> field, Object value) {
            if (value != null && !field.type().isInstance(value)) {
                throw new IllegalArgumentException(field + " takes " + field.type().getSimpleName());
            }
            values.put(field, value);
            return this;
        }

        public Builder clear(Field<?> field) {
            values.put(field, null);
            return this;
        }

        public FieldValues build() {
            return new FieldValues(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
        }
    }
}
