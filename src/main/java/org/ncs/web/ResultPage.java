package org.ncs.web;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** One page of a list: its items, where it is, and how many there are in all. */
public record ResultPage<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

  public static <T> ResultPage<T> of(List<T> items, int page, int size, long totalItems) {
    return new ResultPage<>(items, page, size, totalItems, (int) ((totalItems + size - 1) / size));
  }

  public static <E, T> ResultPage<T> of(Page<E> page, Function<E, T> view) {
    return new ResultPage<>(page.getContent().stream().map(view).toList(), page.getNumber(), page.getSize(),
        page.getTotalElements(), page.getTotalPages());
  }
}
