package org.crosswalk.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Where a command writes: standard output, or a file that is replaced only when the command succeeds.
 * A report is written to a temporary file beside the target and moved into place on {@link #commit()};
 * a command that fails half-way leaves an existing file as it was instead of emptied or truncated. The
 * file keeps what a plain overwrite would keep: a symbolic link still points where it did (the file it
 * names is replaced), and the permissions are the existing file's, or the umask's for a new one. A missing
 * directory is refused unless {@code --mkdirs} was given.
 */
final class Output implements AutoCloseable {
    /** Set by --mkdirs: create a missing output directory instead of refusing to write there. */
    static volatile boolean mkdirs;

    private final Path target;
    private final Path temp;
    private final boolean createdTarget;
    private final OutputStream stream;
    private boolean committed;

    private Output(Path target, Path temp, boolean createdTarget, OutputStream stream) {
        this.target = target;
        this.temp = temp;
        this.createdTarget = createdTarget;
        this.stream = stream;
    }

    /** {@code file} null means standard output, left open for the caller's shell. */
    static Output open(Path file) throws IOException {
        if (file == null) {
            return new Output(null, null, false, new FilterOutputStream(System.out) {
                @Override public void close() throws IOException { flush(); }
            });
        }
        Path target = file.toAbsolutePath();
        while (Files.isSymbolicLink(target)) target = target.getParent().resolve(Files.readSymbolicLink(target)).normalize();
        Path dir = target.getParent();
        if (!Files.isDirectory(dir)) {
            // A typo in a directory name should not silently make a new tree: say so, unless asked to.
            if (!mkdirs) throw new IllegalArgumentException(file + ": the directory " + dir + " does not exist (add --mkdirs to create it)");
            Files.createDirectories(dir);
        }
        boolean created = false;
        if (Files.notExists(target)) {
            // Created the ordinary way, so the umask decides its permissions; removed again on failure.
            Files.newOutputStream(target, StandardOpenOption.CREATE_NEW).close();
            created = true;
        }
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        try {
            Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
        } catch (UnsupportedOperationException notPosix) {
            // Elsewhere the temporary file's defaults stand.
        }
        return new Output(target, temp, created, Files.newOutputStream(temp));
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
        if (createdTarget) Files.deleteIfExists(target);
    }
}
