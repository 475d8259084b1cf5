package org.aucl.train;

import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.aucl.run.Checkpoints;

/**
 * A disk with room for a fixed number of checkpoint bytes: writes beyond it fail with the error a full
 * disk gives ("No space left on device"). Tests of a full disk that need no size-limited file system
 * install it through {@link TrainingFaults#checkpointWriter}.
 */
final class SimulatedDisk {
  private long free;

  SimulatedDisk(long bytes) {
    this.free = bytes;
  }

  /** {@code writer}, writing through this disk. */
  Checkpoints.PartWriter limit(Checkpoints.PartWriter writer) {
    return out -> {
      DataOutputStream limited = new DataOutputStream(new Limited(out));
      writer.write(limited);
      limited.flush();
    };
  }

  private final class Limited extends FilterOutputStream {
    Limited(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      take(1);
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      take(len);
      out.write(b, off, len);
    }

    @Override
    public void close() {
      // the checkpoint closes the underlying stream
    }
  }

  private void take(long n) throws IOException {
    if (n > free) {
      free = 0;
      throw new IOException("No space left on device");
    }
    free -= n;
  }
}
