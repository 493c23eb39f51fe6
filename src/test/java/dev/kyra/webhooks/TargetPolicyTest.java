package dev.kyra.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Decision D7's rules on webhook targets, and D8's retry schedule. */
class TargetPolicyTest {

    private final TargetPolicy strict = new TargetPolicy(false);

    @Test
    void onlyHttpsUrlsOutsideEveryInternalNetworkMayBeRegistered() {
        assertThat(strict.registrable("https://hooks.example.com/kyra")).isPresent();
        for (String refused : new String[] {"http://hooks.example.com/kyra", "ftp://hooks.example.com", "not a url",
                "https://localhost/x", "https://api.localhost/x", "https://127.0.0.1/x", "https://10.1.2.3/x",
                "https://172.16.0.1/x", "https://192.168.1.1/x", "https://169.254.169.254/latest/meta-data",
                "https://100.64.0.1/x", "https://0.0.0.0/x", "https://224.0.0.1/x", "https://[::1]/x",
                "https://[fd00::1]/x", "https://[fe80::1]/x", "https://[::ffff:127.0.0.1]/x",
                "https://user:pass@hooks.example.com/x", "https:///x", ""}) {
            assertThat(strict.registrable(refused)).as(refused).isEmpty();
        }
    }

    @Test
    void allowingPrivateTargetsLetsTestsUseLoopbackOverPlainHttp() {
        TargetPolicy development = new TargetPolicy(true);

        assertThat(development.registrable("http://127.0.0.1:8081/hook")).isPresent();
        assertThat(development.registrable("ftp://127.0.0.1/hook")).isEmpty();
        assertThat(strict.mayConnectTo(InetAddress.getLoopbackAddress())).isFalse();
        assertThat(development.mayConnectTo(InetAddress.getLoopbackAddress())).isTrue();
    }

    @Test
    void publicAddressesAreNotInternal() throws Exception {
        assertThat(TargetPolicy.isInternal(InetAddress.getByName("93.184.216.34"))).isFalse();
        assertThat(TargetPolicy.isInternal(InetAddress.getByName("2606:2800:220:1:248:1893:25c8:1946"))).isFalse();
        assertThat(TargetPolicy.isInternal(InetAddress.getByName("100.63.255.255"))).as("just below CGNAT").isFalse();
        assertThat(TargetPolicy.isInternal(InetAddress.getByName("100.128.0.0"))).as("just above CGNAT").isFalse();
    }

    @Test
    void retriesWaitTheInitialDelayDoublingToTheCapWithTheJitterGiven() {
        WebhookProperties settings = new WebhookProperties(10, Duration.ofMinutes(5), Duration.ofHours(24),
                Duration.ofSeconds(10), Duration.ofSeconds(2), 4, Duration.ofDays(90));

        assertThat(settings.delayAfter(1, 1.0)).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.delayAfter(2, 1.0)).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.delayAfter(4, 1.0)).isEqualTo(Duration.ofMinutes(40));
        assertThat(settings.delayAfter(9, 1.0)).isEqualTo(Duration.ofHours(21).plusMinutes(20));
        assertThat(settings.delayAfter(10, 1.0)).as("capped").isEqualTo(Duration.ofHours(24));
        assertThat(settings.delayAfter(1, 0.8)).isEqualTo(Duration.ofMinutes(4));
        assertThat(settings.delayAfter(1, 1.2)).isEqualTo(Duration.ofMinutes(6));
    }
}
