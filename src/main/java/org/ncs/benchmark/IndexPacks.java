package org.ncs.benchmark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ncs.benchmark.BenchmarkViews.CrosswalkRow;
import org.ncs.benchmark.BenchmarkViews.CrosswalkView;
import org.ncs.benchmark.BenchmarkViews.EvidenceView;
import org.ncs.benchmark.BenchmarkViews.IndexPack;
import org.ncs.benchmark.BenchmarkViews.PackElement;
import org.ncs.benchmark.BenchmarkViews.PackSection;
import org.ncs.benchmark.BenchmarkViews.RatingView;
import org.ncs.benchmark.BenchmarkViews.Scorecard;
import org.ncs.benchmark.BenchmarkViews.TargetLink;
import org.ncs.benchmark.Crosswalk.Instrument;
import org.ncs.benchmark.Crosswalk.Link;
import org.ncs.benchmark.Crosswalk.Mapping;
import org.ncs.benchmark.Crosswalk.Strength;
import org.ncs.benchmark.Crosswalk.Target;
import org.ncs.catalogue.Catalogue;
import org.ncs.catalogue.Edition;
import org.ncs.catalogue.Element;
import org.ncs.security.CurrentUser;
import org.ncs.web.Messages;
import org.ncs.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The crosswalk applied to a country: which of its validated ratings and evidence answer which question of the
 * indices it reports to, so that one evidence register feeds all of them. Built on the scorecard (the latest
 * validated assessment, the evidence the reader may see) and our mapping of its edition.
 */
@Service
class IndexPacks {

  private final Scorecards scorecards;
  private final Crosswalk crosswalk;
  private final Catalogue catalogue;

  IndexPacks(Scorecards scorecards, Crosswalk crosswalk, Catalogue catalogue) {
    this.scorecards = scorecards;
    this.crosswalk = crosswalk;
    this.catalogue = catalogue;
  }

  /** Every element with its rating and the questions it answers. */
  @Transactional(readOnly = true)
  CrosswalkView crosswalk(String engagementId, CurrentUser user) {
    Scorecard scorecard = scorecards.latest(engagementId, user);
    Edition edition = catalogue.edition(scorecard.assessment().edition()).orElseThrow();
    Mapping mapping = mapping(edition);
    List<CrosswalkRow> rows = edition.elements().map(element -> new CrosswalkRow(element.id(), element.number(),
        element.title(), scorecard.ratings().get(element.id()), mapping.elements().getOrDefault(element.id(),
            List.of()).stream().map(link -> link(mapping, link)).toList())).toList();
    return new CrosswalkView(edition.key(), mapping.label(), scorecard.assessment(), rows, scorecard.evidence());
  }

  /** The index pack, or none while the engagement has no validated assessment. */
  @Transactional(readOnly = true)
  Optional<IndexPack> packIfValidated(String engagementId, CurrentUser user) {
    return scorecards.latestIfValidated(engagementId, user).map(this::pack);
  }

  /** Per question of each index, in the mapping's order, the elements that answer it, strongest first. */
  @Transactional(readOnly = true)
  IndexPack pack(String engagementId, CurrentUser user) {
    return pack(scorecards.latest(engagementId, user));
  }

  private IndexPack pack(Scorecard scorecard) {
    Edition edition = catalogue.edition(scorecard.assessment().edition()).orElseThrow();
    Mapping mapping = mapping(edition);
    Map<String, EvidenceView> evidence = scorecard.evidence().stream()
        .collect(Collectors.toMap(EvidenceView::id, Function.identity()));
    List<PackSection> sections = new ArrayList<>();
    for (Instrument instrument : mapping.instruments()) {
      for (Target target : instrument.targets()) {
        List<PackElement> answering = new ArrayList<>();
        for (Element element : edition.elements().toList()) {
          for (Link link : mapping.elements().getOrDefault(element.id(), List.of())) {
            if (link.target().equals(target.id())) {
              answering.add(packElement(element, link, scorecard.ratings().get(element.id()), evidence));
            }
          }
        }
        if (!answering.isEmpty()) {
          answering.sort(Comparator.comparing(PackElement::strength, Comparator.comparing(Strength::valueOf)));
          sections.add(new PackSection(instrument.id(), instrument.title(), target.id(), target.title(),
              target.kind(), target.confidence().name(), answering));
        }
      }
    }
    return new IndexPack(mapping.label(), scorecard.assessment(), sections);
  }

  private Mapping mapping(Edition edition) {
    return crosswalk.of(edition.key()).orElseThrow(() -> new NotFoundException(
        Messages.get("crosswalk.none", edition.key())));
  }

  private static PackElement packElement(Element element, Link link, RatingView rating,
      Map<String, EvidenceView> evidence) {
    return new PackElement(element.id(), element.number(), element.title(), link.strength().name(),
        rating == null ? null : rating.coverage(), rating == null ? null : rating.implementation(),
        rating != null && rating.notApplicable(), rating == null ? List.of() : rating.evidence().stream()
            .map(evidence::get).filter(item -> item != null).toList());
  }

  private static TargetLink link(Mapping mapping, Link link) {
    Target target = mapping.target(link.target()).orElseThrow();
    return new TargetLink(mapping.instrumentOf(target.id()).map(Instrument::id).orElseThrow(), target.id(),
        target.title(), target.kind(), target.confidence().name(), link.strength().name(), link.why());
  }
}
