package org.ncs.engagement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.ncs.web.Messages;
import org.ncs.web.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The countries an engagement can be opened for, named in the caller's language (Accept-Language). */
@RestController
@RequestMapping(path = "/api/countries", produces = "application/json")
@Tag(name = "Countries", description = "ISO 3166-1 countries and territories")
class CountryController {

  private final Countries countries;

  CountryController(Countries countries) {
    this.countries = countries;
  }

  @GetMapping
  @Operation(summary = "All countries, sorted by name in the caller's language")
  ResponseEntity<List<CountryView>> list(Locale locale) {
    List<CountryView> views = countries.list().stream()
        .map(c -> CountryView.of(c, locale))
        .sorted(Comparator.comparing(CountryView::name, Collator.getInstance(locale)))
        .toList();
    return ResponseEntity.ok().cacheControl(CacheControl.maxAge(1, TimeUnit.HOURS)).body(views);
  }

  @GetMapping("/{code}")
  @Operation(summary = "One country by its ISO 3166-1 alpha-3 code")
  CountryView get(@PathVariable @Pattern(regexp = "[A-Z]{3}", message = "{validation.countryCode}") String code,
      Locale locale) {
    return countries.find(code)
        .map(c -> CountryView.of(c, locale))
        .orElseThrow(() -> new NotFoundException(Messages.get("country.notFound", code)));
  }

  record CountryView(String code, String name) {

    static CountryView of(Country country, Locale locale) {
      return new CountryView(country.code(), country.name(locale));
    }
  }
}
