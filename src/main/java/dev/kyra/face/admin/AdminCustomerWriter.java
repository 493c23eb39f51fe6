package dev.kyra.face.admin;

import dev.kyra.customer.Comment;
import dev.kyra.customer.Customer;
import dev.kyra.customer.CustomerDetails;
import dev.kyra.customer.Document;
import dev.kyra.customer.FileRef;
import dev.kyra.customer.Owner;
import dev.kyra.customer.ReviewQueueEntry;
import dev.kyra.customer.Tier;
import dev.kyra.customer.TierRequest;
import dev.kyra.events.CustomerEvent;
import dev.kyra.profile.Field;
import dev.kyra.profile.FieldPath;
import dev.kyra.profile.FieldValues;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Customers as reviewers see them: face-neutral, with the registry's own field keys, every owner,
 * document and file, and a download link for each file.
 */
final class AdminCustomerWriter {

    private AdminCustomerWriter() {
    }

    static Map<String, Object> queueEntry(ReviewQueueEntry entry) {
        Map<String, Object> json = head(entry.customer());
        json.put("name", entry.customer().displayName());
        json.put("pending_tiers", entry.pendingTiers().stream().map(Tier::code).toList());
        json.put("waiting_since", entry.waitingSince().toString());
        json.put("created_at", entry.customer().createdAt().toString());
        return json;
    }

    /** @param links a download link for a file */
    static Map<String, Object> full(CustomerDetails details, Function<FileRef, String> links) {
        Customer customer = details.customer();
        Map<String, Object> json = head(customer);
        json.put("status", customer.status().code());
        json.put("reference", customer.reference());
        json.put("profile", profile(customer.profile()));
        json.put("owners", details.owners().stream().map(owner -> owner(owner, links)).toList());
        json.put("documents", details.documents().stream().map(document -> document(document, links)).toList());
        Map<String, Object> files = new TreeMap<>();
        details.files().forEach((slot, file) -> files.put(slot.code(), file(file, links)));
        json.put("files", files);
        json.put("verifications", details.verifications().stream().map(AdminCustomerWriter::verification).toList());
        json.put("recent_comments", details.comments().stream().map(AdminCustomerWriter::comment).toList());
        json.put("created_at", customer.createdAt().toString());
        json.put("updated_at", customer.updatedAt().toString());
        return json;
    }

    /** One event of a customer's history; personal values arrive masked. */
    /** @param reviewerOf the named reviewer of a {@code reviewer:<id>} actor, for the entry's {@code reviewer} */
    static Map<String, Object> historyEntry(CustomerEvent event, java.util.function.Function<String, Map<String, Object>> reviewerOf) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", event.id().toString());
        json.put("sequence", event.sequence());
        json.put("type", event.type().code());
        json.put("at", event.occurredAt().toString());
        json.put("actor", event.actor());
        json.put("reviewer", reviewerOf.apply(event.actor()));
        json.put("subject", event.subject());
        json.put("from", event.fromStatus());
        json.put("to", event.toStatus());
        json.put("changes", event.changes().stream().map(change -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("field", change.field());
            item.put("from", change.from());
            item.put("to", change.to());
            return item;
        }).toList());
        json.put("comment", event.comment());
        return json;
    }

    /** A problem's location with the registry's own keys: {@code owners.1.email}. */
    static String name(FieldPath path) {
        if (path == null) {
            return "request";
        }
        return path.segments().stream().map(segment -> switch (segment) {
            case Field<?> field -> field.key();
            case Enum<?> part -> part.name().toLowerCase(Locale.ROOT);
            default -> String.valueOf(segment);
        }).collect(Collectors.joining("."));
    }

    private static Map<String, Object> head(Customer customer) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", customer.id().toString());
        json.put("platform_id", customer.tenant().platformId().toString());
        json.put("mode", customer.tenant().mode().code());
        json.put("type", customer.type().code());
        json.put("verification_status", customer.verificationStatus().name());
        json.put("kyb_scope", customer.kybScope() == null ? null : customer.kybScope().name());
        return json;
    }

    private static Map<String, Object> owner(Owner owner, Function<FileRef, String> links) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", owner.id().toString());
        json.put("status", owner.status().name());
        json.put("admin_comments", owner.adminComments());
        json.put("profile", profile(owner.profile()));
        json.put("id_document_front", file(owner.idDocumentFront(), links));
        json.put("id_document_back", file(owner.idDocumentBack(), links));
        return json;
    }

    private static Map<String, Object> document(Document document, Function<FileRef, String> links) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", document.id().toString());
        json.put("type", document.type());
        json.put("name", document.name());
        json.put("extension", document.extension());
        json.put("description", document.description());
        json.put("status", document.status().name());
        json.put("admin_comments", document.adminComments());
        json.put("file", file(document.file(), links));
        json.put("created_at", document.createdAt().toString());
        json.put("updated_at", document.updatedAt().toString());
        return json;
    }

    private static Map<String, Object> file(FileRef file, Function<FileRef, String> links) {
        if (file == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file_id", file.fileId().toString());
        json.put("download_url", links.apply(file));
        return json;
    }

    private static Map<String, Object> verification(TierRequest verification) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("tier", verification.tier().code());
        json.put("status", verification.status().code());
        json.put("updated_at", verification.updatedAt().toString());
        return json;
    }

    private static Map<String, Object> comment(Comment comment) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("comment", comment.text());
        json.put("type", comment.type());
        json.put("created_at", comment.createdAt().toString());
        return json;
    }

    private static Map<String, Object> profile(FieldValues values) {
        Map<String, Object> json = new TreeMap<>();
        for (Field<?> field : values.fields()) {
            Object value = values.get(field);
            json.put(field.key(), value instanceof LocalDate || value instanceof Instant ? value.toString() : value);
        }
        return json;
    }
}
