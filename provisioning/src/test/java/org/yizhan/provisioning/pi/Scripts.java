package org.yizhan.provisioning.pi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs the Pi provisioning scripts and the tools that check them; finds them relative to the module. */
final class Scripts {

    static final Path PI = Path.of("pi").toAbsolutePath();
    static final Path INSTALL = PI.resolve("install.sh");
    static final Path BUILD_DEB = PI.resolve("build-deb.sh");
    static final Path FILES = PI.resolve("files");

    record Result(int exitCode, String out, String err) {

        List<String> lines() {
            return out.lines().toList();
        }
    }

    private Scripts() {
    }

    /** The program's path on PATH, or the test is skipped with a message saying how to install it. */
    static Path installedOrSkip(String program, String aptPackage) {
        Optional<Path> found = onPath(program);
        Assumptions.assumeTrue(found.isPresent(),
                program + " is not installed (apt-get install " + aptPackage + "): skipped");
        return found.get();
    }

    static Optional<Path> onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, program);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    static Result run(List<String> command) throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(INSTALL), "no " + INSTALL + ": run the tests from the provisioning module");
        Process process = new ProcessBuilder(new ArrayList<>(command)).directory(PI.toFile()).start();
        process.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish within 60 s");
        }
        return new Result(process.exitValue(), out.join(), err.join());
    }

    private static String read(InputStream stream) {
        try (stream) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            stream.transferTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
