"""Planning: term targets, year-end forecasts, tasks, continuity and the reporting calendar
(issue 5). A separate Django app so its models and migrations grow apart from the main app's;
the rules live in the core (chitieu.term, .forecast, .tasks, .calendar, .continuity)."""
