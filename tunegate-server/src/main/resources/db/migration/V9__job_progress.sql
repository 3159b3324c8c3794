-- A job's progress (issue 6): the share of its training done, 0..1, as its provider last told it
-- (null until a provider tells; 1 once it succeeded). Shown in the job view and used for estimated finishes.
alter table jobs add column progress double precision;
