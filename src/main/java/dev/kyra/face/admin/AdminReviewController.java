package dev.kyra.face.admin;

import dev.kyra.customer.Activity;
import dev.kyra.customer.CustomerDetails;
import dev.kyra.customer.FileRef;
import dev.kyra.customer.QueueFilter;
import dev.kyra.customer.ReviewService;
import dev.kyra.customer.ReviewService.Verdict;
import dev.kyra.customer.Tier;
import dev.kyra.files.FileService;
import dev.kyra.platform.Actor;
import dev.kyra.reviewers.ReviewerService;
import dev.kyra.profile.NotFoundException;
import dev.kyra.web.JsonBody;
import dev.kyra.web.PublicUrls;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reviewers' API: the queue, a customer's full record and history, and decisions on customers,
 * owners, documents and tiers. Customers are named by their canonical UUID, whatever their platform.
 */
@RestController
@RequestMapping("/admin/v1")
class AdminReviewController {

    private static final int DEFAULT_QUEUE = 100;
    private static final int MAX_QUEUE = 500;
    private static final String REVIEWER = Actor.Kind.REVIEWER.code() + ":";

    private final ReviewService reviews;
    private final FileService files;
    private final PublicUrls urls;
    private final AdminBodies bodies;
    private final ReviewerService reviewers;

    AdminReviewController(ReviewService reviews, FileService files, PublicUrls urls, AdminBodies bodies,
                          ReviewerService reviewers) {
        this.reviewers = reviewers;
        this.reviews = reviews;
        this.files = files;
        this.urls = urls;
        this.bodies = bodies;
    }

    @GetMapping("/review-queue")
    Map<String, Object> queue(@RequestParam(required = false) String limit,
                              @RequestParam(name = "platform_id", required = false) String platformId) {
        return AdminFace.data(reviews.queue(QueueFilter.platform(platformFilter(platformId)), queueLimit(limit)).stream()
                .map(AdminCustomerWriter::queueEntry).toList());
    }

    @GetMapping("/customers/{customerId}")
    Map<String, Object> customer(@PathVariable("customerId") String id, HttpServletRequest request) {
        return full(reviews.details(customerId(id)), request);
    }

    @GetMapping("/customers/{customerId}/history")
    Map<String, Object> history(@PathVariable("customerId") String id) {
        Map<String, Map<String, Object>> named = new java.util.HashMap<>();
        Function<String, Map<String, Object>> reviewerOf = actor -> !actor.startsWith(REVIEWER) ? null
                : named.computeIfAbsent(actor, key -> reviewerId(key.substring(REVIEWER.length()))
                        .flatMap(reviewers::find).map(reviewer -> Map.<String, Object>of("id", reviewer.id().toString(),
                                "email", reviewer.email(), "name", reviewer.name())).orElse(null));
        return AdminFace.data(reviews.history(customerId(id)).stream()
                .map(event -> AdminCustomerWriter.historyEntry(event, reviewerOf)).toList());
    }

    @PostMapping("/customers/{customerId}/approve")
    Map<String, Object> approve(@PathVariable("customerId") String id, JsonBody body, HttpServletRequest request) {
        return full(reviews.approve(Actor.ADMIN, customerId(id), comment(body, false)), request);
    }

    @PostMapping("/customers/{customerId}/reject")
    Map<String, Object> reject(@PathVariable("customerId") String id, JsonBody body, HttpServletRequest request) {
        return full(reviews.reject(Actor.ADMIN, customerId(id), comment(body, true)), request);
    }

    @PostMapping("/customers/{customerId}/owners/{ownerId}/{decision}")
    Map<String, Object> decideOwner(@PathVariable("customerId") String id, @PathVariable("ownerId") String owner, @PathVariable String decision,
                                    JsonBody body, HttpServletRequest request) {
        Verdict verdict = verdict(decision, "approve", "reject");
        return full(reviews.decideOwner(Actor.ADMIN, customerId(id), owner, verdict, comment(body, verdict == Verdict.REJECT)), request);
    }

    @PostMapping("/customers/{customerId}/documents/{documentId}/{decision}")
    Map<String, Object> decideDocument(@PathVariable("customerId") String id, @PathVariable("documentId") String document,
                                       @PathVariable String decision, JsonBody body, HttpServletRequest request) {
        Verdict verdict = verdict(decision, "approve", "reject");
        return full(reviews.decideDocument(Actor.ADMIN, customerId(id), document, verdict, comment(body, verdict == Verdict.REJECT)),
                request);
    }

    @PostMapping("/customers/{customerId}/tiers/{tier}/{decision}")
    Map<String, Object> decideTier(@PathVariable("customerId") String id, @PathVariable String tier, @PathVariable String decision,
                                   HttpServletRequest request) {
        Verdict verdict = verdict(decision, "verify", "fail");
        Tier requested = Tier.fromCode(tier).orElseThrow(() -> new AdminNotFoundException("Tier not found."));
        return full(reviews.decideTier(Actor.ADMIN, customerId(id), requested, verdict), request);
    }

    /** Activates or deactivates a customer (decision A6). */
    @PostMapping("/customers/{customerId}/{activity:activate|deactivate}")
    Map<String, Object> setActivity(@PathVariable("customerId") String id, @PathVariable String activity, JsonBody body,
                                    HttpServletRequest request) {
        Activity status = activity.equals("activate") ? Activity.ACTIVE : Activity.INACTIVE;
        return full(reviews.setActivity(Actor.ADMIN, customerId(id), status, comment(body, false)), request);
    }

    private Map<String, Object> full(CustomerDetails details, HttpServletRequest request) {
        String base = urls.base(request);
        Function<FileRef, String> links = file -> files.downloadUrl(file.fileId(), file.storageKey(), base);
        return AdminFace.data(AdminCustomerWriter.full(details, links));
    }

    private static java.util.Optional<UUID> reviewerId(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    static UUID customerId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw NotFoundException.customer();
        }
    }

    private static Verdict verdict(String decision, String yes, String no) {
        if (decision.equals(yes)) {
            return Verdict.APPROVE;
        }
        if (decision.equals(no)) {
            return Verdict.REJECT;
        }
        throw new AdminNotFoundException("No such decision: use " + yes + " or " + no + ".");
    }

    /** The decision's comment; a rejection must say what to fix. */
    private String comment(JsonBody body, boolean required) {
        String comment = bodies.read(body, AdminRequests.Decision.class, "field").text();
        if (comment == null && required) {
            throw new AdminInputException("comment is required: tell the platform what to fix.");
        }
        return comment;
    }

    private static UUID platformFilter(String platformId) {
        if (platformId == null || platformId.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(platformId.strip());
        } catch (IllegalArgumentException e) {
            throw new AdminInputException("platform_id must be a platform id (a UUID).");
        }
    }

    private static int queueLimit(String limit) {
        if (limit == null) {
            return DEFAULT_QUEUE;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= MAX_QUEUE) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new AdminInputException("limit must be an integer from 1 to " + MAX_QUEUE + ".");
    }
}
