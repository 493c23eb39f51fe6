package dev.kyra.customer;

import java.util.UUID;

/** How a face names a customer: by its canonical UUID, or by the ObjectId-shaped companion id (D3). */
public sealed interface CustomerRef {

    static CustomerRef id(UUID id) {
        return new ById(id);
    }

    static CustomerRef objectId(byte[] objectId) {
        return new ByObjectId(objectId.clone());
    }

    record ById(UUID id) implements CustomerRef {
    }

    record ByObjectId(byte[] objectId) implements CustomerRef {
    }
}
