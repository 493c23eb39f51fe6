package dev.kyra.personal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import com.google.crypto.tink.util.SecretBytes;
import java.security.GeneralSecurityException;

/** Tink, registered once, and the few ways Kyra builds its primitives. */
final class Tink {

    static {
        try {
            AeadConfig.register();
            StreamingAeadConfig.register();
            PrfConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Tink() {
    }

    /** AES-256-GCM over raw key bytes (a master key), ciphertexts without Tink's key-id prefix. */
    static Aead aesGcm(byte[] key) {
        try {
            AesGcmParameters parameters = AesGcmParameters.builder().setKeySizeBytes(key.length).setIvSizeBytes(12)
                    .setTagSizeBytes(16).setVariant(AesGcmParameters.Variant.NO_PREFIX).build();
            AesGcmKey aesGcmKey = AesGcmKey.builder().setParameters(parameters)
                    .setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get())).build();
            KeysetHandle handle = KeysetHandle.newBuilder()
                    .addEntry(KeysetHandle.importKey(aesGcmKey).withRandomId().makePrimary()).build();
            return primitive(handle, Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a master key must be " + MasterKeyFile.KEY_BYTES + " bytes", e);
        }
    }

    static <P> P primitive(KeysetHandle handle, Class<P> type) {
        try {
            return handle.getPrimitive(RegistryConfiguration.get(), type);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a " + type.getSimpleName() + " keyset Kyra made does not load", e);
        }
    }
}
