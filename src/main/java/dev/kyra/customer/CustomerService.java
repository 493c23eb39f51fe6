package dev.kyra.customer;

import dev.kyra.customer.internal.CustomerReader;
import dev.kyra.customer.internal.CustomerRepository;
import dev.kyra.customer.internal.OwnerRepository;
import dev.kyra.customer.internal.TierRequestRepository;
import dev.kyra.database.Timestamps;
import dev.kyra.events.Change;
import dev.kyra.events.CustomerEvent;
import dev.kyra.events.EventLog;
import dev.kyra.events.EventType;
import dev.kyra.events.FieldChange;
import dev.kyra.ids.ObjectIds;
import dev.kyra.ids.UuidV7;
import dev.kyra.personal.DataKeys;
import dev.kyra.platform.Caller;
import dev.kyra.platform.PlatformService;
import dev.kyra.platform.PlatformSettings;
import dev.kyra.platform.Tenant;
import dev.kyra.profile.Attribute;
import dev.kyra.profile.CustomerFields;
import dev.kyra.profile.CustomerType;
import dev.kyra.profile.Field;
import dev.kyra.profile.FieldPath;
import dev.kyra.profile.FieldValues;
import dev.kyra.profile.InvalidInputException;
import dev.kyra.profile.NotFoundException;
import dev.kyra.profile.ProfileRules;
import dev.kyra.profile.RegistryException;
import dev.kyra.profile.Violation;
import dev.kyra.query.ListQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry's customers: create, read, list and change them under every rule that is about
 * customers rather than about a wire format. Each call is scoped to the caller's platform and mode;
 * a customer of another tenant is {@linkplain NotFoundException not found}. A change is checked
 * whole before anything is written, and is written together with its events in one
 * transaction, under a row lock so that concurrent changes to one customer never lose each other.
 */
@Service
public class CustomerService {

    private static final int STREAM_BATCH = 500;

    private static final String EMPTY_METADATA = "{}";
    /** The {@link Violation#code} of an update that sends a KYB scope. */
    public static final String KYB_SCOPE_READ_ONLY = "kyb-scope-read-only";
    private static final String REFERENCE = "reference";
    private static final String METADATA = "metadata";

    private final CustomerRepository customers;
    private final OwnerRepository owners;
    private final TierRequestRepository verifications;
    private final CustomerReader reader;
    private final EventLog events;
    private final Transitions transitions;
    private final OwnerService ownerWrites;
    private final PlatformService platforms;
    private final DataKeys dataKeys;
    private final Clock clock;

    CustomerService(CustomerRepository customers, OwnerRepository owners, TierRequestRepository verifications,
                    CustomerReader reader, EventLog events, Transitions transitions, OwnerService ownerWrites,
                    PlatformService platforms, DataKeys dataKeys, Clock clock) {
        this.dataKeys = dataKeys;
        this.clock = clock;
        this.customers = customers;
        this.owners = owners;
        this.verifications = verifications;
        this.reader = reader;
        this.events = events;
        this.transitions = transitions;
        this.ownerWrites = ownerWrites;
        this.platforms = platforms;
    }

    @Transactional
    public CustomerDetails create(Caller caller, NewCustomer request) {
        try {
            return createChecked(caller, request);
        } catch (RegistryException e) {
            throw e.concerning(request.type());
        }
    }

    private CustomerDetails createChecked(Caller caller, NewCustomer request) {
        Tenant tenant = caller.tenant();
        CustomerType type = request.type();
        List<Violation> violations = new ArrayList<>(ProfileRules.typeScope(type, request.profile()));
        if (type == CustomerType.INDIVIDUAL && !request.owners().isEmpty()) {
            violations.add(Violation.of(FieldPath.of(Attribute.OWNERS), "{field} is not allowed for individual customers"));
        }
        if (type == CustomerType.INDIVIDUAL && request.kybScope() != null) {
            violations.add(Violation.of(FieldPath.of(Attribute.KYB_SCOPE), "{field} is not allowed for individual customers"));
        }
        // only a business's scope depends on the platform's settings
        KybScope kybScope = type == CustomerType.BUSINESS
                ? kybScopeFor(request.kybScope(), platforms.settingsOf(tenant.platformId()), violations) : null;
        FieldValues profile = FieldValues.empty().with(request.profile());
        violations.addAll(ProfileRules.required(profile, request.requiredFields()));
        violations.addAll(ProfileRules.values(request.profile()));
        violations.addAll(ProfileRules.agreement(type, profile, request.profile()));

        UUID id = UuidV7.next();
        Instant now = Timestamps.now(clock);
        OwnerUpdates ownerPlan = OwnerUpdates.forNewCustomer(id, request.owners(), now);
        violations.addAll(ownerPlan.violations);
        violations.addAll(tierProblems(type, profile, Set.copyOf(request.tiers())));
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Customer customer = new Customer(id, ObjectIds.fromUuidV7(id), tenant, type, VerificationStatus.PENDING,
                kybScope, Activity.ACTIVE, request.reference(), UuidV7.next(), false, profile,
                Objects.requireNonNullElse(request.metadata(), EMPTY_METADATA), 1, now, now, dataKeys.create(tenant, id));
        customers.insert(customer);
        List<FieldChange> created = new ArrayList<>(ProfileChanges.added(profile));
        if (customer.reference() != null) {
            created.add(FieldChange.of(REFERENCE, null, customer.reference()));
        }
        events.record(caller, id, Change.data(EventType.CUSTOMER_CREATED, Change.CUSTOMER, created));
        for (Owner owner : ownerPlan.added) {
            ownerWrites.add(caller, customer, owner);
        }
        List<TierRequest> tiers = requestTiers(caller, customer, request.tiers(), List.of());
        return CustomerDetails.of(customer, ownerPlan.added, tiers);
    }

    /** A full read, in one statement: one snapshot of the customer and everything it holds. */
    public CustomerDetails get(Tenant tenant, CustomerRef ref) {
        return reader.find(tenant, ref).orElseThrow(NotFoundException::customer);
    }

    /** Full reads of many of the tenant's customers, in one statement; those not found are absent. */
    public Map<UUID, CustomerDetails> getAll(Tenant tenant, Collection<UUID> ids) {
        return reader.findAll(tenant, ids);
    }

    /**
     * Applies a partial update (Blaaiz spec §4.4): a read-only or misplaced field refuses the whole
     * request, then the verification-state locks, then value and cross-field rules on the merged
     * profile, then uniqueness, then the owners entries.
     */
    @Transactional
    public CustomerDetails update(Caller caller, CustomerRef ref, CustomerChanges changes) {
        Customer current = customers.lock(caller.tenant(), ref);
        try {
            return applyChanges(caller, current, changes);
        } catch (RegistryException e) {
            throw e.concerning(current.type());
        }
    }

    private CustomerDetails applyChanges(Caller caller, Customer current, CustomerChanges changes) {
        Tenant tenant = caller.tenant();
        UUID id = current.id();
        if (changes.type() != null && changes.type() != current.type()) {
            throw new InvalidInputException(Violation.of(FieldPath.of(Attribute.TYPE),
                    "{field} cannot be changed after a customer is created"));
        }
        if (changes.kybScopeSent()) {
            throw new InvalidInputException(Violation.of(FieldPath.of(Attribute.KYB_SCOPE),
                    "{field} is read-only; only an upgrade of a MINIMAL business changes it").coded(KYB_SCOPE_READ_ONLY));
        }
        List<Violation> misplaced = new ArrayList<>(ProfileRules.typeScope(current.type(), changes.profile()));
        if (current.type() == CustomerType.INDIVIDUAL && changes.owners() != null) {
            misplaced.add(Violation.of(FieldPath.of(Attribute.OWNERS), "{field} is not allowed for individual customers"));
        }
        if (!misplaced.isEmpty()) {
            throw new InvalidInputException(misplaced);
        }
        List<Owner> storedOwners = current.type() == CustomerType.BUSINESS ? owners.findByCustomer(current) : List.of();
        List<TierRequest> storedTiers = verifications.findByCustomer(tenant, id);
        Instant now = Timestamps.now(clock);
        Set<Field<?>> changed = current.profile().changedBy(changes.profile());
        OwnerUpdates ownerPlan = OwnerUpdates.plan(id, storedOwners, changes.ownerEntries(), now);
        EditLocks.checkProfileAndOwners(current, changed, ownerPlan.changesAnything());

        FieldValues patch = changes.profile().restrictedTo(changed);
        FieldValues merged = current.profile().with(patch);
        List<Violation> violations = new ArrayList<>(ProfileRules.values(patch));
        violations.addAll(ProfileRules.required(merged,
                changes.requiredFields().stream().filter(patch::mentions).toList()));
        violations.addAll(ProfileRules.agreement(current.type(), merged, patch));
        violations.addAll(ownerPlan.violations);
        List<Tier> newTiers = newTiers(changes.tiers(), storedTiers);
        violations.addAll(tierProblems(current.type(), merged, Set.copyOf(newTiers)));
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        String reference = changes.reference() != null ? changes.reference() : current.reference();
        String metadata = changes.metadata() != null ? changes.metadata() : current.metadata();
        boolean referenceChanged = !Objects.equals(reference, current.reference());
        boolean metadataChanged = !Objects.equals(metadata, current.metadata());
        if (changed.isEmpty() && !ownerPlan.changesAnything() && newTiers.isEmpty() && !referenceChanged && !metadataChanged) {
            return details(current);
        }
        Customer updated = current.changed(merged, reference, metadata, now);
        customers.update(updated);
        if (!changed.isEmpty() || referenceChanged || metadataChanged) {
            List<FieldChange> profileChanges = new ArrayList<>(ProfileChanges.between(current.profile(), merged, changed));
            if (referenceChanged) {
                profileChanges.add(FieldChange.of(REFERENCE, current.reference(), reference));
            }
            if (metadataChanged) {
                profileChanges.add(FieldChange.masked(METADATA, current.metadata(), metadata)); // free JSON: may hold anything
            }
            events.record(caller, id, Change.data(EventType.PROFILE_CHANGED, Change.CUSTOMER, profileChanges));
        }
        for (Owner owner : ownerPlan.added) {
            ownerWrites.add(caller, updated, owner);
        }
        for (Owner owner : ownerPlan.edited) {
            ownerWrites.edit(caller, updated,
                    storedOwners.stream().filter(stored -> stored.id().equals(owner.id())).findFirst().orElseThrow(), owner);
        }
        requestTiers(caller, updated, newTiers, storedTiers);
        return details(updated); // the same shape as a read: documents, files and comments included
    }

    /**
     * Every customer of the tenant that matches, oldest first, one at a time: for lists with no page,
     * which a tenant of any size may ask for. Rows are read in batches of {@value #STREAM_BATCH}; the
     * list is not one snapshot, but a customer that exists throughout is seen exactly once.
     */
    public void forEach(Tenant tenant, CustomerFilter filter, Consumer<Customer> each) {
        customers.forEachOldestFirst(tenant, filter, STREAM_BATCH, each);
    }

    /** One page of a tenant's customers by exact-match filters, and how many match in all. */
    public CustomerPage page(Tenant tenant, CustomerFilter filter, CustomerFilter.Order order, int offset, int limit) {
        return customers.page(tenant, filter, order, offset, limit);
    }

    /** What the customer's {@code tin} means, from its country and type. */
    public IdentificationType identificationType(Tenant tenant, CustomerRef ref) {
        Customer customer = customers.find(tenant, ref).orElseThrow(NotFoundException::customer);
        return IdentificationType.of(customer.get(CustomerFields.COUNTRY), customer.type());
    }

    /** The type of a customer of this tenant: cheaper than a full read when only the type matters. */
    public CustomerType typeOf(Tenant tenant, CustomerRef ref) {
        return customers.find(tenant, ref).map(Customer::type).orElseThrow(NotFoundException::customer);
    }

    /**
     * A page of a list query over {@link CustomerQueries}' attributes, with each customer's tiers.
     * Cursors are customers' object ids in base58.
     *
     * @throws dev.kyra.query.InvalidQueryException for an unknown attribute, a value of the wrong
     *         type, a malformed pattern or a cursor that names no customer of this tenant
     */
    @Transactional(readOnly = true)
    public SearchResult search(Tenant tenant, ListQuery query) {
        CustomerRepository.SearchPage page = customers.search(tenant, query);
        Map<UUID, List<TierRequest>> tiers =
                verifications.findByCustomers(tenant, page.items().stream().map(Customer::id).toList());
        List<CustomerDetails> items = page.items().stream()
                .map(customer -> CustomerDetails.of(customer, List.of(), tiers.getOrDefault(customer.id(), List.of())))
                .toList();
        return new SearchResult(items, page.hasMore(), page.total());
    }

    /** Everything a full read shows, read again after a change: the same shape as a GET. */
    private CustomerDetails details(Customer customer) {
        return reader.find(customer.tenant(), CustomerRef.id(customer.id())).orElseThrow(NotFoundException::customer);
    }

    /** The history of a customer: its events, oldest first. */
    public List<CustomerEvent> history(Tenant tenant, CustomerRef ref) {
        Customer customer = customers.find(tenant, ref).orElseThrow(NotFoundException::customer);
        return events.history(tenant, customer.id());
    }

    private static KybScope kybScopeFor(KybScope requested, PlatformSettings settings, List<Violation> violations) {
        if (requested == null) {
            return settings.minimalKybAllowed() ? KybScope.MINIMAL : KybScope.FULL;
        }
        if (requested == KybScope.MINIMAL && !settings.minimalKybAllowed()) {
            violations.add(Violation.of(FieldPath.of(Attribute.KYB_SCOPE),
                    "This platform is not configured for minimal KYB: {field} must be FULL"));
        }
        return requested;
    }

    /**
     * Tiers whose state a request changes: new ones, and failed ones asked for again
     * ({@link Lifecycle}); pending and verified tiers stay as they are.
     */
    private static List<Tier> newTiers(List<Tier> requested, List<TierRequest> stored) {
        if (requested == null) {
            return List.of();
        }
        Map<Tier, TierStatus> current = new java.util.EnumMap<>(Tier.class);
        stored.forEach(verification -> current.put(verification.tier(), verification.status()));
        return requested.stream().distinct()
                .filter(tier -> Lifecycle.tier(current.get(tier), Lifecycle.TierAction.REQUEST)
                        .filter(next -> next != current.get(tier)).isPresent())
                .toList();
    }

    private static List<Violation> tierProblems(CustomerType type, FieldValues profile, Set<Tier> tiers) {
        List<Violation> violations = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            if (tiers.contains(tier)) {
                List<FieldPath> missing = TierRequirements.missingFor(tier, type, profile);
                if (!missing.isEmpty()) {
                    violations.add(Violation.of(FieldPath.of(Attribute.TIERS), tier.code() + " needs {0}", missing));
                }
            }
        }
        return violations;
    }

    private List<TierRequest> requestTiers(Caller caller, Customer customer, List<Tier> tiers, List<TierRequest> stored) {
        Map<Tier, TierRequest> all = new java.util.EnumMap<>(Tier.class);
        stored.forEach(request -> all.put(request.tier(), request));
        for (Tier tier : tiers) {
            all.put(tier, transitions.moveTier(caller, customer, tier, java.util.Optional.ofNullable(all.get(tier)),
                    Lifecycle.TierAction.REQUEST, null));
        }
        return List.copyOf(all.values()); // in tier order
    }

}
