package dev.kyra.customer;

import dev.kyra.customer.internal.CustomerRepository;
import dev.kyra.customer.internal.DocumentRepository;
import dev.kyra.customer.internal.LegacyFileRepository;
import dev.kyra.customer.internal.OwnerRepository;
import dev.kyra.database.Timestamps;
import dev.kyra.events.Change;
import dev.kyra.events.EventLog;
import dev.kyra.events.EventType;
import dev.kyra.events.FieldChange;
import dev.kyra.files.CheckedFile;
import dev.kyra.files.FileBinding;
import dev.kyra.files.FileService;
import dev.kyra.files.PreparedUpload;
import dev.kyra.platform.Caller;
import dev.kyra.platform.PlatformService;
import dev.kyra.platform.PlatformSettings;
import dev.kyra.platform.Tenant;
import dev.kyra.profile.ActionRefusedException;
import dev.kyra.profile.CustomerType;
import dev.kyra.profile.FieldPath;
import dev.kyra.profile.IncompleteCustomerException;
import dev.kyra.profile.InvalidInputException;
import dev.kyra.profile.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sending a customer to verification (Blaaiz spec §4.6-§4.8, decision B5): a business by
 * {@code /submit} once it is complete ({@link Readiness}); an individual by {@code /submit} or by
 * attaching its identity file. With the platform's auto-verify setting the customer is verified at
 * once, otherwise it joins the reviewers' queue.
 */
@Service
public class SubmissionService {

    /** The {@link Violation#code} of a legacy file asked for by a business. */
    public static final String LEGACY_FILES_FOR_INDIVIDUALS = "legacy-files-for-individuals";

    private static final Violation ALREADY_UNDER_REVIEW = Violation.general("Customer is already verified or under review.");

    private final CustomerRepository customers;
    private final OwnerRepository owners;
    private final DocumentRepository documents;
    private final LegacyFileRepository legacyFiles;
    private final Transitions transitions;
    private final EventLog events;
    private final PlatformService platforms;
    private final FileService files;
    private final CustomerService reads;
    private final Clock clock;

    SubmissionService(CustomerRepository customers, OwnerRepository owners, DocumentRepository documents,
                      LegacyFileRepository legacyFiles, Transitions transitions, EventLog events, PlatformService platforms,
                      FileService files, CustomerService reads, Clock clock) {
        this.clock = clock;
        this.customers = customers;
        this.owners = owners;
        this.documents = documents;
        this.legacyFiles = legacyFiles;
        this.transitions = transitions;
        this.events = events;
        this.platforms = platforms;
        this.files = files;
        this.reads = reads;
    }

    /**
     * Submits the customer: 400 when it is already under review or verified, 422 naming the first
     * gap when it is not complete; otherwise its PENDING owners and documents go under review with
     * it (or, auto-verified, every PENDING and REJECTED one is approved).
     */
    @Transactional
    public CustomerDetails submit(Caller caller, CustomerRef ref) {
        Tenant tenant = caller.tenant();
        Customer customer = customers.lock(tenant, ref);
        if (Lifecycle.customer(customer.verificationStatus(), Lifecycle.CustomerAction.SUBMIT).isEmpty()) {
            throw new ActionRefusedException(ALREADY_UNDER_REVIEW);
        }
        boolean business = customer.type() == CustomerType.BUSINESS;
        List<Owner> customerOwners = business ? owners.findByCustomer(customer) : List.of();
        List<Document> customerDocuments = business ? documents.findByCustomer(tenant, customer.id()) : List.of();
        Readiness.gap(customer, customerOwners, customerDocuments, legacyFiles.findByCustomer(tenant, customer.id()))
                .ifPresent(gap -> {
                    throw new IncompleteCustomerException(gap, customer.type());
                });
        sendToVerification(caller, customer, customerOwners, customerDocuments);
        return reads.get(tenant, CustomerRef.id(customer.id()));
    }

    /**
     * An upload URL for an individual's legacy file (spec §4.6): 400 for a business, and while the
     * customer is under review or verified; 422 for an unknown category.
     */
    @Transactional
    public PreparedUpload prepareLegacyUpload(Caller caller, CustomerRef ref, String category, String baseUrl) {
        LegacyFileSlot slot = LegacyFileSlot.fromCategory(category).orElseThrow(() -> new InvalidInputException(
                Violation.of(FieldPath.of(FileRequestPart.FILE_CATEGORY),
                        "{field} must be one of: identity, identity_back, proof_of_address, liveness_check")));
        Customer customer = customers.lock(caller.tenant(), ref);
        checkLegacyFilesAllowed(customer);
        return files.prepareUpload(caller.tenant(), new FileBinding(customer.id(), null, slot.category()), baseUrl);
    }

    /**
     * Registers an individual's legacy files; each replaces the file in its slot. Attaching the
     * identity file sends the customer to verification (decision B5).
     *
     * @param fileIds file ids by slot, as the client sent them
     */
    @Transactional
    public void attachLegacyFiles(Caller caller, CustomerRef ref, Map<LegacyFileSlot, String> fileIds) {
        Tenant tenant = caller.tenant();
        Customer customer = customers.lock(tenant, ref);
        checkLegacyFilesAllowed(customer);
        if (fileIds.isEmpty()) {
            throw new InvalidInputException(Violation.general("One of {0} is required.",
                    java.util.Arrays.stream(LegacyFileSlot.values()).map(FieldPath::of).toList()));
        }
        Map<LegacyFileSlot, CheckedFile> checked = new LinkedHashMap<>();
        fileIds.forEach((slot, fileId) -> checked.put(slot, FileProblems.check(files, tenant, fileId,
                new FileBinding(customer.id(), null, slot.category()), FieldPath.of(slot), "{field}")));
        Instant now = Timestamps.now(clock);
        Map<LegacyFileSlot, FileRef> before = legacyFiles.findByCustomer(tenant, customer.id());
        List<FieldChange> changes = new java.util.ArrayList<>();
        checked.forEach((slot, file) -> {
            legacyFiles.put(tenant, customer.id(), slot, file.id(), now);
            FileRef previous = before.get(slot);
            changes.add(FieldChange.of(slot.code(), previous == null ? null : previous.fileId(), file.id()));
        });
        events.record(caller, customer.id(), Change.data(EventType.FILES_ATTACHED, Change.CUSTOMER, changes));
        if (checked.containsKey(LegacyFileSlot.ID_FILE)) {
            sendToVerification(caller, customer, List.of(), List.of());
        }
    }

    private void sendToVerification(Caller caller, Customer customer, List<Owner> customerOwners,
                                    List<Document> customerDocuments) {
        PlatformSettings settings = platforms.settingsOf(caller.tenant().platformId());
        boolean auto = customer.type() == CustomerType.BUSINESS ? settings.autoVerifyBusinessCustomers()
                : settings.autoVerifyIndividuals();
        transitions.moveChildren(caller, customer, customerOwners, customerDocuments,
                auto ? Lifecycle.ChildAction.SUBMIT_AUTO : Lifecycle.ChildAction.SUBMIT);
        transitions.move(caller, customer, auto ? Lifecycle.CustomerAction.SUBMIT_AUTO : Lifecycle.CustomerAction.SUBMIT,
                customer.kybScope(), null, ALREADY_UNDER_REVIEW);
    }

    private static void checkLegacyFilesAllowed(Customer customer) {
        if (customer.type() != CustomerType.INDIVIDUAL) {
            throw new ActionRefusedException(Violation.general(
                    "Legacy files are for individual customers; businesses use KYB documents and owner files.")
                    .coded(LEGACY_FILES_FOR_INDIVIDUALS));
        }
        if (Lifecycle.customer(customer.verificationStatus(), Lifecycle.CustomerAction.SUBMIT).isEmpty()) {
            throw new ActionRefusedException(Violation.general(
                    "Files cannot be uploaded while the customer is under review or verified."));
        }
    }
}
