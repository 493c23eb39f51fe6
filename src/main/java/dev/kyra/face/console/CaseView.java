package dev.kyra.face.console;

import dev.kyra.customer.CustomerDetails;
import dev.kyra.customer.Document;
import dev.kyra.customer.FileRef;
import dev.kyra.customer.Owner;
import dev.kyra.customer.ReviewStatus;
import dev.kyra.customer.TierRequest;
import dev.kyra.customer.TierStatus;
import dev.kyra.customer.VerificationStatus;
import dev.kyra.customer.Activity;
import dev.kyra.events.CustomerEvent;
import dev.kyra.events.EventType;
import dev.kyra.profile.CustomerFields;
import dev.kyra.profile.Field;
import dev.kyra.profile.OwnerFields;
import dev.kyra.reviewers.CaseClaims;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One case as the console shows it: the customer's fields, owners, documents and files with their
 * links, tiers, comments and history, and for each decision whether the lifecycle would allow it now
 * — when not, the reason, shown beside the disabled button.
 */
record CaseView(String id, String name, String type, String platform, String mode, String status, String activity,
                String reference, List<Row> profile, List<OwnerView> owners, List<DocumentView> documents,
                List<FileView> files, List<TierView> tiers, List<String> comments, List<HistoryView> history,
                String holder, boolean mine, String waiting, String timeToDecision, Decision approve, Decision reject,
                Decision activate, Decision deactivate) {

    /** A decision's button: enabled, or disabled with the reason. */
    record Decision(boolean allowed, String reason) {

        static Decision open() {
            return new Decision(true, null);
        }

        static Decision refused(String reason) {
            return new Decision(false, reason);
        }
    }

    record Row(String label, String value) {
    }

    record FileView(String label, String url, boolean image, boolean pdf) {
    }

    record OwnerView(String id, String name, String share, String status, List<Row> fields, List<FileView> files,
                     List<String> comments, Decision approve, Decision reject) {
    }

    record DocumentView(String id, String type, String name, String status, FileView file, List<String> comments,
                        Decision approve, Decision reject) {
    }

    record TierView(String tier, String status, Decision verify) {
    }

    record HistoryView(long sequence, String at, String type, String actor, String subject, String change, String comment) {
    }

    /**
     * @param links a short-lived download link for a file
     * @param claim who holds the case now; {@code mine} when the reader does
     * @param firstApproval under four eyes, the actor whose approval waits for a second
     */
    static CaseView of(CustomerDetails details, List<CustomerEvent> events, Optional<CaseClaims.Claim> claim,
                       String me, Optional<String> firstApproval, Function<FileRef, String> links, Instant now) {
        var customer = details.customer();
        boolean mine = claim.map(CaseClaims.Claim::mine).orElse(false);
        String heldBy = claim.filter(held -> !held.mine()).map(held -> held.holder().name() + " (" + held.holder().email() + ")")
                .orElse(null);
        String heldReason = heldBy == null ? null : heldBy + " is reviewing this case";
        boolean underReview = customer.verificationStatus() == VerificationStatus.PROCESSING;
        String notUnderReview = "the customer is " + customer.verificationStatus().name() + ", not under review";
        boolean ownerRejected = details.owners().stream().anyMatch(owner -> owner.status() == ReviewStatus.REJECTED);
        boolean documentRejected = details.documents().stream().anyMatch(document -> document.status() == ReviewStatus.REJECTED);

        Decision approve = heldReason != null ? Decision.refused(heldReason)
                : !underReview ? Decision.refused(notUnderReview)
                : ownerRejected ? Decision.refused("an owner is REJECTED")
                : documentRejected ? Decision.refused("a document is REJECTED")
                : firstApproval.filter(me::equals).isPresent()
                        ? Decision.refused("you gave the first approval: four eyes need a second reviewer")
                : Decision.open();
        Decision reject = heldReason != null ? Decision.refused(heldReason)
                : underReview ? Decision.open() : Decision.refused(notUnderReview);
        Decision activate = heldReason != null ? Decision.refused(heldReason)
                : customer.status() == Activity.ACTIVE ? Decision.refused("the customer is active") : Decision.open();
        Decision deactivate = heldReason != null ? Decision.refused(heldReason)
                : customer.status() == Activity.INACTIVE ? Decision.refused("the customer is inactive") : Decision.open();

        List<OwnerView> owners = details.owners().stream().map(owner -> owner(owner, links, heldReason)).toList();
        List<DocumentView> documents = details.documents().stream().map(document -> document(document, links, heldReason)).toList();
        List<FileView> files = new ArrayList<>();
        details.files().forEach((slot, file) -> files.add(file(slot.code().replace('_', ' '), file, "", links)));
        List<TierView> tiers = details.verifications().stream().map(tier -> tier(tier, heldReason)).toList();
        List<HistoryView> history = events.stream().map(CaseView::history).toList().reversed();
        return new CaseView(customer.id().toString(), customer.displayName(), customer.type().code(),
                customer.tenant().platformId().toString(), customer.tenant().mode().code(),
                customer.verificationStatus().name(), customer.status().code(), customer.reference(),
                rows(CustomerFields.ALL, customer::get), owners, documents, files, tiers,
                details.comments().stream().map(comment -> comment.text()).toList(), history, heldBy, mine,
                waiting(events, underReview, now), timeToDecision(events), approve, reject, activate, deactivate);
    }

    private static OwnerView owner(Owner owner, Function<FileRef, String> links, String heldReason) {
        String name = (nullToEmpty(owner.get(OwnerFields.FIRST_NAME)) + " " + nullToEmpty(owner.get(OwnerFields.LAST_NAME))).strip();
        List<FileView> files = new ArrayList<>();
        if (owner.idDocumentFront() != null) {
            files.add(file("ID document, front", owner.idDocumentFront(), "", links));
        }
        if (owner.idDocumentBack() != null) {
            files.add(file("ID document, back", owner.idDocumentBack(), "", links));
        }
        Decision decision = heldReason != null ? Decision.refused(heldReason)
                : owner.status() == ReviewStatus.PROCESSING ? Decision.open()
                : Decision.refused("the owner is " + owner.status().name() + ", not under review");
        Object share = owner.get(OwnerFields.OWNERSHIP_PERCENTAGE);
        return new OwnerView(owner.id().toString(), name.isEmpty() ? "Owner" : name, share == null ? "—" : share + " %",
                owner.status().name(), rows(OwnerFields.ALL, owner::get), files, listOrEmpty(owner.adminComments()), decision, decision);
    }

    private static DocumentView document(Document document, Function<FileRef, String> links, String heldReason) {
        Decision decision = heldReason != null ? Decision.refused(heldReason)
                : document.status() == ReviewStatus.PROCESSING ? Decision.open()
                : Decision.refused("the document is " + document.status().name() + ", not under review");
        return new DocumentView(document.id().toString(), document.type(), document.name(), document.status().name(),
                document.file() == null ? null : file(document.name(), document.file(), document.extension(), links),
                listOrEmpty(document.adminComments()), decision, decision);
    }

    private static TierView tier(TierRequest tier, String heldReason) {
        Decision verify = heldReason != null ? Decision.refused(heldReason)
                : tier.status() == TierStatus.PENDING ? Decision.open()
                : Decision.refused("the tier is " + tier.status().code());
        return new TierView(tier.tier().code(), tier.status().code(), verify);
    }

    private static FileView file(String label, FileRef file, String extension, Function<FileRef, String> links) {
        String key = (file.storageKey() + " " + extension).toLowerCase(java.util.Locale.ROOT);
        boolean pdf = key.contains("pdf");
        return new FileView(label, links.apply(file), !pdf, pdf);
    }

    private static HistoryView history(CustomerEvent event) {
        String change = event.toStatus() != null ? (event.fromStatus() == null ? "" : event.fromStatus() + " → ") + event.toStatus()
                : String.join(", ", event.changes().stream().map(field -> field.field()).toList());
        return new HistoryView(event.sequence(), event.occurredAt().toString().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z"),
                event.type().code(), event.actor(), event.subject(), change, event.comment());
    }

    private static List<Row> rows(List<Field<?>> fields, Function<Field<Object>, Object> values) {
        List<Row> rows = new ArrayList<>();
        for (Field<?> field : fields) {
            @SuppressWarnings("unchecked")
            Object value = values.apply((Field<Object>) field);
            if (value != null && !value.toString().isBlank()) {
                rows.add(new Row(field.key().replace('_', ' '), value.toString()));
            }
        }
        return rows;
    }

    /** How long the customer has waited in review, while it does. */
    private static String waiting(List<CustomerEvent> events, boolean underReview, Instant now) {
        if (!underReview) {
            return null;
        }
        return lastEnteredReview(events).map(since -> Waiting.of(Duration.between(since, now))).orElse(null);
    }

    /** From its last entry into review to the decision that ended it, when one did. */
    private static String timeToDecision(List<CustomerEvent> events) {
        Instant entered = null;
        String decided = null;
        for (CustomerEvent event : events) {
            if (event.type() != EventType.STATUS_CHANGED) {
                continue;
            }
            if ("PROCESSING".equals(event.toStatus())) {
                entered = event.occurredAt();
            } else if (entered != null && "PROCESSING".equals(event.fromStatus())) {
                decided = Waiting.of(Duration.between(entered, event.occurredAt()));
            }
        }
        return decided;
    }

    private static Optional<Instant> lastEnteredReview(List<CustomerEvent> events) {
        return events.stream().filter(event -> event.type() == EventType.STATUS_CHANGED && "PROCESSING".equals(event.toStatus()))
                .map(CustomerEvent::occurredAt).reduce((first, second) -> second);
    }

    private static List<String> listOrEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
