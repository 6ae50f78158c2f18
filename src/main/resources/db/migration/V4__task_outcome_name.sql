-- The task's name as its assignee saw it (names can carry the item, e.g. the stakeholder group asked), so that
-- a task that comes round again can say which earlier tasks sent it back.
alter table task_outcome add column task_name varchar(255);
