package org.crosswalk.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where a command writes: standard output, or a file that is replaced only when the command succeeds.
 * A report is written to a temporary file beside the target and moved into place on {@link #commit()};
 * a command that fails half-way leaves an existing file as it was instead of emptied or truncated.
 */
final class Output implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final OutputStream stream;
    private boolean committed;

    private Output(Path target, Path temp, OutputStream stream) {
        this.target = target;
        this.temp = temp;
        this.stream = stream;
    }

    /** {@code file} null means standard output, left open for the caller's shell. */
    static Output open(Path file) throws IOException {
        if (file == null) {
            return new Output(null, null, new FilterOutputStream(System.out) {
                @Override public void close() throws IOException { flush(); }
            });
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".part");
        return new Output(file, temp, Files.newOutputStream(temp));
    }

    OutputStream stream() {
        return stream;
    }

    /** The command succeeded: the file now holds exactly what was written. */
    void commit() throws IOException {
        stream.close();
        if (temp != null) {
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (committed) return;
        stream.close();
        if (temp != null) Files.deleteIfExists(temp);
    }
}
