package dev.kyra.customer;

import dev.kyra.profile.FieldValues;
import java.util.List;

/**
 * A request to promote a MINIMAL business to FULL.
 *
 * @param owners the new owners (one to five), each with a name and an ownership percentage
 * @param profile changes to the business's fields (augmentations and overrides); a null value clears
 */
public record KybUpgrade(List<FieldValues> owners, FieldValues profile) {

    public KybUpgrade {
        owners = owners == null ? null : List.copyOf(owners);
    }
}
