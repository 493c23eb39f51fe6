package dev.kyra.customer;

import dev.kyra.customer.internal.CustomerRepository;
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
import dev.kyra.platform.Tenant;
import dev.kyra.profile.ActionRefusedException;
import dev.kyra.profile.FieldPath;
import dev.kyra.profile.InvalidInputException;
import dev.kyra.profile.NotFoundException;
import dev.kyra.profile.Violation;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A business's owners beyond the owners array of an update (Blaaiz spec §4.10-§4.12): removing one
 * and registering its ID files. Both obey the lock matrix of §5.3: neither the owner nor its customer
 * may be under review or decided.
 */
@Service
public class OwnerService {

    private static final Violation CUSTOMER_LOCKED =
            Violation.general("Cannot modify owners while customer verification is in progress.");
    private static final Violation FILES_LOCKED =
            Violation.general("Cannot upload files for an owner that has been approved or is currently under review.");
    private static final Violation REMOVAL_LOCKED =
            Violation.general("Cannot remove an owner that has been approved or is currently under review.");

    private final CustomerRepository customers;
    private final OwnerRepository owners;
    private final Transitions transitions;
    private final EventLog events;
    private final FileService files;
    private final Clock clock;

    OwnerService(CustomerRepository customers, OwnerRepository owners, Transitions transitions, EventLog events,
                 FileService files, Clock clock) {
        this.clock = clock;
        this.customers = customers;
        this.owners = owners;
        this.transitions = transitions;
        this.events = events;
        this.files = files;
    }

    /** Adds a new owner to its customer: the one place owners are added, by create, update and upgrade. */
    void add(Caller caller, Customer customer, Owner owner) {
        owners.insert(customer, owner);
        events.record(caller, owner.customerId(), Change.data(EventType.OWNER_ADDED, subject(owner),
                ProfileChanges.added(owner.profile())));
    }

    /** Writes a client's edit of an owner's profile; an edit reopens a REJECTED owner. */
    void edit(Caller caller, Customer customer, Owner before, Owner after) {
        owners.update(customer, after);
        events.record(caller, customer.id(), Change.data(EventType.OWNER_CHANGED, subject(after),
                ProfileChanges.between(before.profile(), after.profile(), before.profile().changedBy(after.profile()))));
        transitions.moveOwner(caller, customer, after, Lifecycle.ChildAction.EDIT, null, null);
    }

    @Transactional
    public void delete(Caller caller, CustomerRef ref, String ownerId) {
        Customer customer = customers.lock(caller.tenant(), ref);
        Owner owner = find(customer, ownerId);
        checkMayChange(customer, owner, Lifecycle.ChildAction.DELETE, REMOVAL_LOCKED);
        owners.delete(caller.tenant(), owner);
        events.record(caller, customer.id(), Change.data(EventType.OWNER_REMOVED, subject(owner), List.of()));
    }

    /** An upload URL for one side of the owner's ID document; 422 for an unknown side. */
    @Transactional
    public PreparedUpload prepareUpload(Caller caller, CustomerRef ref, String ownerId, String category, String baseUrl) {
        Customer customer = customers.lock(caller.tenant(), ref);
        Owner owner = find(customer, ownerId);
        OwnerFileSlot slot = OwnerFileSlot.fromCode(category).orElseThrow(() -> new InvalidInputException(Violation.of(
                FieldPath.of(FileRequestPart.FILE_CATEGORY), "{field} must be one of: id_document_front, id_document_back")));
        checkMayChange(customer, owner, Lifecycle.ChildAction.EDIT, FILES_LOCKED);
        return files.prepareUpload(caller.tenant(), binding(owner, slot), baseUrl);
    }

    /**
     * Registers the owner's ID files, each replacing the file in its slot. Every file is checked
     * before anything is written; a replacement on a REJECTED owner reopens it.
     *
     * @param fileIds file ids by slot, as the client sent them
     */
    @Transactional
    public Owner attachFiles(Caller caller, CustomerRef ref, String ownerId, Map<OwnerFileSlot, String> fileIds) {
        Tenant tenant = caller.tenant();
        Customer customer = customers.lock(tenant, ref);
        Owner owner = find(customer, ownerId);
        if (fileIds.isEmpty()) {
            throw new InvalidInputException(Violation.of(FieldPath.of(OwnerFileSlot.ID_DOCUMENT_FRONT),
                    "{field} or {0} is required", FieldPath.of(OwnerFileSlot.ID_DOCUMENT_BACK)));
        }
        checkMayChange(customer, owner, Lifecycle.ChildAction.EDIT, FILES_LOCKED);
        Map<OwnerFileSlot, FileRef> attached = new EnumMap<>(OwnerFileSlot.class);
        fileIds.forEach((slot, fileId) -> {
            CheckedFile file = FileProblems.check(files, tenant, fileId, binding(owner, slot), FieldPath.of(slot), "{field}");
            attached.put(slot, new FileRef(file.id(), file.storageKey()));
        });
        FileRef front = attached.getOrDefault(OwnerFileSlot.ID_DOCUMENT_FRONT, owner.idDocumentFront());
        FileRef back = attached.getOrDefault(OwnerFileSlot.ID_DOCUMENT_BACK, owner.idDocumentBack());
        if (Objects.equals(front, owner.idDocumentFront()) && Objects.equals(back, owner.idDocumentBack())) {
            return owner; // the same files again: nothing to reopen
        }
        Owner updated = owner.withFiles(owner.profile(), front, back, Timestamps.now(clock));
        owners.update(customer, updated);
        List<FieldChange> changes = new java.util.ArrayList<>();
        addFileChange(changes, OwnerFileSlot.ID_DOCUMENT_FRONT, owner.idDocumentFront(), front);
        addFileChange(changes, OwnerFileSlot.ID_DOCUMENT_BACK, owner.idDocumentBack(), back);
        events.record(caller, customer.id(), Change.data(EventType.FILES_ATTACHED, subject(owner), changes));
        return transitions.moveOwner(caller, customer, updated, Lifecycle.ChildAction.EDIT, null, null);
    }

    private static void addFileChange(List<FieldChange> changes, OwnerFileSlot slot, FileRef before, FileRef after) {
        if (!Objects.equals(before, after)) {
            changes.add(FieldChange.of(slot.code(), before == null ? null : before.fileId(), after.fileId()));
        }
    }

    private Owner find(Customer customer, String ownerId) {
        return RecordIds.parse(ownerId)
                .flatMap(id -> owners.find(customer, id))
                .orElseThrow(NotFoundException::owner);
    }

    private static void checkMayChange(Customer customer, Owner owner, Lifecycle.ChildAction action, Violation ownerLocked) {
        if (!Lifecycle.clientMayChange(customer.verificationStatus(), ReviewStatus.PENDING, action)) {
            throw new ActionRefusedException(CUSTOMER_LOCKED);
        }
        if (!Lifecycle.clientMayChange(customer.verificationStatus(), owner.status(), action)) {
            throw new ActionRefusedException(ownerLocked);
        }
    }

    private static FileBinding binding(Owner owner, OwnerFileSlot slot) {
        return new FileBinding(owner.customerId(), owner.id(), slot.code());
    }

    private static String subject(Owner owner) {
        return "owner:" + owner.id();
    }
}
