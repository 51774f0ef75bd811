package fr.barometer.common.ingest;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * Items made one at a time, as they are asked for, by a supplier that returns null after the last.
 */
final class Produced<T> implements Iterator<T> {
  private final Supplier<T> source;
  private T next;
  private boolean fetched;

  private Produced(Supplier<T> source) {
    this.source = source;
  }

  static <T> Iterator<T> of(Supplier<T> source) {
    return new Produced<>(source);
  }

  @Override
  public boolean hasNext() {
    if (!fetched) {
      next = source.get();
      fetched = true;
    }
    return next != null;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    fetched = false;
    return next;
  }
}
