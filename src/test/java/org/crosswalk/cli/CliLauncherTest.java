package org.crosswalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/crosswalk run as a person runs it, as a separate process, from another directory, with an old
 * `java` first on the PATH: it picks a JDK >= 21 itself, and an error is one line and a non-zero exit.
 */
class CliLauncherTest {
    record Result(int exit, String out, String err) {}

    static Result launch(Path dir, Path fakeJavaDir, String... args) throws Exception {
        Path launcher = Path.of("bin", "crosswalk").toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder(Stream.concat(launcher.toString(), args)).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        env.remove("JAVA_HOME");
        env.remove("CROSSWALK_JAVA");
        env.put("PATH", fakeJavaDir + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        Path out = dir.resolve("out-" + System.nanoTime()), err = dir.resolve("err-" + System.nanoTime());
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** A `java` that says it is 17 and fails like one would on our classes. */
    static Path oldJava(Path dir) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("old-jdk/bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, """
                #!/bin/sh
                echo '    java.specification.version = 17' >&2
                echo 'Error: UnsupportedClassVersionError: class file version 65.0, this runtime only recognizes up to 61.0' >&2
                exit 1
                """);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    @Test
    void runsOnAJdk21OrNewerWhateverJavaComesFirst(@TempDir Path dir) throws Exception {
        Result version = launch(dir, oldJava(dir), "--version");
        assertThat(version.exit()).as(version.err()).isZero();
        assertThat(version.out()).contains("crosswalk 0.1.0");
        assertThat(version.err()).doesNotContain("UnsupportedClassVersionError");
    }

    @Test
    void anErrorIsOneLineAndANonZeroExitWithoutAStackTrace(@TempDir Path dir) throws Exception {
        Result missing = launch(dir, oldJava(dir), "coverage", "--profile", "profile.csv");
        assertThat(missing.exit()).isEqualTo(2);
        List<String> lines = missing.err().strip().lines().filter(l -> !l.startsWith("WARNING:")).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("profile.csv: no such file");
        assertThat(missing.err()).doesNotContain("\tat ", "Exception");
    }

    /** String varargs after a first element. */
    static final class Stream {
        static List<String> concat(String first, String... rest) {
            return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), java.util.Arrays.stream(rest)).toList();
        }
    }
}
