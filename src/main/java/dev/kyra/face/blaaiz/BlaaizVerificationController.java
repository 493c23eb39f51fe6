package dev.kyra.face.blaaiz;

import static dev.kyra.face.blaaiz.BlaaizCustomerController.customerId;
import static dev.kyra.face.blaaiz.BlaaizCustomerController.envelope;

import dev.kyra.customer.CustomerDetails;
import dev.kyra.customer.CustomerService;
import dev.kyra.customer.FileRequestPart;
import dev.kyra.customer.KybUpgradeService;
import dev.kyra.customer.LegacyFileSlot;
import dev.kyra.customer.SubmissionService;
import dev.kyra.files.PreparedUpload;
import dev.kyra.platform.Caller;
import dev.kyra.web.JsonBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * Getting a customer verified on the Blaaiz face (spec §4.5-§4.9): KYC data, an individual's
 * legacy files, submit, and the upgrade of a MINIMAL business to FULL.
 */
@RestController
@RequestMapping("/api/external")
@Tag(name = "Verification (Blaaiz)")
class BlaaizVerificationController {

    private final CustomerService customers;
    private final SubmissionService submissions;
    private final KybUpgradeService upgrades;
    private final BlaaizLinks links;

    BlaaizVerificationController(CustomerService customers, SubmissionService submissions, KybUpgradeService upgrades,
                                 BlaaizLinks links) {
        this.customers = customers;
        this.submissions = submissions;
        this.upgrades = upgrades;
        this.links = links;
    }

    @PostMapping("/customer/{customerId}/kyc-data")
    @Operation(summary = "Add KYC data", description = "Needs customer:write. Sets date of birth, address and ID dates "
            + "(businesses also the operating address) under the same locks as an update; does not start verification.")
    Map<String, Object> kycData(Caller caller, @PathVariable("customerId") String id, JsonBody body, HttpServletRequest request) {
        CustomerDetails updated = customers.update(caller, customerId(id), BlaaizLifecycleReader.kycData(body.object()));
        return envelope("Business customer KYC data updated successfully.",
                BlaaizCustomerWriter.full(updated, links.downloads(request)));
    }

    @PostMapping("/file/get-presigned-url")
    @Operation(summary = "Legacy file upload URL", description = "Needs file:upload. Individuals only. PUT the bytes "
            + "to the returned url (valid 5 minutes, once) with the returned headers, then attach the file_id.")
    Map<String, Object> legacyUploadUrl(Caller caller, JsonBody body, HttpServletRequest request) {
        ObjectNode json = body.object();
        String customer = BlaaizLifecycleReader.requiredText(json, "customer_id", FileRequestPart.CUSTOMER_ID);
        String category = BlaaizLifecycleReader.requiredText(json, "file_category", FileRequestPart.FILE_CATEGORY);
        PreparedUpload upload = submissions.prepareLegacyUpload(caller, customerId(customer), category, links.base(request));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", true);
        response.put("message", "Upload URL generated successfully");
        // top-level, as every SDK reads it for this endpoint (spec §4.6, §9)
        response.putAll(BlaaizUploads.json(upload));
        return response;
    }

    @PostMapping("/customer/{customerId}/files")
    @Operation(summary = "Attach legacy files", description = "Needs customer:write. Individuals only. id_file "
            + "sends the customer to verification.")
    Map<String, Object> attachLegacyFiles(Caller caller, @PathVariable("customerId") String id, JsonBody body) {
        submissions.attachLegacyFiles(caller, customerId(id),
                BlaaizLifecycleReader.fileIds(body.object(), LegacyFileSlot::fromCode));
        return BlaaizFace.message("Customer files uploaded successfully");
    }

    /** Older SDKs attach files with PUT (spec §9, decision B14). */
    @PutMapping("/customer/{customerId}/files")
    @Operation(summary = "Attach legacy files (PUT)", description = "The same as the POST, for older SDKs.")
    Map<String, Object> attachLegacyFilesWithPut(Caller caller, @PathVariable("customerId") String id, JsonBody body) {
        return attachLegacyFiles(caller, id, body);
    }

    @PostMapping("/customer/{customerId}/submit")
    @Operation(summary = "Submit for verification", description = "Needs customer:write. No body. 422 names the "
            + "first gap when the customer is not complete.")
    Map<String, Object> submit(Caller caller, @PathVariable("customerId") String id, HttpServletRequest request) {
        CustomerDetails submitted = submissions.submit(caller, customerId(id));
        return envelope("Customer submitted for verification successfully",
                BlaaizCustomerWriter.full(submitted, links.downloads(request)));
    }

    @PostMapping("/customer/{customerId}/upgrade-kyb-scope")
    @Operation(summary = "Upgrade KYB scope", description = "Needs customer:write. Promotes a MINIMAL business to "
            + "FULL with one to five new owners; a verified customer goes back to PENDING.")
    Map<String, Object> upgrade(Caller caller, @PathVariable("customerId") String id, JsonBody body, HttpServletRequest request) {
        CustomerDetails upgraded = upgrades.upgrade(caller, customerId(id), BlaaizLifecycleReader.upgrade(body.object()));
        return envelope("Customer KYB scope upgraded to FULL. Upload owner ID files and call /submit to re-verify.",
                BlaaizCustomerWriter.full(upgraded, links.downloads(request)));
    }
}
