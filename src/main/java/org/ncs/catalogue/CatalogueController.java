package org.ncs.catalogue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.ncs.web.Messages;
import org.ncs.web.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Read-only access to the guide's editions. Responses carry an ETag per edition revision, so clients on slow
 * links revalidate with a 304 instead of downloading the catalogue again.
 */
@RestController
@RequestMapping(path = "/api/catalogue/editions", produces = "application/json")
@Tag(name = "Catalogue", description = "The guide as reference data: lifecycle phases and steps, principles, "
    + "focus areas and good-practice elements, per edition")
@ApiResponse(responseCode = "404", description = "No such edition or item",
    content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "400", description = "Malformed edition key or id",
    content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class CatalogueController {

  /** Keys and ids are short words of letters, digits, '.' and '-' (e.g. 2021, P3.S2, FA6.E4). */
  private static final String KEY = "[A-Za-z0-9][A-Za-z0-9.-]{0,31}";
  private static final String KEY_MESSAGE = "{validation.catalogueKey}";
  private static final CacheControl CACHE = CacheControl.maxAge(1, TimeUnit.HOURS);

  private final Catalogue catalogue;

  CatalogueController(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  @GetMapping
  @Operation(summary = "List the editions of the guide, oldest first")
  List<EditionSummary> editions() {
    return catalogue.editions().stream().map(EditionSummary::of).toList();
  }

  @GetMapping("/{edition}")
  @Operation(summary = "One edition with its roles and item counts")
  ResponseEntity<EditionDetail> edition(@PathVariable @Pattern(regexp = KEY, message = KEY_MESSAGE) String edition,
      WebRequest request) {
    return cached(edition, request, e -> new EditionDetail(EditionSummary.of(e), e.scope(), e.roles()));
  }

  @GetMapping("/{edition}/phases")
  @Operation(summary = "The lifecycle phases in order, each with its steps")
  ResponseEntity<List<Phase>> phases(@PathVariable @Pattern(regexp = KEY, message = KEY_MESSAGE) String edition,
      WebRequest request) {
    return cached(edition, request, Edition::phases);
  }

  @GetMapping("/{edition}/steps/{stepId}")
  @Operation(summary = "One lifecycle step with the phase it belongs to")
  ResponseEntity<StepView> step(@PathVariable @Pattern(regexp = KEY, message = KEY_MESSAGE) String edition,
      @PathVariable @Parameter(example = "P3.S2") @Pattern(regexp = KEY, message = KEY_MESSAGE) String stepId,
      WebRequest request) {
    return cached(edition, request, e -> e.step(stepId)
        .map(step -> new StepView(step, PhaseRef.of(e.phaseOf(stepId).orElseThrow())))
        .orElseThrow(() -> new NotFoundException(Messages.get("catalogue.noStep", edition, stepId))));
  }

  @GetMapping("/{edition}/principles")
  @Operation(summary = "The overarching principles")
  ResponseEntity<List<Principle>> principles(
      @PathVariable @Pattern(regexp = KEY, message = KEY_MESSAGE) String edition, WebRequest request) {
    return cached(edition, request, Edition::principles);
  }

  @GetMapping("/{edition}/focus-areas")
  @Operation(summary = "The good-practice focus areas, each with its elements")
  ResponseEntity<List<FocusArea>> focusAreas(
      @PathVariable @Pattern(regexp = KEY, message = KEY_MESSAGE) String edition, WebRequest request) {
    return cached(edition, request, Edition::focusAreas);
  }

  @GetMapping("/{edition}/elements/{elementId}")
  @Operation(summary = "One good-practice element with the focus area it belongs to")
  ResponseEntity<ElementView> element(@PathVariable @Pattern(regexp = KEY, message = KEY_MESSAGE) String edition,
      @PathVariable @Parameter(example = "FA6.E4") @Pattern(regexp = KEY, message = KEY_MESSAGE) String elementId,
      WebRequest request) {
    return cached(edition, request, e -> e.element(elementId)
        .map(element -> new ElementView(element, FocusAreaRef.of(e.focusAreaOf(elementId).orElseThrow())))
        .orElseThrow(() -> new NotFoundException(Messages.get("catalogue.noElement", edition, elementId))));
  }

  private <T> ResponseEntity<T> cached(String key, WebRequest request, Function<Edition, T> body) {
    Edition edition = catalogue.edition(key)
        .orElseThrow(() -> new NotFoundException(Messages.get("catalogue.noEdition", key)));
    String etag = "\"" + edition.key() + "-" + edition.revision() + "\"";
    T content = body.apply(edition);
    if (request.checkNotModified(etag)) {
      return null;
    }
    return ResponseEntity.ok().eTag(etag).cacheControl(CACHE).body(content);
  }

  record EditionSummary(String key, String title, String subtitle, String label, int year, String publisher,
      String licence, String revision, Counts counts) {

    static EditionSummary of(Edition e) {
      return new EditionSummary(e.key(), e.title(), e.subtitle(), e.label(), e.year(), e.publisher(), e.licence(),
          e.revision(), new Counts(e.phases().size(), (int) e.steps().count(), e.principles().size(),
          e.focusAreas().size(), (int) e.elements().count()));
    }
  }

  record Counts(int phases, int steps, int principles, int focusAreas, int elements) {
  }

  record EditionDetail(EditionSummary edition, String scope, List<Role> roles) {
  }

  record PhaseRef(String id, int ordinal, String number, String title) {

    static PhaseRef of(Phase p) {
      return new PhaseRef(p.id(), p.ordinal(), p.number(), p.title());
    }
  }

  record StepView(Step step, PhaseRef phase) {
  }

  record FocusAreaRef(String id, String number, String title) {

    static FocusAreaRef of(FocusArea a) {
      return new FocusAreaRef(a.id(), a.number(), a.title());
    }
  }

  record ElementView(Element element, FocusAreaRef focusArea) {
  }
}
