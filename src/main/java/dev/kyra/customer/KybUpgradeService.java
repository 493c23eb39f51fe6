package dev.kyra.customer;

import static dev.kyra.profile.OwnerFields.EMAIL;
import static dev.kyra.profile.OwnerFields.OWNERSHIP_PERCENTAGE;

import dev.kyra.customer.internal.CustomerRepository;
import dev.kyra.customer.internal.OwnerRepository;
import dev.kyra.database.Timestamps;
import dev.kyra.events.Change;
import dev.kyra.events.EventLog;
import dev.kyra.events.EventType;
import dev.kyra.events.FieldChange;
import dev.kyra.platform.Caller;
import dev.kyra.platform.Tenant;
import dev.kyra.profile.ActionRefusedException;
import dev.kyra.profile.Attribute;
import dev.kyra.profile.CustomerType;
import dev.kyra.profile.FieldPath;
import dev.kyra.profile.FieldValues;
import dev.kyra.profile.InvalidInputException;
import dev.kyra.profile.ProfileRules;
import dev.kyra.profile.RegistryException;
import dev.kyra.profile.Violation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Promotes a MINIMAL business to FULL (Blaaiz spec §4.9, decision B3). The stored owners are kept
 * and the new ones added; percentages must total 100 and emails differ across both. A verified
 * customer goes back to PENDING to be verified again; readiness waits for the next submit.
 */
@Service
public class KybUpgradeService {

    static final String NOTE = "KYB scope upgraded from MINIMAL to FULL.";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Violation UNDER_REVIEW =
            Violation.general("Customer is under review and cannot be upgraded right now.");

    private final CustomerRepository customers;
    private final OwnerRepository owners;
    private final Transitions transitions;
    private final OwnerService ownerWrites;
    private final EventLog events;
    private final CustomerService reads;
    private final Clock clock;

    KybUpgradeService(CustomerRepository customers, OwnerRepository owners, Transitions transitions, OwnerService ownerWrites, EventLog events,
                      CustomerService reads, Clock clock) {
        this.clock = clock;
        this.customers = customers;
        this.owners = owners;
        this.transitions = transitions;
        this.ownerWrites = ownerWrites;
        this.events = events;
        this.reads = reads;
    }

    @Transactional
    public CustomerDetails upgrade(Caller caller, CustomerRef ref, KybUpgrade upgrade) {
        Customer customer = customers.lock(caller.tenant(), ref);
        try {
            return upgradeChecked(caller, customer, upgrade);
        } catch (RegistryException e) {
            throw e.concerning(customer.type());
        }
    }

    private CustomerDetails upgradeChecked(Caller caller, Customer customer, KybUpgrade upgrade) {
        Tenant tenant = caller.tenant();
        checkEligible(customer);
        List<Owner> stored = owners.findByCustomer(customer);
        Instant now = Timestamps.now(clock);
        List<FieldValues> newOwners = Objects.requireNonNullElse(upgrade.owners(), List.of());
        OwnerUpdates plan = OwnerUpdates.plan(customer.id(), stored,
                newOwners.stream().map(values -> new OwnerChange(null, values)).toList(), now);

        FieldValues patch = upgrade.profile().restrictedTo(customer.profile().changedBy(upgrade.profile()));
        FieldValues merged = customer.profile().with(patch);
        List<Violation> violations = new ArrayList<>();
        if (newOwners.isEmpty()) {
            violations.add(Violation.of(FieldPath.of(Attribute.OWNERS),
                    "{field} is required and must contain at least one entry."));
        } else {
            violations.addAll(mergedOwnerProblems(stored, plan.added));
        }
        for (int index = 0; index < newOwners.size(); index++) {
            if (newOwners.get(index).get(OWNERSHIP_PERCENTAGE) == null) {
                violations.add(Violation.of(FieldPath.owner(index, OWNERSHIP_PERCENTAGE), "{field} is required"));
            }
        }
        violations.addAll(plan.violations);
        violations.addAll(ProfileRules.values(patch));
        violations.addAll(ProfileRules.agreement(CustomerType.BUSINESS, merged, patch));
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }

        Customer current = customer;
        if (!patch.fields().isEmpty()) {
            current = customer.changed(merged, customer.reference(), customer.metadata(), now);
            customers.update(current);
        }
        List<FieldChange> changes = new ArrayList<>(List.of(
                FieldChange.of("kyb_scope", customer.kybScope().name(), KybScope.FULL.name())));
        changes.addAll(ProfileChanges.between(customer.profile(), merged, patch.fields()));
        events.record(caller, customer.id(), new Change(EventType.KYB_UPGRADED, Change.CUSTOMER, changes, null, null, NOTE));
        transitions.move(caller, current, Lifecycle.CustomerAction.UPGRADE_SCOPE, KybScope.FULL, null, UNDER_REVIEW);
        for (Owner owner : plan.added) {
            ownerWrites.add(caller, current, owner);
        }
        return reads.get(tenant, CustomerRef.id(customer.id()));
    }

    private static void checkEligible(Customer customer) {
        if (customer.type() != CustomerType.BUSINESS) {
            throw new InvalidInputException(Violation.general("Only business customers can be upgraded."));
        }
        if (customer.kybScope() == KybScope.FULL) {
            throw new InvalidInputException(Violation.general("Customer is already at kyb_scope=FULL."));
        }
        if (Lifecycle.customer(customer.verificationStatus(), Lifecycle.CustomerAction.UPGRADE_SCOPE).isEmpty()) {
            throw new ActionRefusedException(UNDER_REVIEW);
        }
    }

    /** The rules over the owners the customer will have: the kept ones and the new ones together. */
    private static List<Violation> mergedOwnerProblems(List<Owner> stored, List<Owner> added) {
        List<Owner> merged = Stream.concat(stored.stream(), added.stream()).toList();
        List<Violation> violations = new ArrayList<>();
        BigDecimal sum = merged.stream().map(owner -> owner.get(OWNERSHIP_PERCENTAGE)).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(HUNDRED) != 0) {
            violations.add(Violation.of(new FieldPath(List.of(Attribute.OWNERS, OWNERSHIP_PERCENTAGE)),
                    "{field} must sum to 100; got {0}.", sum.stripTrailingZeros().toPlainString()));
        }
        Set<String> emails = new HashSet<>();
        boolean repeated = merged.stream().map(owner -> owner.get(EMAIL)).filter(Objects::nonNull)
                .anyMatch(email -> !emails.add(email.toLowerCase(Locale.ROOT)));
        if (repeated) {
            violations.add(Violation.of(FieldPath.of(Attribute.OWNERS), "Owner emails must be unique within the customer."));
        }
        return violations;
    }
}
