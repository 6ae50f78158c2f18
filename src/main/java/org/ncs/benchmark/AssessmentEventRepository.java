package org.ncs.benchmark;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AssessmentEventRepository extends JpaRepository<AssessmentEvent, String> {

  /**
   * The history of one element's rating across a chain of assessments (an assessment and those it corrects):
   * its ratings as set and the assessments' submissions, returns and validations, oldest first.
   */
  @Query("select e from AssessmentEvent e where e.assessmentId in ?1 and (e.elementId = ?2 or e.elementId is null)"
      + " order by e.seq")
  List<AssessmentEvent> history(Collection<String> assessmentIds, String elementId);

  @Modifying
  @Query("delete from AssessmentEvent e where e.assessmentId = ?1")
  int deleteByAssessmentId(String assessmentId);
}
