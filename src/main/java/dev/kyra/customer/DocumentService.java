package dev.kyra.customer;

import static dev.kyra.profile.DocumentFields.DESCRIPTION;
import static dev.kyra.profile.DocumentFields.FILE_ID;
import static dev.kyra.profile.DocumentFields.NAME;
import static dev.kyra.profile.DocumentFields.TYPE;

import dev.kyra.customer.internal.CustomerRepository;
import dev.kyra.customer.internal.DocumentRepository;
import dev.kyra.database.Timestamps;
import dev.kyra.events.Change;
import dev.kyra.events.EventLog;
import dev.kyra.events.EventType;
import dev.kyra.files.CheckedFile;
import dev.kyra.files.FileBinding;
import dev.kyra.files.FileService;
import dev.kyra.files.PreparedUpload;
import dev.kyra.ids.UuidV7;
import dev.kyra.platform.Caller;
import dev.kyra.platform.Tenant;
import dev.kyra.profile.ActionRefusedException;
import dev.kyra.profile.CustomerType;
import dev.kyra.profile.DocumentFields;
import dev.kyra.profile.Field;
import dev.kyra.profile.FieldPath;
import dev.kyra.profile.FieldValues;
import dev.kyra.profile.InvalidInputException;
import dev.kyra.profile.NotFoundException;
import dev.kyra.profile.ProfileRules;
import dev.kyra.profile.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A business's KYB documents (Blaaiz spec §4.13): uploaded, registered, edited and removed by the
 * platform while neither the document nor its customer is under review or decided (§5.3). A
 * document's file is checked from its bytes before anything is written.
 */
@Service
public class DocumentService {

    /** The upload purpose of a document's file. */
    static final String PURPOSE = "kyb_document";

    private static final Violation CUSTOMER_LOCKED =
            Violation.general("Cannot modify documents while customer verification is in progress.");
    private static final Violation DOCUMENT_LOCKED =
            Violation.general("Cannot modify a document that has been approved or is currently under review.");

    private final CustomerRepository customers;
    private final DocumentRepository documents;
    private final Transitions transitions;
    private final EventLog events;
    private final FileService files;
    private final Clock clock;

    DocumentService(CustomerRepository customers, DocumentRepository documents, Transitions transitions, EventLog events,
                    FileService files, Clock clock) {
        this.clock = clock;
        this.customers = customers;
        this.documents = documents;
        this.transitions = transitions;
        this.events = events;
        this.files = files;
    }

    public List<Document> list(Tenant tenant, CustomerRef ref) {
        Customer customer = business(customers.find(tenant, ref).orElseThrow(NotFoundException::customer));
        return documents.findByCustomer(tenant, customer.id());
    }

    public Document get(Tenant tenant, CustomerRef ref, String documentId) {
        return find(business(customers.find(tenant, ref).orElseThrow(NotFoundException::customer)), documentId);
    }

    @Transactional
    public PreparedUpload prepareUpload(Caller caller, CustomerRef ref, String baseUrl) {
        Customer customer = lockedBusiness(caller.tenant(), ref);
        checkCustomerUnlocked(customer);
        return files.prepareUpload(caller.tenant(), binding(customer), baseUrl);
    }

    /** Registers a document from an upload: type, name and file id are required, the description optional. */
    @Transactional
    public Document create(Caller caller, CustomerRef ref, FieldValues values) {
        Customer customer = lockedBusiness(caller.tenant(), ref);
        checkCustomerUnlocked(customer);
        List<Violation> violations = new ArrayList<>(ProfileRules.required(values, DocumentFields.REQUIRED));
        violations.addAll(ProfileRules.values(values));
        throwIfAny(violations);
        CheckedFile file = checkFile(caller.tenant(), customer, values.get(FILE_ID));
        Instant now = Timestamps.now(clock);
        Document document = new Document(UuidV7.next(), customer.id(), values.get(TYPE), values.get(NAME),
                file.type().extension(), values.get(DESCRIPTION), ReviewStatus.PENDING, null,
                new FileRef(file.id(), file.storageKey()), now, now);
        documents.insert(caller.tenant(), document);
        events.record(caller, customer.id(), Change.data(EventType.DOCUMENT_ADDED, subject(document),
                ProfileChanges.added(values)));
        return document;
    }

    /**
     * A partial update: fields left out stay, a null description is cleared. A change to a REJECTED
     * document reopens it; a request that changes nothing is allowed whatever the state.
     */
    @Transactional
    public Document update(Caller caller, CustomerRef ref, String documentId, FieldValues changes) {
        Customer customer = lockedBusiness(caller.tenant(), ref);
        Document document = find(customer, documentId);
        FieldValues current = valuesOf(document);
        Set<Field<?>> changed = current.changedBy(changes);
        if (changed.isEmpty()) {
            return document;
        }
        checkMayChange(customer, document, Lifecycle.ChildAction.EDIT);
        FieldValues patch = changes.restrictedTo(changed);
        FieldValues merged = current.with(patch);
        List<Violation> violations = new ArrayList<>(ProfileRules.required(merged,
                DocumentFields.REQUIRED.stream().filter(patch::mentions).toList()));
        violations.addAll(ProfileRules.values(patch));
        throwIfAny(violations);
        FileRef fileRef = document.file();
        String extension = document.extension();
        if (patch.mentions(FILE_ID)) {
            CheckedFile file = checkFile(caller.tenant(), customer, merged.get(FILE_ID));
            fileRef = new FileRef(file.id(), file.storageKey());
            extension = file.type().extension();
        }
        Document updated = document.edited(merged.get(TYPE), merged.get(NAME), merged.get(DESCRIPTION), fileRef, extension,
                Timestamps.now(clock));
        documents.update(caller.tenant(), updated);
        events.record(caller, customer.id(), Change.data(EventType.DOCUMENT_CHANGED, subject(document),
                ProfileChanges.between(current, merged, changed)));
        return transitions.moveDocument(caller, customer, updated, Lifecycle.ChildAction.EDIT, null, null);
    }

    /** Marks the document deleted; reviewers keep its history. */
    @Transactional
    public void delete(Caller caller, CustomerRef ref, String documentId) {
        Customer customer = lockedBusiness(caller.tenant(), ref);
        Document document = find(customer, documentId);
        checkMayChange(customer, document, Lifecycle.ChildAction.DELETE);
        documents.markDeleted(caller.tenant(), document, Timestamps.now(clock));
        events.record(caller, customer.id(), Change.data(EventType.DOCUMENT_REMOVED, subject(document), List.of()));
    }

    private Customer lockedBusiness(Tenant tenant, CustomerRef ref) {
        return business(customers.lock(tenant, ref));
    }

    private static Customer business(Customer customer) {
        if (customer.type() != CustomerType.BUSINESS) {
            throw new ActionRefusedException(Violation.general("KYB documents are for business customers only."));
        }
        return customer;
    }

    private Document find(Customer customer, String documentId) {
        return RecordIds.parse(documentId)
                .flatMap(id -> documents.find(customer.tenant(), customer.id(), id))
                .orElseThrow(NotFoundException::document);
    }

    private CheckedFile checkFile(Tenant tenant, Customer customer, String fileId) {
        return FileProblems.check(files, tenant, fileId, binding(customer), FieldPath.of(FILE_ID), "Document file");
    }

    private static void checkCustomerUnlocked(Customer customer) {
        if (!Lifecycle.clientMayChange(customer.verificationStatus(), ReviewStatus.PENDING, Lifecycle.ChildAction.EDIT)) {
            throw new ActionRefusedException(CUSTOMER_LOCKED);
        }
    }

    private static void checkMayChange(Customer customer, Document document, Lifecycle.ChildAction action) {
        checkCustomerUnlocked(customer);
        if (!Lifecycle.clientMayChange(customer.verificationStatus(), document.status(), action)) {
            throw new ActionRefusedException(DOCUMENT_LOCKED);
        }
    }

    private static FieldValues valuesOf(Document document) {
        return FieldValues.builder().set(TYPE, document.type()).set(NAME, document.name())
                .set(DESCRIPTION, document.description()).set(FILE_ID, document.file().fileId().toString()).build();
    }

    private static FileBinding binding(Customer customer) {
        return new FileBinding(customer.id(), null, PURPOSE);
    }

    private static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    private static String subject(Document document) {
        return "document:" + document.id();
    }
}
