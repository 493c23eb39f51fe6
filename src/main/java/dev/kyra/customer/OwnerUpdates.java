package dev.kyra.customer;

import dev.kyra.ids.UuidV7;
import dev.kyra.profile.ActionRefusedException;
import dev.kyra.profile.Attribute;
import dev.kyra.profile.Field;
import dev.kyra.profile.FieldPath;
import dev.kyra.profile.FieldValues;
import dev.kyra.profile.NotFoundException;
import dev.kyra.profile.OwnerFields;
import dev.kyra.profile.ProfileRules;
import dev.kyra.profile.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Works out what an owners array does to a business's stored owners (Blaaiz spec §4.4 rule 9): an
 * entry with an id edits that owner, one without adds an owner, owners not mentioned are kept, and
 * there are never more than five. Entries that would change nothing are not changes at all, so they
 * pass even on a locked owner.
 */
final class OwnerUpdates {

    static final int MAX_OWNERS = 5;

    final List<Owner> added = new ArrayList<>();
    final List<Owner> edited = new ArrayList<>();
    final List<Violation> violations = new ArrayList<>();

    private OwnerUpdates() {
    }

    boolean changesAnything() {
        return !added.isEmpty() || !edited.isEmpty();
    }

    /**
     * @throws NotFoundException when an entry's id is not one of this customer's owners (decision B2)
     * @throws ActionRefusedException when an entry would change an approved owner or one under review
     */
    static OwnerUpdates plan(UUID customerId, List<Owner> stored, List<OwnerChange> entries, Instant now) {
        OwnerUpdates plan = new OwnerUpdates();
        if (entries.size() > MAX_OWNERS) {
            plan.violations.add(Violation.of(FieldPath.of(Attribute.OWNERS),
                    "{field} must not have more than " + MAX_OWNERS + " entries"));
        }
        Map<UUID, Owner> storedById = new HashMap<>();
        stored.forEach(owner -> storedById.put(owner.id(), owner));
        Set<UUID> seen = new HashSet<>();
        for (int index = 0; index < entries.size(); index++) {
            OwnerChange entry = entries.get(index);
            if (entry.isNew()) {
                plan.add(customerId, index, entry.values(), now);
                continue;
            }
            Owner owner = RecordIds.parse(entry.id()).map(storedById::get).orElseThrow(NotFoundException::owner);
            if (!seen.add(owner.id())) {
                plan.violations.add(Violation.of(FieldPath.owner(index, Attribute.OWNER_ID), "{field} appears more than once"));
                continue;
            }
            plan.edit(owner, index, entry.values(), now);
        }
        if (stored.size() + plan.added.size() > MAX_OWNERS) {
            plan.violations.add(Violation.of(FieldPath.of(Attribute.OWNERS),
                    "A business customer can have at most " + MAX_OWNERS + " owners"));
        }
        return plan;
    }

    /** The owners given when a business is created: all new. */
    static OwnerUpdates forNewCustomer(UUID customerId, List<FieldValues> owners, Instant now) {
        return plan(customerId, List.of(), owners.stream().map(values -> new OwnerChange(null, values)).toList(), now);
    }

    private void add(UUID customerId, int index, FieldValues values, Instant now) {
        FieldValues profile = FieldValues.empty().with(values);
        violations.addAll(checked(index, profile, values));
        added.add(new Owner(UuidV7.next(), customerId, ReviewStatus.PENDING, null, profile, null, null, now, now));
    }

    private void edit(Owner owner, int index, FieldValues values, Instant now) {
        Set<Field<?>> changed = owner.profile().changedBy(values);
        if (changed.isEmpty()) {
            return;
        }
        EditLocks.checkOwnerEditable(owner);
        FieldValues profile = owner.profile().with(values);
        violations.addAll(checked(index, profile, values.restrictedTo(changed)));
        edited.add(owner.edited(profile, now));
    }

    private static List<Violation> checked(int index, FieldValues profile, FieldValues given) {
        List<Violation> found = new ArrayList<>();
        for (Field<?> field : OwnerFields.REQUIRED) {
            if (profile.get(field) == null) {
                found.add(Violation.of(FieldPath.owner(index, field), "{field} is required"));
            }
        }
        found.addAll(ProfileRules.values(given, field -> FieldPath.owner(index, field)));
        return found;
    }
}
