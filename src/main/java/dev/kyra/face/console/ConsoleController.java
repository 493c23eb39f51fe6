package dev.kyra.face.console;

import dev.kyra.customer.Activity;
import dev.kyra.customer.CustomerDetails;
import dev.kyra.customer.QueueFilter;
import dev.kyra.customer.ReviewQueueEntry;
import dev.kyra.customer.ReviewService;
import dev.kyra.customer.ReviewService.Verdict;
import dev.kyra.customer.Tier;
import dev.kyra.customer.VerificationStatus;
import dev.kyra.files.FileService;
import dev.kyra.profile.CustomerType;
import dev.kyra.profile.NotFoundException;
import dev.kyra.profile.RegistryException;
import dev.kyra.reviewers.CaseClaims;
import dev.kyra.reviewers.Reviewer;
import dev.kyra.web.PublicUrls;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reviewers' console: sign-in, the queue, and a case with its decisions. Pages call the same core
 * services as the admin API; every decision is recorded with the signed-in reviewer as its actor,
 * and is refused unless the reviewer holds the case's claim.
 */
@Controller
@RequestMapping(ConsoleSecurity.ROOT)
class ConsoleController {

    static final List<String> REASONS = List.of("Blurry image", "Wrong document", "Expired document", "Details do not match");
    private static final int QUEUE_SIZE = 200;

    private final ReviewService reviews;
    private final CaseClaims claims;
    private final FileService files;
    private final PublicUrls urls;
    private final Clock clock;

    ConsoleController(ReviewService reviews, CaseClaims claims, FileService files, PublicUrls urls, Clock clock) {
        this.reviews = reviews;
        this.claims = claims;
        this.files = files;
        this.urls = urls;
        this.clock = clock;
    }

    /** The sign-in form, or the queue for a reviewer signed in already. */
    @GetMapping({"", "/"})
    String start(HttpServletRequest request, Model model) {
        if (ActiveReviewer.of(request).isPresent()) {
            return "redirect:" + ConsoleSecurity.ROOT + "/queue";
        }
        model.addAttribute("failed", request.getParameter("error") != null);
        model.addAttribute("signedOut", request.getParameter("signed-out") != null);
        model.addAttribute("ended", request.getParameter("ended") != null);
        return "console/sign-in";
    }

    @GetMapping("/queue")
    String queue(HttpServletRequest request, Model model, @RequestParam(required = false) String platform,
                 @RequestParam(required = false) String type, @RequestParam(required = false) String status,
                 @RequestParam(required = false) String tier, @RequestParam(required = false) String q) {
        Reviewer reviewer = reviewer(request);
        QueueFilter filter = new QueueFilter(uuid(platform).orElse(null),
                parse(type, CustomerType::fromCode), parse(status, ConsoleController::status), parse(tier, Tier::fromCode),
                q == null || q.isBlank() ? null : q.strip());
        List<ReviewQueueEntry> entries = reviews.queue(filter, QUEUE_SIZE);
        model.addAttribute("reviewer", reviewer);
        model.addAttribute("entries", entries.stream().map(entry -> new QueueRow(entry.customer().id().toString(),
                entry.customer().displayName(), entry.customer().type().code(), entry.customer().tenant().platformId().toString(),
                entry.customer().verificationStatus().name(), String.join(", ", entry.pendingTiers().stream().map(Tier::code).toList()),
                Waiting.of(Duration.between(entry.waitingSince(), clock.instant())))).toList());
        model.addAttribute("platform", platform);
        model.addAttribute("type", type);
        model.addAttribute("status", status);
        model.addAttribute("tier", tier);
        model.addAttribute("q", q);
        return "console/queue";
    }

    /** A row of the queue. */
    record QueueRow(String id, String name, String type, String platform, String status, String tiers, String waiting) {
    }

    /** The oldest waiting case that no other reviewer holds. */
    @GetMapping("/next")
    String next(HttpServletRequest request) {
        Reviewer reviewer = reviewer(request);
        return reviews.queue(QueueFilter.ALL, QUEUE_SIZE).stream().map(entry -> entry.customer().id())
                .filter(id -> claims.current(id, reviewer).map(CaseClaims.Claim::mine).orElse(true))
                .findFirst().map(id -> "redirect:" + ConsoleSecurity.ROOT + "/cases/" + id)
                .orElse("redirect:" + ConsoleSecurity.ROOT + "/queue");
    }

    /** Opening a case claims it, unless another reviewer holds it. */
    @GetMapping("/cases/{id}")
    String openCase(HttpServletRequest request, Model model, @PathVariable String id) {
        Reviewer reviewer = reviewer(request);
        UUID customerId = customerId(id);
        CustomerDetails details = reviews.details(customerId);
        CaseClaims.Claim claim = claims.claim(customerId, reviewer);
        String base = urls.base(request);
        model.addAttribute("reviewer", reviewer);
        model.addAttribute("reasons", REASONS);
        model.addAttribute("view", CaseView.of(details, reviews.history(customerId), Optional.of(claim),
                reviewer.actor().toString(), reviews.firstApprovalOf(customerId),
                file -> files.viewUrl(file.fileId(), file.storageKey(), base), clock.instant()));
        return "console/case";
    }

    @PostMapping("/cases/{id}/approve")
    String approve(HttpServletRequest request, @PathVariable String id, @RequestParam(required = false) String reason,
                   @RequestParam(required = false) String comment, RedirectAttributes flash) {
        return decide(request, id, flash, "Customer approved.", (reviewer, customer) ->
                reviews.approve(reviewer.actor(), customer, comment(reason, comment)));
    }

    @PostMapping("/cases/{id}/reject")
    String reject(HttpServletRequest request, @PathVariable String id, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) String comment, RedirectAttributes flash) {
        String text = comment(reason, comment);
        if (text == null) {
            flash.addFlashAttribute("problem", "A rejection needs a comment: tell the platform what to fix.");
            return caseUrl(id);
        }
        return decide(request, id, flash, "Customer rejected.", (reviewer, customer) -> reviews.reject(reviewer.actor(), customer, text));
    }

    @PostMapping("/cases/{id}/owners/{owner}/{decision:approve|reject}")
    String decideOwner(HttpServletRequest request, @PathVariable String id, @PathVariable String owner,
                       @PathVariable String decision, @RequestParam(required = false) String reason,
                       @RequestParam(required = false) String note, RedirectAttributes flash) {
        return decideChild(request, id, "Owner", "an owner", decision, comment(reason, note), flash, (reviewer, customer, verdict, text) ->
                reviews.decideOwner(reviewer.actor(), customer, owner, verdict, text));
    }

    @PostMapping("/cases/{id}/documents/{document}/{decision:approve|reject}")
    String decideDocument(HttpServletRequest request, @PathVariable String id, @PathVariable String document,
                          @PathVariable String decision, @RequestParam(required = false) String reason,
                          @RequestParam(required = false) String note, RedirectAttributes flash) {
        return decideChild(request, id, "Document", "a document", decision, comment(reason, note), flash, (reviewer, customer, verdict, text) ->
                reviews.decideDocument(reviewer.actor(), customer, document, verdict, text));
    }

    private interface ChildDecision {
        CustomerDetails make(Reviewer reviewer, UUID customerId, Verdict verdict, String comment);
    }

    /** An owner's or a document's verdict; a rejection needs a reason, which the platform is shown. */
    private String decideChild(HttpServletRequest request, String id, String noun, String aNoun, String decision,
                               String comment, RedirectAttributes flash, ChildDecision child) {
        Verdict verdict = decision.equals("approve") ? Verdict.APPROVE : Verdict.REJECT;
        if (verdict == Verdict.REJECT && comment == null) {
            flash.addFlashAttribute("problem", "Rejecting " + aNoun + " needs a reason.");
            return caseUrl(id);
        }
        return decide(request, id, flash, noun + (verdict == Verdict.APPROVE ? " approved." : " rejected."),
                (reviewer, customer) -> child.make(reviewer, customer, verdict, comment));
    }

    @PostMapping("/cases/{id}/tiers/{tier}/{decision:verify|fail}")
    String decideTier(HttpServletRequest request, @PathVariable String id, @PathVariable String tier,
                      @PathVariable String decision, RedirectAttributes flash) {
        Tier requested = Tier.fromCode(tier).orElseThrow(NotFoundException::customer);
        Verdict verdict = decision.equals("verify") ? Verdict.APPROVE : Verdict.REJECT;
        return decide(request, id, flash, "Tier " + tier + (verdict == Verdict.APPROVE ? " verified." : " failed."),
                (reviewer, customer) -> reviews.decideTier(reviewer.actor(), customer, requested, verdict));
    }

    @PostMapping("/cases/{id}/{activity:activate|deactivate}")
    String setActivity(HttpServletRequest request, @PathVariable String id, @PathVariable String activity,
                       RedirectAttributes flash) {
        Activity status = activity.equals("activate") ? Activity.ACTIVE : Activity.INACTIVE;
        return decide(request, id, flash, activity.equals("activate") ? "Customer activated." : "Customer deactivated.",
                (reviewer, customer) -> reviews.setActivity(reviewer.actor(), customer, status, null));
    }

    /** Lets another reviewer take the case. */
    @PostMapping("/cases/{id}/release")
    String release(HttpServletRequest request, @PathVariable String id) {
        claims.release(customerId(id), reviewer(request));
        return "redirect:" + ConsoleSecurity.ROOT + "/queue";
    }

    private interface CaseDecision {
        CustomerDetails make(Reviewer reviewer, UUID customerId);
    }

    /** Makes the decision if the reviewer holds (or can take) the case's claim; refusals come back as the page's problem. */
    private String decide(HttpServletRequest request, String id, RedirectAttributes flash, String done, CaseDecision decision) {
        Reviewer reviewer = reviewer(request);
        UUID customerId = customerId(id);
        reviews.details(customerId); // a customer that does not exist is a 404, not a claim
        CaseClaims.Claim claim = claims.claim(customerId, reviewer);
        if (!claim.mine()) {
            flash.addFlashAttribute("problem", claim.holder().name() + " is reviewing this case; it cannot be decided now.");
            return caseUrl(id);
        }
        try {
            decision.make(reviewer, customerId);
            flash.addFlashAttribute("done", done);
        } catch (RegistryException e) {
            flash.addFlashAttribute("problem", e.first().render(path -> path.toString()));
        }
        return caseUrl(id);
    }

    private static String caseUrl(String id) {
        return "redirect:" + ConsoleSecurity.ROOT + "/cases/" + id;
    }

    /** The preset reason and the reviewer's own words, joined; null when both are empty. */
    static String comment(String reason, String comment) {
        String preset = reason == null || reason.isBlank() || !REASONS.contains(reason.strip()) ? null : reason.strip();
        String own = comment == null || comment.isBlank() ? null : comment.strip();
        if (preset == null || own == null) {
            return preset == null ? own : preset;
        }
        return own.startsWith(preset) ? own : preset + ": " + own;
    }

    private static Reviewer reviewer(HttpServletRequest request) {
        return ActiveReviewer.of(request).orElseThrow(() -> new IllegalStateException("the console chain signs reviewers in"));
    }

    private static UUID customerId(String id) {
        return uuid(id).orElseThrow(NotFoundException::customer);
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return text == null || text.isBlank() ? Optional.empty() : Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A filter's value, or no filter when the text names nothing. */
    private static <T> T parse(String text, Function<String, Optional<T>> parser) {
        return text == null || text.isBlank() ? null : parser.apply(text.strip()).orElse(null);
    }

    private static Optional<VerificationStatus> status(String text) {
        return Arrays.stream(VerificationStatus.values()).filter(status -> status.name().equalsIgnoreCase(text)).findFirst();
    }
}
