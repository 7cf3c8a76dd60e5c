"""Thin views: parse input (forms), check permission (chitieu.web.permissions), call a do_*
action, render. Action errors become a message on the page in one place (errors.py)."""
