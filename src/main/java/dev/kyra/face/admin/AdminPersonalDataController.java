package dev.kyra.face.admin;

import dev.kyra.customer.ErasureService;
import dev.kyra.personal.MasterKeyRotation;
import dev.kyra.platform.Actor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Personal data on the admin API (decision D11): erasing a customer's, and the master key's rotation.
 * {@code POST /master-keys} makes a new primary key in the key file and re-wraps every data key with
 * it in the background; {@code POST /master-keys/rewrap} does the second half after an operator put a
 * key of their own first in the file; {@code GET} shows the progress; {@code DELETE} retires a key once
 * nothing needs it.
 */
@RestController
@RequestMapping("/admin/v1")
class AdminPersonalDataController {

    private final ErasureService erasure;
    private final MasterKeyRotation rotation;

    AdminPersonalDataController(ErasureService erasure, MasterKeyRotation rotation) {
        this.erasure = erasure;
        this.rotation = rotation;
    }

    /** Idempotent: erasing a tombstone answers the tombstone again. */
    @DeleteMapping("/customers/{customerId}/personal-data")
    Map<String, Object> erase(@PathVariable("customerId") String id) {
        return AdminFace.data(AdminCustomerWriter.full(erasure.erase(Actor.ADMIN, AdminReviewController.customerId(id)), file -> null));
    }

    @GetMapping("/master-keys")
    Map<String, Object> masterKeys() {
        return AdminFace.data(json(rotation.status()));
    }

    @PostMapping("/master-keys")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> rotate() {
        return AdminFace.data(json(rotation.rotate()));
    }

    @PostMapping("/master-keys/rewrap")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> rewrap() {
        return AdminFace.data(json(rotation.rewrap()));
    }

    @DeleteMapping("/master-keys/{masterKeyId}")
    Map<String, Object> retire(@PathVariable("masterKeyId") String id) {
        return AdminFace.data(json(rotation.retire(id)));
    }

    private static Map<String, Object> json(MasterKeyRotation.Status status) {
        List<Map<String, Object>> keys = new ArrayList<>();
        status.keysByMasterKey().forEach((id, wrapped) -> {
            Map<String, Object> key = new LinkedHashMap<>();
            key.put("id", id);
            key.put("primary", id.equals(status.primary()));
            key.put("wrapped_keys", wrapped);
            keys.add(key);
        });
        Map<String, Object> rewrap = new LinkedHashMap<>();
        rewrap.put("running", status.running());
        rewrap.put("rewrapped", status.rewrapped());
        MasterKeyRotation.Run run = status.lastRun();
        rewrap.put("to", run == null ? null : run.toMasterKey());
        rewrap.put("started_at", run == null ? null : run.startedAt().toString());
        rewrap.put("finished_at", run == null || run.finishedAt() == null ? null : run.finishedAt().toString());
        rewrap.put("failure", run == null ? null : run.failure());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("primary", status.primary());
        json.put("keys", keys);
        json.put("rewrap", rewrap);
        return json;
    }
}
