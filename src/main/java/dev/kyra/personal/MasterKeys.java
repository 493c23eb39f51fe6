package dev.kyra.personal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import dev.kyra.database.DataDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The master keys, read from {@code KYRA_MASTER_KEY_FILE} or, by default, {@code master.key} in the
 * data directory, made at first start. Every data key Kyra makes is wrapped by the primary, with
 * associated data naming the row it belongs to. The file is read again when it changes, so a key an
 * operator (or another node's rotation) adds is used without a restart.
 *
 * <p>Start-up refuses a missing file when the database already holds wrapped keys: making a new
 * master key then would leave every identifier unreadable.
 */
@Component
public class MasterKeys {

    private static final Logger log = LoggerFactory.getLogger(MasterKeys.class);

    private final MasterKeyFile file;
    private final SecureRandom random = new SecureRandom();
    private volatile Loaded loaded;
    /** When the file's modification time is next looked at: at most once a second, not on every wrap. */
    private volatile long nextCheck;

    /** The file's keys as Tink primitives, the primary first, and when the file was last changed. */
    private record Loaded(LinkedHashMap<String, Aead> keys, FileTime modified) {

        String primary() {
            return keys.keySet().iterator().next();
        }
    }

    MasterKeys(@Value("${kyra.master-key-file:}") String configured, DataDirectory dataDirectory, JdbcClient jdbc) {
        this.file = new MasterKeyFile(StringUtils.hasText(configured) ? Path.of(configured) : dataDirectory.resolve("master.key"));
        if (!file.exists()) {
            List<String> used = jdbc.sql("select distinct master_key_id from personal_data_keys").query(String.class).list();
            if (!used.isEmpty()) {
                throw new IllegalStateException("The master key file " + file.path() + " is missing, but this database holds"
                        + " data keys wrapped by master key " + String.join(", ", used) + ". Restore the file from its backup:"
                        + " without it the personal data Kyra holds cannot be read.");
            }
            if (StringUtils.hasText(configured)) {
                throw new IllegalStateException("KYRA_MASTER_KEY_FILE names " + file.path() + ", which does not exist");
            }
            Map.Entry<String, byte[]> fresh = MasterKeyFile.generate(random);
            file.write(Map.of(fresh.getKey(), fresh.getValue()));
            log.warn("made a new master key in {}: back it up apart from the database; losing it loses the personal data",
                    file.path());
        }
        this.loaded = load();
    }

    private Loaded load() {
        FileTime modified = file.lastModified();
        LinkedHashMap<String, Aead> keys = new LinkedHashMap<>();
        file.read().forEach((id, key) -> keys.put(id, Tink.aesGcm(key)));
        return new Loaded(keys, modified);
    }

    /** The keys as the file holds them now, read again if it changed. */
    private Loaded current() {
        Loaded known = loaded;
        long now = System.nanoTime();
        if (now - nextCheck < 0) {
            return known;
        }
        nextCheck = now + 1_000_000_000L;
        if (!file.lastModified().equals(known.modified())) {
            synchronized (this) {
                if (!file.lastModified().equals(loaded.modified())) {
                    loaded = load();
                    log.info("read the master key file again: primary {}, {} key(s)", loaded.primary(), loaded.keys().size());
                }
            }
        }
        return loaded;
    }

    /** The id of the key that wraps new data keys. */
    public String primaryId() {
        return current().primary();
    }

    /** The ids of the keys the file holds, the primary first. */
    public Set<String> ids() {
        return Set.copyOf(current().keys().keySet());
    }

    List<String> orderedIds() {
        return List.copyOf(current().keys().keySet());
    }

    WrappedKey wrap(KeysetHandle keyset, String boundTo) {
        Loaded keys = current();
        try {
            return new WrappedKey(keys.primary(), TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset,
                    keys.keys().get(keys.primary()), boundTo.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot wrap a data key", e);
        }
    }

    /**
     * @throws WrongMasterKeyException when the file lacks the key that wrapped it, or that key does
     *         not open it (another file's key of the same id, or a key moved to another row)
     */
    KeysetHandle unwrap(WrappedKey wrapped, String boundTo) {
        Aead key = current().keys().get(wrapped.masterKeyId());
        if (key == null) {
            throw new WrongMasterKeyException("the master key file " + file.path() + " does not hold master key "
                    + wrapped.masterKeyId() + ", which wrapped data keys in this database");
        }
        try {
            return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped.bytes(), key, boundTo.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new WrongMasterKeyException("master key " + wrapped.masterKeyId() + " in " + file.path()
                    + " does not open the data keys it is said to have wrapped: it is another key of the same id");
        }
    }

    /** Makes a new key and writes it first in the file: it wraps every data key from now on. */
    synchronized String addPrimary() {
        Map.Entry<String, byte[]> fresh = MasterKeyFile.generate(random);
        LinkedHashMap<String, byte[]> keys = new LinkedHashMap<>();
        keys.put(fresh.getKey(), fresh.getValue());
        keys.putAll(file.read());
        file.write(keys);
        loaded = load();
        log.info("added master key {} as the primary", fresh.getKey());
        return fresh.getKey();
    }

    /** Removes a key that is not the primary from the file; the caller has checked nothing needs it. */
    synchronized void remove(String id) {
        LinkedHashMap<String, byte[]> keys = file.read();
        if (keys.keySet().iterator().next().equals(id)) {
            throw new IllegalArgumentException("the primary master key cannot be retired");
        }
        keys.remove(id);
        file.write(keys);
        loaded = load();
        log.info("retired master key {}", id);
    }
}
