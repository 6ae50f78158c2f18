package org.ncs.benchmark;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RatingRepository extends JpaRepository<Rating, String> {

  /** An assessment's ratings with their evidence, in one statement. */
  @Query("select distinct r from Rating r left join fetch r.evidence where r.assessmentId = ?1")
  List<Rating> ofAssessment(String assessmentId);

  Optional<Rating> findByAssessmentIdAndElementId(String assessmentId, String elementId);
}
