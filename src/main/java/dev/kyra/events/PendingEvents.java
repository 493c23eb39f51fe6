package dev.kyra.events;

import dev.kyra.platform.Caller;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/** The events one transaction has recorded and not written yet, in the order they were recorded. */
final class PendingEvents {

    record Entry(Caller caller, UUID customerId, Change change, UUID id, Instant at) {
    }

    private final List<Entry> entries = new ArrayList<>();

    void add(Entry entry) {
        entries.add(entry);
    }

    /** Hands each customer's events over in one list, oldest first, and forgets them. */
    void drainByCustomer(Consumer<List<Entry>> write) {
        Map<UUID, List<Entry>> byCustomer = new LinkedHashMap<>();
        entries.forEach(entry -> byCustomer.computeIfAbsent(entry.customerId(), id -> new ArrayList<>()).add(entry));
        entries.clear();
        byCustomer.values().forEach(write);
    }
}
