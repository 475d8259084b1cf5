package org.aucl.method;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** One part of a method's checkpoint (one file): written by {@link #save}, restored by {@link #load}. */
public interface StatePart {
  void save(DataOutputStream out) throws IOException;

  void load(DataInputStream in) throws IOException;

  /** A part made of a saving and a loading function (method references). */
  static StatePart of(Writer save, Reader load) {
    return new StatePart() {
      @Override
      public void save(DataOutputStream out) throws IOException {
        save.write(out);
      }

      @Override
      public void load(DataInputStream in) throws IOException {
        load.read(in);
      }
    };
  }

  /** Writes a part. */
  @FunctionalInterface
  interface Writer {
    void write(DataOutputStream out) throws IOException;
  }

  /** Reads a part. */
  @FunctionalInterface
  interface Reader {
    void read(DataInputStream in) throws IOException;
  }
}
