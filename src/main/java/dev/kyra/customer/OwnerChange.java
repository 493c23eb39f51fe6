package dev.kyra.customer;

import dev.kyra.profile.FieldValues;

/**
 * One entry of an owners array: with an id it changes that owner, without one it adds an owner.
 *
 * @param id the owner's id as the client sent it (not necessarily a valid UUID), or null
 */
public record OwnerChange(String id, FieldValues values) {

    boolean isNew() {
        return id == null;
    }
}
