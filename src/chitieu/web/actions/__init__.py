"""`do_*` functions: every state change of the web app, each in one transaction."""
