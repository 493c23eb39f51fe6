package dev.kyra.events;

import dev.kyra.platform.Caller;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

/** The events one transaction has recorded and not written yet, in the order they were recorded. */
final class PendingEvents {

    record Entry(Caller caller, UUID customerId, Change change, UUID id, Instant at) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<CarriedWrite> carried = new ArrayList<>();

    void add(Entry entry) {
        entries.add(entry);
    }

    /** Whether {@code write} was taken to go with the events still to be written (false: there are none). */
    boolean carry(CarriedWrite write) {
        if (entries.isEmpty()) {
            return false;
        }
        carried.add(write);
        return true;
    }

    /**
     * Hands each customer's events over in one list, oldest first, the carried writes with the last
     * customer's, and forgets them all.
     */
    void drainByCustomer(BiConsumer<List<Entry>, List<CarriedWrite>> write) {
        Map<UUID, List<Entry>> byCustomer = new LinkedHashMap<>();
        entries.forEach(entry -> byCustomer.computeIfAbsent(entry.customerId(), id -> new ArrayList<>()).add(entry));
        List<CarriedWrite> writes = List.copyOf(carried);
        entries.clear();
        carried.clear();
        int left = byCustomer.size();
        for (List<Entry> events : byCustomer.values()) {
            write.accept(events, --left == 0 ? writes : List.of());
        }
    }
}
