package dev.kyra.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kyra.database.DataDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sealing with ciphers used again: each use starts clean, whatever the one before did. */
class SecretSealerTest {

    @TempDir
    Path dataDir;

    @Test
    void aCipherUsedAgainAfterARefusedOpenStillSealsAndOpens() {
        SecretSealer sealer = new SecretSealer("", new DataDirectory(dataDir));
        byte[] sealed = sealer.seal("whsec-one", "endpoint/1");

        assertThatThrownBy(() -> sealer.open(sealed, "endpoint/2")).isInstanceOf(IllegalStateException.class);
        byte[] again = sealer.seal("whsec-one", "endpoint/1");

        assertThat(sealer.open(again, "endpoint/1")).isEqualTo("whsec-one");
        assertThat(sealer.open(sealed, "endpoint/1")).isEqualTo("whsec-one");
        assertThat(again).as("a fresh nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void manyThreadsSealingAndOpeningAtOnceEachGetTheirOwnSecretBack() throws Exception {
        SecretSealer sealer = new SecretSealer("", new DataDirectory(dataDir));
        List<Callable<Boolean>> work = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String secret = "secret-" + i + "-" + "x".repeat(i % 50);
            String boundTo = "row/" + i;
            work.add(() -> {
                byte[] sealed = sealer.seal(secret.getBytes(StandardCharsets.UTF_8), boundTo);
                return new String(sealer.openBytes(sealed, boundTo), StandardCharsets.UTF_8).equals(secret);
            });
        }
        try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
            for (Future<Boolean> result : threads.invokeAll(work)) {
                assertThat(result.get()).isTrue();
            }
        }
    }
}
