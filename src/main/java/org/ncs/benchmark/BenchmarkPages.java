package org.ncs.benchmark;

import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Locale;
import org.ncs.engagement.Engagements;
import org.ncs.security.CurrentUser;
import org.ncs.security.CurrentUsers;
import org.ncs.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** An engagement's scorecard in the pages: scores and bands, focus areas, ranked gaps, evidence, assessments. */
@Controller
@Validated
class BenchmarkPages {

  private final Scorecards scorecards;
  private final Assessments assessments;
  private final Engagements engagements;
  private final CurrentUsers users;

  BenchmarkPages(Scorecards scorecards, Assessments assessments, Engagements engagements, CurrentUsers users) {
    this.scorecards = scorecards;
    this.assessments = assessments;
    this.engagements = engagements;
    this.users = users;
  }

  @GetMapping("/engagements/{id}/scorecard")
  String scorecard(@PathVariable @Pattern(regexp = BenchmarkRequests.ID, message = "{validation.engagementId}")
      String id, Model model, Locale locale) {
    CurrentUser user = users.current();
    model.addAttribute("engagement", engagements.summaries(List.of(id), user, locale).get(id));
    model.addAttribute("assessments", assessments.list(id, user));
    try {
      model.addAttribute("scorecard", scorecards.of(id, user));
    } catch (NotFoundException none) {
      // no validated assessment yet: the page says so and lists the ones under way
      model.addAttribute("scorecard", null);
    }
    model.addAttribute("section", "work");
    return "benchmark/scorecard";
  }
}
