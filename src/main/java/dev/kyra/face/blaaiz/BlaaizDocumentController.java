package dev.kyra.face.blaaiz;

import static dev.kyra.face.blaaiz.BlaaizCustomerController.customerId;
import static dev.kyra.face.blaaiz.BlaaizCustomerController.envelope;

import dev.kyra.customer.Document;
import dev.kyra.customer.DocumentService;
import dev.kyra.platform.Caller;
import dev.kyra.web.JsonBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A business's KYB documents (spec §4.13). Every {@code url} is a fresh two-minute download link. */
@RestController
@RequestMapping("/api/external/customer/{customerId}/document")
@Tag(name = "KYB documents (Blaaiz)")
class BlaaizDocumentController {

    private final DocumentService documents;
    private final BlaaizLinks links;

    BlaaizDocumentController(DocumentService documents, BlaaizLinks links) {
        this.documents = documents;
        this.links = links;
    }

    @GetMapping
    @Operation(summary = "List documents", description = "Needs customer:read. Deleted documents are left out.")
    Map<String, Object> list(Caller caller, @PathVariable("customerId") String customer, HttpServletRequest request) {
        DownloadLinks downloads = links.downloads(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", documents.list(caller.tenant(), customerId(customer)).stream()
                .map(document -> BlaaizCustomerWriter.document(document, downloads)).toList());
        return body;
    }

    @GetMapping("/{documentId}")
    @Operation(summary = "Get a document", description = "Needs customer:read.")
    Map<String, Object> get(Caller caller, @PathVariable("customerId") String customer, @PathVariable("documentId") String document,
                            HttpServletRequest request) {
        Document found = documents.get(caller.tenant(), customerId(customer), document);
        return envelope("Document retrieved successfully", BlaaizCustomerWriter.document(found, links.downloads(request)));
    }

    @PostMapping("/presigned-url")
    @Operation(summary = "Document upload URL", description = "Needs customer:write. No body. One PUT within 5 minutes; "
            + "size and type are checked when the document is created.")
    Map<String, Object> uploadUrl(Caller caller, @PathVariable("customerId") String customer, HttpServletRequest request) {
        return envelope("Upload URL generated successfully",
                BlaaizUploads.json(documents.prepareUpload(caller, customerId(customer), links.base(request))));
    }

    @PostMapping
    @Operation(summary = "Create a document", description = "Needs customer:write. type, name and file_id are "
            + "required; the upload must be a PDF, JPEG or PNG of at most 25 MB.")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(Caller caller, @PathVariable("customerId") String customer, JsonBody body,
                                               HttpServletRequest request) {
        Document created = documents.create(caller, customerId(customer), BlaaizLifecycleReader.document(body.object()));
        return envelope("Document created successfully",
                BlaaizCustomerWriter.document(created, links.downloads(request)));
    }

    @PutMapping("/{documentId}")
    @Operation(summary = "Update a document", description = "Needs customer:write. A partial update of type, name, "
            + "description and file_id; a change to a REJECTED document sends it back to PENDING.")
    Map<String, Object> update(Caller caller, @PathVariable("customerId") String customer, @PathVariable("documentId") String document, JsonBody body,
                               HttpServletRequest request) {
        Document updated = documents.update(caller, customerId(customer), document,
                BlaaizLifecycleReader.document(body.object()));
        return envelope("Document updated successfully", BlaaizCustomerWriter.document(updated, links.downloads(request)));
    }

    @DeleteMapping("/{documentId}")
    @Operation(summary = "Delete a document", description = "Needs customer:write. A soft delete.")
    Map<String, Object> delete(Caller caller, @PathVariable("customerId") String customer, @PathVariable("documentId") String document) {
        documents.delete(caller, customerId(customer), document);
        return BlaaizFace.message("Document deleted successfully");
    }
}
