package dev.kyra.customer;

import static dev.kyra.customer.CustomerFields.INCORPORATION_COUNTRY;
import static dev.kyra.customer.CustomerFields.REGISTRATION_NUMBER;

import dev.kyra.database.Timestamps;
import dev.kyra.ids.ObjectIds;
import dev.kyra.ids.UuidV7;
import dev.kyra.platform.Caller;
import dev.kyra.platform.PlatformService;
import dev.kyra.platform.PlatformSettings;
import dev.kyra.platform.Tenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry's customers: create, read, list and change them under every rule that is about
 * customers rather than about a wire format. Each call is scoped to the caller's platform and mode;
 * a customer of another tenant is {@linkplain NotFoundException not found}. A change is checked
 * whole before anything is written, and is written together with its audit entry in one
 * transaction, under a row lock so that concurrent changes to one customer never lose each other.
 */
@Service
public class CustomerService {

    private final CustomerRepository customers;
    private final OwnerRepository owners;
    private final AuditLog audit;
    private final PlatformService platforms;

    CustomerService(CustomerRepository customers, OwnerRepository owners, AuditLog audit, PlatformService platforms) {
        this.customers = customers;
        this.owners = owners;
        this.audit = audit;
        this.platforms = platforms;
    }

    @Transactional
    public CustomerDetails create(Caller caller, NewCustomer request) {
        Tenant tenant = caller.tenant();
        CustomerType type = request.type();
        PlatformSettings settings = platforms.settingsOf(tenant.platformId());
        List<Violation> violations = new ArrayList<>(ProfileRules.typeScope(type, request.profile()));
        if (type == CustomerType.INDIVIDUAL && !request.owners().isEmpty()) {
            violations.add(Violation.of(FieldPath.of(Attribute.OWNERS), "{field} is not allowed for individual customers"));
        }
        if (type == CustomerType.INDIVIDUAL && request.kybScope() != null) {
            violations.add(Violation.of(FieldPath.of(Attribute.KYB_SCOPE), "{field} is not allowed for individual customers"));
        }
        KybScope kybScope = type == CustomerType.BUSINESS ? kybScopeFor(request.kybScope(), settings, violations) : null;
        FieldValues profile = FieldValues.empty().with(request.profile());
        violations.addAll(ProfileRules.required(profile, request.requiredFields()));
        violations.addAll(ProfileRules.values(request.profile()));
        violations.addAll(ProfileRules.agreement(type, profile, request.profile()));

        UUID id = UuidV7.next();
        Instant now = Timestamps.now();
        OwnerUpdates ownerPlan = OwnerUpdates.forNewCustomer(id, request.owners(), now);
        violations.addAll(ownerPlan.violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Customer customer = new Customer(id, ObjectIds.fromUuidV7(id), tenant, type, VerificationStatus.PENDING,
                kybScope, UuidV7.next(), false, profile, 1, now, now);
        checkRegistrationIsFree(customer);
        insertDetectingDuplicate(customer);
        audit.dataChanged(caller, id, "created", "customer", profile.fields());
        for (Owner owner : ownerPlan.added) {
            owners.insert(tenant, owner);
            audit.dataChanged(caller, id, "created", subject(owner), owner.profile().fields());
        }
        return new CustomerDetails(customer, ownerPlan.added);
    }

    public CustomerDetails get(Tenant tenant, UUID id) {
        Customer customer = customers.find(tenant, id).orElseThrow(NotFoundException::customer);
        return new CustomerDetails(customer, owners.findByCustomer(tenant, id));
    }

    /**
     * Applies a partial update (Blaaiz spec §4.4): a read-only or misplaced field refuses the whole
     * request, then the verification-state locks, then value and cross-field rules on the merged
     * profile, then uniqueness, then the owners entries.
     */
    @Transactional
    public CustomerDetails update(Caller caller, UUID id, CustomerChanges changes) {
        Tenant tenant = caller.tenant();
        Customer current = customers.findForUpdate(tenant, id).orElseThrow(NotFoundException::customer);
        if (changes.type() != null && changes.type() != current.type()) {
            throw new InvalidInputException(Violation.of(FieldPath.of(Attribute.TYPE),
                    "{field} cannot be changed after a customer is created"));
        }
        if (changes.kybScopeSent()) {
            throw new InvalidInputException(Violation.of(FieldPath.of(Attribute.KYB_SCOPE),
                    "{field} is read-only here; upgrade a MINIMAL business with upgrade-kyb-scope"));
        }
        List<Violation> misplaced = new ArrayList<>(ProfileRules.typeScope(current.type(), changes.profile()));
        if (current.type() == CustomerType.INDIVIDUAL && changes.owners() != null) {
            misplaced.add(Violation.of(FieldPath.of(Attribute.OWNERS), "{field} is not allowed for individual customers"));
        }
        if (!misplaced.isEmpty()) {
            throw new InvalidInputException(misplaced);
        }
        List<Owner> storedOwners = owners.findByCustomer(tenant, id);
        Instant now = Timestamps.now();
        Set<Field<?>> changed = current.profile().changedBy(changes.profile());
        OwnerUpdates ownerPlan = OwnerUpdates.plan(id, storedOwners, changes.ownerEntries(), now);
        EditLocks.checkProfileAndOwners(current, changed, ownerPlan.changesAnything());

        FieldValues patch = changes.profile().restrictedTo(changed);
        FieldValues merged = current.profile().with(patch);
        List<Violation> violations = new ArrayList<>(ProfileRules.values(patch));
        violations.addAll(ProfileRules.agreement(current.type(), merged, patch));
        violations.addAll(ownerPlan.violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (changed.isEmpty() && !ownerPlan.changesAnything()) {
            return new CustomerDetails(current, storedOwners);
        }
        Customer updated = current.withProfile(merged, now);
        if (changed.contains(REGISTRATION_NUMBER) || changed.contains(INCORPORATION_COUNTRY)) {
            checkRegistrationIsFree(updated);
        }
        if (!changed.isEmpty()) {
            updateDetectingDuplicate(updated);
            audit.dataChanged(caller, id, "updated", "customer", changed);
        } else {
            customers.update(updated); // owners changed: the customer's updated_at and version move too
        }
        for (Owner owner : ownerPlan.added) {
            owners.insert(tenant, owner);
            audit.dataChanged(caller, id, "created", subject(owner), owner.profile().fields());
        }
        for (Owner owner : ownerPlan.edited) {
            owners.update(tenant, owner);
            Owner before = storedOwners.stream().filter(o -> o.id().equals(owner.id())).findFirst().orElseThrow();
            audit.dataChanged(caller, id, "updated", subject(owner), before.profile().changedBy(owner.profile()));
        }
        return new CustomerDetails(updated, owners.findByCustomer(tenant, id));
    }

    /** One page of a tenant's customers, and how many match in all. */
    public CustomerPage list(Tenant tenant, CustomerFilter filter, CustomerFilter.Order order, int offset, int limit) {
        return new CustomerPage(customers.list(tenant, filter, order, offset, limit), customers.count(tenant, filter));
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

    private void checkRegistrationIsFree(Customer customer) {
        String number = customer.get(REGISTRATION_NUMBER);
        String country = customer.get(INCORPORATION_COUNTRY);
        if (customer.type() == CustomerType.BUSINESS && number != null && country != null
                && customers.registrationTaken(customer.tenant(), number, country, customer.id())) {
            throw registrationTaken();
        }
    }

    // The check above answers nearly every case; the unique index settles a race between two writers.
    private void insertDetectingDuplicate(Customer customer) {
        try {
            customers.insert(customer);
        } catch (DuplicateKeyException e) {
            throw registrationTaken();
        }
    }

    private void updateDetectingDuplicate(Customer customer) {
        try {
            customers.update(customer);
        } catch (DuplicateKeyException e) {
            throw registrationTaken();
        }
    }

    private static DuplicateException registrationTaken() {
        return new DuplicateException(Violation.of(REGISTRATION_NUMBER,
                "Another business customer in this platform already has this {0} + {1} combination.",
                FieldPath.of(REGISTRATION_NUMBER), FieldPath.of(INCORPORATION_COUNTRY)));
    }

    private static String subject(Owner owner) {
        return "owner:" + owner.id();
    }
}
