package dev.kyra.personal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.kyra.platform.Tenant;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes and opens customers' data keys: a Tink AES-256-GCM keyset each, wrapped by the primary master
 * key with the customer's id as associated data.
 *
 * <p>{@code kyra.personal-data.encryption=false} makes no keys, so values are stored as they come:
 * it exists for the benchmark's A/B pair alone and is not documented for use (a value written then
 * stays plain until it is written again with encryption on).
 */
@Component
public class DataKeys {

    private final MasterKeys masterKeys;
    private final boolean encryption;
    /**
     * Keys opened lately, by the wrapped bytes they were opened from: unwrapping is a decryption, a
     * keyset parse and a primitive's making, whose allocations cost a read a third more CPU. Bounded,
     * and forgotten after a while unused; a re-wrapped key is other bytes, so it is opened afresh.
     */
    private final Cache<Opened, DataKey> opened = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterAccess(Duration.ofMinutes(10)).build();

    private record Opened(Tenant tenant, UUID customerId, String masterKeyId, ByteBuffer wrapped) {
    }

    DataKeys(MasterKeys masterKeys, @Value("${kyra.personal-data.encryption:true}") boolean encryption) {
        this.masterKeys = masterKeys;
        this.encryption = encryption;
    }

    /** The row a customer's wrapped key is bound to: the rotation re-wraps it with the same words. */
    static String boundTo(UUID customerId) {
        return "customer:" + customerId;
    }

    /** Whether new values are sealed: false only in the benchmark's A/B pair. */
    public boolean encrypting() {
        return encryption;
    }

    /** A new key for a customer; null when encryption is off. */
    public DataKey create(Tenant tenant, UUID customerId) {
        if (!encryption) {
            return null;
        }
        return RandomnessThreads.call(() -> {
            try {
                KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
                return new DataKey(Tink.primitive(keyset, Aead.class), masterKeys.wrap(keyset, boundTo(customerId)),
                        owner(tenant, customerId));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot make a data key", e);
            }
        });
    }

    /** The customer's stored key, opened; null for a customer without one (erased, or never sealed). */
    public DataKey open(Tenant tenant, UUID customerId, WrappedKey wrapped) {
        if (wrapped == null) {
            return null;
        }
        return opened.get(new Opened(tenant, customerId, wrapped.masterKeyId(), ByteBuffer.wrap(wrapped.bytes())), key -> {
            KeysetHandle keyset = masterKeys.unwrap(wrapped, boundTo(customerId));
            return new DataKey(Tink.primitive(keyset, Aead.class), wrapped, owner(tenant, customerId));
        });
    }

    /** An erased customer's key leaves memory with its row. */
    @EventListener
    void forget(PersonalDataErased erased) {
        opened.asMap().keySet().removeIf(key -> key.customerId().equals(erased.customerId()));
    }

    private static String owner(Tenant tenant, UUID customerId) {
        return tenant.platformId() + "/" + tenant.mode().code() + "/" + customerId;
    }
}
