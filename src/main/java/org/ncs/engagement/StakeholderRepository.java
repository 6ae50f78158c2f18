package org.ncs.engagement;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StakeholderRepository extends JpaRepository<Stakeholder, String> {

  Page<Stakeholder> findByEngagementIdOrderByOrganisation(String engagementId, Pageable page);

  Optional<Stakeholder> findByIdAndEngagementId(String id, String engagementId);

  List<Stakeholder> findByEngagementId(String engagementId);

  /** The people who answer for the engagement's organisations of a category. */
  @Query("select distinct p from Stakeholder s join s.people p where s.engagementId = :engagementId"
      + " and s.category = :category order by p")
  List<String> people(String engagementId, String category);

  /** The organisations of a category a person answers for. */
  @Query("select s.organisation from Stakeholder s join s.people p where s.engagementId = :engagementId"
      + " and s.category = :category and p = :userId order by s.organisation")
  List<String> organisationsOf(String engagementId, String category, String userId);
}
