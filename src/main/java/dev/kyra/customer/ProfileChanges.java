package dev.kyra.customer;

import dev.kyra.events.FieldChange;
import dev.kyra.profile.Field;
import dev.kyra.profile.FieldValues;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The field changes an event records, with personal values masked ({@link Field#isPersonal()}). */
final class ProfileChanges {

    private ProfileChanges() {
    }

    /** How the given fields differ from {@code before} to {@code after}. */
    static List<FieldChange> between(FieldValues before, FieldValues after, Collection<Field<?>> fields) {
        List<FieldChange> changes = new ArrayList<>();
        for (Field<?> field : fields) {
            changes.add(of(field, before.get(field), after.get(field)));
        }
        return changes;
    }

    /** Every value of a new record, each as set from nothing. */
    static List<FieldChange> added(FieldValues values) {
        return between(FieldValues.empty(), values, values.fields());
    }

    static FieldChange of(Field<?> field, Object from, Object to) {
        return field.isPersonal() ? FieldChange.masked(field.key(), from, to) : FieldChange.of(field.key(), from, to);
    }
}
