package org.aucl.util;

/** A mistake the user can fix (bad path, corrupt file, impossible option); its message is one sentence. */
public class UserException extends RuntimeException {
  public UserException(String message) {
    super(message);
  }

  public UserException(String message, Throwable cause) {
    super(message, cause);
  }
}
