package io.marketgate.server.shared.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a second Marketgate away from a SQLite database: an OS file lock on a sibling {@code .lock} file,
 * held until {@link #close()} or process exit (the OS releases it even after a crash, so no stale locks).
 * SQLite itself would let two instances share the file, and both would then claim and send the same
 * metering records.
 */
public final class SqliteInstanceLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private SqliteInstanceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock for {@code databaseFile}, or fails with {@link SqliteInUseException} if it is held. */
    public static SqliteInstanceLock acquire(Path databaseFile) {
        SqliteDataSources.createParentFolder(databaseFile);
        Path lockFile = lockFileOf(databaseFile);
        FileChannel channel = open(lockFile);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this JVM, e.g. a second application context
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Cannot lock " + lockFile, e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new SqliteInUseException(databaseFile, lockFile);
        }
        return new SqliteInstanceLock(channel, lock);
    }

    static Path lockFileOf(Path databaseFile) {
        return databaseFile.resolveSibling(databaseFile.getFileName() + ".lock");
    }

    private static FileChannel open(Path lockFile) {
        try {
            return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the lock file " + lockFile, e);
        }
    }

    /** Releases the lock; the lock file stays, because deleting it would race with a starting instance. */
    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
