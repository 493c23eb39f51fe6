package dev.kyra.face.blaaiz;

import static dev.kyra.profile.CustomerFields.BUSINESS_NAME;
import static dev.kyra.profile.CustomerFields.COUNTRY;
import static dev.kyra.profile.CustomerFields.EMAIL;
import static dev.kyra.profile.CustomerFields.FIRST_NAME;
import static dev.kyra.profile.CustomerFields.ID_NUMBER;
import static dev.kyra.profile.CustomerFields.ID_TYPE;
import static dev.kyra.profile.CustomerFields.INCORPORATION_COUNTRY;
import static dev.kyra.profile.CustomerFields.LAST_NAME;
import static dev.kyra.profile.CustomerFields.PHONE;
import static dev.kyra.profile.CustomerFields.REGISTRATION_NUMBER;

import dev.kyra.customer.Comment;
import dev.kyra.customer.Customer;
import dev.kyra.customer.CustomerDetails;
import dev.kyra.customer.Document;
import dev.kyra.customer.FileRef;
import dev.kyra.customer.Owner;
import dev.kyra.profile.Field;
import dev.kyra.profile.FieldValues;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders customers in the Blaaiz shapes (spec §3.1-§3.4, §4.2). */
final class BlaaizCustomerWriter {

    /** Laravel's timestamp format: UTC with microseconds, {@code 2024-01-15T10:30:00.000000Z}. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private static final List<Field<?>> SUMMARY_FIELDS = List.of(FIRST_NAME, LAST_NAME, BUSINESS_NAME, EMAIL, PHONE,
            COUNTRY, ID_TYPE, ID_NUMBER, REGISTRATION_NUMBER, INCORPORATION_COUNTRY);

    private BlaaizCustomerWriter() {
    }

    /**
     * The full GET shape: every field (null when unset), {@code kyc_data}, owners, documents with
     * fresh download links, and recent comments.
     */
    static Map<String, Object> full(CustomerDetails details, DownloadLinks links) {
        Customer customer = details.customer();
        Map<String, Object> json = head(customer);
        BlaaizFields.CUSTOMER.forEach(name -> json.put(name.json(), value(customer.profile(), name.field())));
        json.put("verification_status", customer.verificationStatus().name());
        json.put("enhanced_due_diligence", customer.enhancedDueDiligence());
        Map<String, Object> kycData = new LinkedHashMap<>();
        kycData.put("id", customer.kycDataId().toString());
        BlaaizFields.KYC_DATA.forEach(name -> kycData.put(name.json(), value(customer.profile(), name.field())));
        json.put("kyc_data", kycData);
        json.put("owners", details.owners().stream().map(BlaaizCustomerWriter::owner).toList());
        json.put("documents", details.documents().stream().map(document -> document(document, links)).toList());
        json.put("recent_comments", details.comments().stream().map(BlaaizCustomerWriter::comment).toList());
        timestamps(json, customer.createdAt(), customer.updatedAt());
        return json;
    }

    /** The lighter list item: no relations (spec §4.2). */
    static Map<String, Object> summary(Customer customer) {
        Map<String, Object> json = head(customer);
        SUMMARY_FIELDS.forEach(field -> json.put(BlaaizFields.name(dev.kyra.profile.FieldPath.of(field)),
                value(customer.profile(), field)));
        json.put("verification_status", customer.verificationStatus().name());
        timestamps(json, customer.createdAt(), customer.updatedAt());
        return json;
    }

    static Map<String, Object> owner(Owner owner) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", owner.id().toString());
        BlaaizFields.OWNER.forEach(name -> json.put(name.json(), value(owner.profile(), name.field())));
        json.put("status", owner.status().name());
        json.put("admin_comments", owner.adminComments());
        // the spec shows storage keys here, not links: links expire, keys identify the file
        json.put("id_document_path", storageKey(owner.idDocumentFront()));
        json.put("id_document_back_path", storageKey(owner.idDocumentBack()));
        timestamps(json, owner.createdAt(), owner.updatedAt());
        return json;
    }

    /** A KYB document (spec §3.4) with a download link valid for two minutes. */
    static Map<String, Object> document(Document document, DownloadLinks links) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", document.id().toString());
        json.put("business_customer_id", document.customerId().toString());
        json.put("type", document.type());
        json.put("name", document.name());
        json.put("extension", document.extension());
        json.put("description", document.description());
        json.put("status", document.status().name());
        json.put("admin_comments", document.adminComments());
        json.put("url", links.to(document.file()));
        timestamps(json, document.createdAt(), document.updatedAt());
        return json;
    }

    private static Map<String, Object> comment(Comment comment) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", comment.id().toString());
        json.put("comment", comment.text());
        json.put("type", comment.type());
        json.put("created_at", timestamp(comment.createdAt()));
        return json;
    }

    private static String storageKey(FileRef file) {
        return file == null ? null : file.storageKey();
    }

    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    private static Map<String, Object> head(Customer customer) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", customer.id().toString());
        json.put("business_id", customer.tenant().platformId().toString());
        json.put("type", customer.type().code());
        json.put("kyb_scope", customer.kybScope() == null ? null : customer.kybScope().name());
        return json;
    }

    private static void timestamps(Map<String, Object> json, Instant createdAt, Instant updatedAt) {
        json.put("created_at", timestamp(createdAt));
        json.put("updated_at", timestamp(updatedAt));
    }

    private static Object value(FieldValues values, Field<?> field) {
        Object value = values.get(field);
        return switch (value) {
            case LocalDate date -> date.toString();
            // percentages are printed as strings with two decimals: "60.00" (decision B6)
            case BigDecimal number -> number.setScale(2, RoundingMode.HALF_UP).toPlainString();
            case null, default -> value;
        };
    }
}
