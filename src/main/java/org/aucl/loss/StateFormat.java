package org.aucl.loss;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** The header of an objective's saved state: its name and a format version, checked on load. */
final class StateFormat {
  static final int VERSION = 1;

  private StateFormat() {}

  static void writeHeader(DataOutputStream out, String name) throws IOException {
    out.writeUTF(name);
    out.writeInt(VERSION);
  }

  static void readHeader(DataInputStream in, String name) throws IOException {
    String saved = in.readUTF();
    if (!saved.equals(name)) {
      throw new IOException("The checkpoint holds the state of objective '" + saved + "', not of '" + name + "'.");
    }
    int version = in.readInt();
    if (version != VERSION) {
      throw new IOException("The checkpoint's " + name + " state has format version " + version
          + ", this build reads version " + VERSION + ".");
    }
  }
}
