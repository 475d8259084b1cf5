package org.aucl.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.aucl.util.UserException;

/**
 * One process at a time in a run directory: an operating-system lock on {@code RUN/.lock}, which the
 * system releases when the process ends, however it ends (a killed run leaves no stale lock).
 */
public final class RunLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock of {@code run}, or refuses in one sentence when another process holds it. */
  public static RunLock acquire(RunDirectory run) {
    Path file = run.root().resolve(".lock");
    FileChannel ch = null;
    try {
      ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock l;
      try {
        l = ch.tryLock();
      } catch (java.nio.channels.OverlappingFileLockException sameProcess) {
        l = null;
      }
      if (l == null) {
        ch.close();
        throw new UserException("run directory " + run.root() + " is in use by another aucl process; wait for it or stop it.");
      }
      ch.truncate(0);
      ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
      return new RunLock(ch, l);
    } catch (IOException e) {
      try {
        if (ch != null) {
          ch.close();
        }
      } catch (IOException ignored) {
        // reported below
      }
      throw new UserException("cannot lock run directory " + run.root() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException ignored) {
      // the system releases the lock with the process anyway
    }
  }
}
