package org.ncs.engagement;

import java.util.Collection;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface EngagementRepository extends JpaRepository<Engagement, String> {

  Page<Engagement> findByCountryIn(Collection<String> countries, Pageable page);

  Page<Engagement> findByCountryInAndStatus(Collection<String> countries, EngagementStatus status, Pageable page);

  Page<Engagement> findByStatus(EngagementStatus status, Pageable page);

  boolean existsByCountryAndCycleAndStatus(String country, int cycle, EngagementStatus status);
}
