"""The web application: the only package that imports Django.

It is also the Django app itself (label "web"): models, migrations, templates and static
files live here, so one INSTALLED_APPS entry is enough.
"""
