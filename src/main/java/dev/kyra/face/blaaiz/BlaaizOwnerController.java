package dev.kyra.face.blaaiz;

import static dev.kyra.face.blaaiz.BlaaizCustomerController.customerId;
import static dev.kyra.face.blaaiz.BlaaizCustomerController.envelope;

import dev.kyra.customer.FileRequestPart;
import dev.kyra.customer.Owner;
import dev.kyra.customer.OwnerFileSlot;
import dev.kyra.customer.OwnerService;
import dev.kyra.files.PreparedUpload;
import dev.kyra.platform.Caller;
import dev.kyra.web.JsonBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A business's owners beyond the owners array (spec §4.10-§4.12): removal and ID files. */
@RestController
@RequestMapping("/api/external/customer/{customerId}/owner/{ownerId}")
@Tag(name = "Owners (Blaaiz)")
class BlaaizOwnerController {

    private final OwnerService owners;
    private final BlaaizLinks links;

    BlaaizOwnerController(OwnerService owners, BlaaizLinks links) {
        this.owners = owners;
        this.links = links;
    }

    @DeleteMapping
    @Operation(summary = "Delete an owner", description = "Needs customer:write. 400 while the owner or its customer "
            + "is under review or approved.")
    Map<String, Object> delete(Caller caller, @PathVariable("customerId") String customer, @PathVariable("ownerId") String owner) {
        owners.delete(caller, customerId(customer), owner);
        return BlaaizFace.message("Owner deleted successfully");
    }

    @PostMapping("/file/presigned-url")
    @Operation(summary = "Owner ID-file upload URL", description = "Needs customer:write. file_category is "
            + "id_document_front or id_document_back; the URL takes one PUT within 5 minutes.")
    Map<String, Object> uploadUrl(Caller caller, @PathVariable("customerId") String customer, @PathVariable("ownerId") String owner, JsonBody body,
                                  HttpServletRequest request) {
        String category = BlaaizLifecycleReader.requiredText(body.object(), "file_category", FileRequestPart.FILE_CATEGORY);
        PreparedUpload upload = owners.prepareUpload(caller, customerId(customer), owner, category, links.base(request));
        return envelope("Upload URL generated successfully", BlaaizUploads.json(upload));
    }

    @PostMapping("/files")
    @Operation(summary = "Register owner ID files", description = "Needs customer:write. id_document_front and/or "
            + "id_document_back, each a file_id from this owner's upload URL. Files are checked before anything is saved.")
    Map<String, Object> attachFiles(Caller caller, @PathVariable("customerId") String customer, @PathVariable("ownerId") String owner,
                                    JsonBody body) {
        Owner updated = owners.attachFiles(caller, customerId(customer), owner,
                BlaaizLifecycleReader.fileIds(body.object(), OwnerFileSlot::fromCode));
        return envelope("Owner files uploaded successfully", BlaaizCustomerWriter.owner(updated));
    }
}
