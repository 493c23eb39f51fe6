package dev.kyra.face.admin;

import dev.kyra.reviewers.Reviewer;
import dev.kyra.reviewers.ReviewerNotFoundException;
import dev.kyra.reviewers.ReviewerService;
import dev.kyra.web.JsonBody;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The console's reviewer accounts, for Kyra's operator: never with their passwords. */
@RestController
@RequestMapping("/admin/v1/reviewers")
class AdminReviewerController {

    private final ReviewerService reviewers;
    private final AdminBodies bodies;

    AdminReviewerController(ReviewerService reviewers, AdminBodies bodies) {
        this.reviewers = reviewers;
        this.bodies = bodies;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(JsonBody body) {
        AdminRequests.NewReviewer request = bodies.read(body, AdminRequests.NewReviewer.class, "field");
        Reviewer reviewer = reviewers.create(request.email(), request.name(), request.password());
        return AdminFace.data(json(reviewer));
    }

    @GetMapping
    Map<String, Object> list() {
        return AdminFace.data(reviewers.list().stream().map(AdminReviewerController::json).toList());
    }

    @PostMapping("/{reviewerId}/{action:enable|disable}")
    Map<String, Object> setEnabled(@PathVariable("reviewerId") String id, @PathVariable String action) {
        return AdminFace.data(json(reviewers.setEnabled(reviewerId(id), action.equals("enable"))));
    }

    /** A new password, chosen by the operator and given to the reviewer; it also lifts a lockout. */
    @PostMapping("/{reviewerId}/password")
    Map<String, Object> resetPassword(@PathVariable("reviewerId") String id, JsonBody body) {
        AdminRequests.PasswordReset request = bodies.read(body, AdminRequests.PasswordReset.class, "field");
        return AdminFace.data(json(reviewers.resetPassword(reviewerId(id), request.password())));
    }

    private static UUID reviewerId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ReviewerNotFoundException();
        }
    }

    static Map<String, Object> json(Reviewer reviewer) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", reviewer.id().toString());
        json.put("email", reviewer.email());
        json.put("name", reviewer.name());
        json.put("enabled", reviewer.enabled());
        json.put("created_at", AdminViews.time(reviewer.createdAt()));
        json.put("updated_at", AdminViews.time(reviewer.updatedAt()));
        return json;
    }
}
