package org.ncs.engagement;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface StakeholderRepository extends JpaRepository<Stakeholder, String> {

  Page<Stakeholder> findByEngagementIdOrderByOrganisation(String engagementId, Pageable page);
}
