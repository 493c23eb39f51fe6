package dev.kyra.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;

/** For tests that run Kyra in a JVM of its own, to kill it with SIGKILL. */
public final class ChildProcesses {

    private ChildProcesses() {
    }

    /** The java of this JVM, so the child runs on the same JDK. */
    public static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits (up to two minutes) until the child answers its health probe. */
    public static void awaitHealthy(Api api, Process process) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                if (api.get("/actuator/health", null).status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Kyra did not become healthy");
    }
}
