package io.repdesk.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxEmbedderShutdownTests {

    /**
     * ONNX Runtime's own shutdown hook releases its environment while the application is still closing; a model
     * run after that crashed the JVM. The race is timing-dependent, so the probe exits while embedding three times.
     */
    @Test
    void aJvmThatExitsWhileEmbeddingClosesCleanly(@TempDir Path dir) throws Exception {
        for (int attempt = 1; attempt <= 3; attempt++) {
            Path log = dir.resolve("probe-" + attempt + ".log");
            Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "-Xmx256m", "-XX:ErrorFile=" + dir.resolve("hs_err_%p.log"),
                    "-cp", System.getProperty("java.class.path"), EmbedderShutdownProbe.class.getName())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean ended = probe.waitFor(120, TimeUnit.SECONDS);
            if (!ended) {
                probe.destroyForcibly();
            }
            String output = Files.readString(log);
            assertThat(ended).as("probe %d ended; it printed:%n%s", attempt, output).isTrue();
            assertThat(probe.exitValue()).as("probe %d exit code; it printed:%n%s", attempt, output).isZero();
            assertThat(output).contains("exiting while embedding", "embedder closed").doesNotContain("SIGSEGV");
        }
    }
}
