package org.aucl.augment;

import java.util.Iterator;

/**
 * The batches of one epoch at a time, in an order fixed by the seed and the epoch alone, so that any
 * epoch can be produced without the earlier ones (resume). {@code B} is what a method trains on: two
 * views ({@link PairBatch}) or several crops.
 */
public interface EpochLoader<B> extends AutoCloseable {
  /** Full batches per epoch (the last, partial one is dropped). */
  int batchesPerEpoch();

  /** The batches of epoch {@code e} (e >= 1), made in the background as the iterator advances. */
  default Iterator<B> epoch(int e) {
    return epoch(e, 0);
  }

  /**
   * The batches of epoch {@code e} from batch {@code from} on: the same batches an iterator from the
   * start gives after skipping {@code from} of them, without making the skipped ones (mid-epoch resume).
   */
  Iterator<B> epoch(int e, int from);

  /** Stops the background threads. */
  @Override
  void close();
}
