package org.aucl.loss;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** The header of an objective's saved state: its name and a format version, checked on load. */
final class StateFormat {
  /** The format version of an objective that has not changed its state's layout. */
  static final int VERSION = 1;

  private StateFormat() {}

  static void writeHeader(DataOutputStream out, String name) throws IOException {
    writeHeader(out, name, VERSION);
  }

  static void writeHeader(DataOutputStream out, String name, int version) throws IOException {
    out.writeUTF(name);
    out.writeInt(version);
  }

  static void readHeader(DataInputStream in, String name) throws IOException {
    readHeader(in, name, VERSION);
  }

  /** Refuses another objective's state, or this objective's state in another format version. */
  static void readHeader(DataInputStream in, String name, int version) throws IOException {
    String saved = in.readUTF();
    if (!saved.equals(name)) {
      throw new IOException("The checkpoint holds the state of objective '" + saved + "', not of '" + name + "'.");
    }
    int savedVersion = in.readInt();
    if (savedVersion != version) {
      throw new IOException("The checkpoint's " + name + " state has format version " + savedVersion
          + ", this build reads version " + version + ".");
    }
  }
}
