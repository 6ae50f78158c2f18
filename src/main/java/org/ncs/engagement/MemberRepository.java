package org.ncs.engagement;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface MemberRepository extends JpaRepository<Member, String> {

  List<Member> findByEngagementIdOrderByAddedAt(String engagementId);

  List<Member> findByUserId(String userId);

  boolean existsByEngagementIdAndUserIdAndRole(String engagementId, String userId, String role);

  boolean existsByEngagementIdAndRole(String engagementId, String role);
}
