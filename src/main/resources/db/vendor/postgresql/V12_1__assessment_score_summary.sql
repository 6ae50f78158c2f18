-- The portfolio and the trend read only the overall and focus-area rows of the frozen scores (items without a
-- dot), a fifth of them. A partial index holding just those rows, with their values, answers both from the index
-- alone. PostgreSQL only: H2, for development, has neither partial indexes nor included columns.
create index assessment_score_summary on assessment_score (assessment_id, item)
  include (coverage, implementation, gap, coverage_band, implementation_band)
  where item not like '%.%';
