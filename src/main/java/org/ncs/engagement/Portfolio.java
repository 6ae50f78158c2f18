package org.ncs.engagement;

import java.text.CollationKey;
import java.text.Collator;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.ncs.audit.AuditTrail;
import org.ncs.catalogue.Catalogue;
import org.ncs.engagement.EngagementViews.EngagementSummary;
import org.ncs.lifecycle.LifecycleSummary;
import org.ncs.lifecycle.Lifecycles;
import org.ncs.security.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every engagement a person may see in one table, for those who follow several countries (ITU officers, World Bank
 * co-facilitators, administrators): where each stands, what is open and overdue, when something last happened,
 * and its latest validated scores and bands. Five queries whatever the number of engagements: the engagements,
 * their lifecycles' instances, their open tasks, their latest events and their scores.
 */
@Service
public class Portfolio {

  /**
   * @param phases the phases under way (P1 to P5)
   * @param currentSteps the guide steps of the work waiting (follow-ups aside), e.g. "3.3.1 Draft the strategy"
   */
  public record Row(EngagementSummary engagement, List<String> phases, List<String> currentSteps, int openTasks,
      long overdueTasks, Instant lastActivity, EngagementScores.Scores scores) {
  }

  /**
   * @param region an ITU region, or null for all
   * @param phase P1 to P5, or null for all
   * @param status active or closed engagements, or null for both
   * @param band the maturity band of implementation, or null for all
   */
  public record Filter(String region, String phase, boolean overdueOnly, EngagementStatus status, String band) {
  }

  public enum Order { COUNTRY, REGION, PHASE, OPEN, OVERDUE, ACTIVITY, COVERAGE, IMPLEMENTATION, ASSESSED }

  private final EngagementRepository engagements;
  private final Countries countries;
  private final Lifecycles lifecycles;
  private final AuditTrail audit;
  private final Catalogue catalogue;
  private final ObjectProvider<EngagementScores> scores;

  Portfolio(EngagementRepository engagements, Countries countries, Lifecycles lifecycles, AuditTrail audit,
      Catalogue catalogue, ObjectProvider<EngagementScores> scores) {
    this.scores = scores;
    this.engagements = engagements;
    this.countries = countries;
    this.lifecycles = lifecycles;
    this.audit = audit;
    this.catalogue = catalogue;
  }

  @Transactional(readOnly = true)
  public List<Row> of(CurrentUser user, Filter filter, Order order, boolean descending, Locale locale) {
    List<Engagement> visible = (user.isAdmin()
        ? filter.status() == null ? engagements.findAll(Pageable.unpaged())
            : engagements.findByStatus(filter.status(), Pageable.unpaged())
        : filter.status() == null ? engagements.findByCountryIn(user.tenants(), Pageable.unpaged())
            : engagements.findByCountryInAndStatus(user.tenants(), filter.status(), Pageable.unpaged()))
        .getContent();
    List<String> ids = visible.stream().map(Engagement::id).toList();
    Map<String, LifecycleSummary> statuses = lifecycles.summaries(ids);
    Map<String, Instant> lastActivity = audit.lastActivity(ids);
    EngagementScores measured = scores.getIfAvailable();
    Map<String, EngagementScores.Scores> latest = measured == null || ids.isEmpty() ? Map.of() : measured.latest(ids);
    var edition = catalogue.current();
    // each name's collation key made once, not twice per comparison: a sort compares a name many times
    Collator collator = Collator.getInstance(locale);
    Map<String, CollationKey> names = new HashMap<>();
    Comparator<Row> comparator = switch (order) {
      case COUNTRY -> Comparator.comparing(row -> names.computeIfAbsent(row.engagement().country().name(),
          collator::getCollationKey));
      case REGION -> Comparator.comparing(row -> Objects.toString(row.engagement().country().region(), "~"));
      case PHASE -> Comparator.comparing(row -> row.phases().isEmpty() ? "P9" : row.phases().get(0));
      case OPEN -> Comparator.comparingInt(Row::openTasks);
      case OVERDUE -> Comparator.comparingLong(Row::overdueTasks);
      case ACTIVITY -> Comparator.comparing(Row::lastActivity, Comparator.nullsFirst(Comparator.naturalOrder()));
      case COVERAGE -> Comparator.comparing(row -> row.scores() == null ? null : row.scores().coverage(),
          Comparator.nullsFirst(Comparator.naturalOrder()));
      case IMPLEMENTATION -> Comparator.comparing(row -> row.scores() == null ? null : row.scores().implementation(),
          Comparator.nullsFirst(Comparator.naturalOrder()));
      case ASSESSED -> Comparator.comparing(row -> row.scores() == null ? null : row.scores().asOf(),
          Comparator.nullsFirst(Comparator.naturalOrder()));
    };
    return visible.stream()
        .map(engagement -> {
          LifecycleSummary status = statuses.get(engagement.id());
          List<String> steps = status.currentSteps().stream()
              .map(step -> edition.step(step).map(s -> (s.number() == null ? "" : s.number() + " ") + s.title())
                  .orElse(step))
              .toList();
          return new Row(EngagementSummary.of(engagement, countries.ref(engagement.country(), locale)),
              status.phases(), steps, status.openTasks(), status.overdueTasks(),
              lastActivity.get(engagement.id()), latest.get(engagement.id()));
        })
        .filter(row -> filter.region() == null || filter.region().equals(row.engagement().country().region()))
        .filter(row -> filter.phase() == null || row.phases().contains(filter.phase()))
        .filter(row -> !filter.overdueOnly() || row.overdueTasks() > 0)
        .filter(row -> filter.band() == null
            || row.scores() != null && filter.band().equals(row.scores().implementationBand()))
        .sorted(descending ? comparator.reversed() : comparator)
        .toList();
  }
}
