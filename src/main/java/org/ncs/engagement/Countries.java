package org.ncs.engagement;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The countries and territories, read once: they are reference data that only a migration changes, so naming a
 * country in a list costs no query.
 */
@Component
class Countries {

  private final CountryRepository repository;
  private volatile Map<String, Country> byCode;

  Countries(CountryRepository repository) {
    this.repository = repository;
  }

  Optional<Country> find(String code) {
    return Optional.ofNullable(all().get(code));
  }

  boolean exists(String code) {
    return all().containsKey(code);
  }

  /** The country's name in the reader's language, or the code if there is no such country. */
  String name(String code, Locale locale) {
    return find(code).map(country -> country.name(locale)).orElse(code);
  }

  /** The country as engagements name it, in the reader's language. */
  EngagementViews.CountryRef ref(String code, Locale locale) {
    return find(code).map(country -> new EngagementViews.CountryRef(code, country.name(locale), country.region()))
        .orElse(new EngagementViews.CountryRef(code, code, null));
  }

  Collection<Country> list() {
    return all().values();
  }

  private Map<String, Country> all() {
    Map<String, Country> loaded = byCode;
    if (loaded == null) {
      loaded = repository.findAll().stream().collect(Collectors.toUnmodifiableMap(Country::code, Function.identity()));
      byCode = loaded;
    }
    return loaded;
  }
}
