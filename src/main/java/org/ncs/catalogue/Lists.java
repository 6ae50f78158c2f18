package org.ncs.catalogue;

import java.util.List;

final class Lists {

  private Lists() {
  }

  /** Data files may leave a list out; the records always hold an immutable list. */
  static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
