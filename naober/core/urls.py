from __future__ import annotations

from django.urls import path

from naober.core import views
from naober.core.parts import PARTS

app_name = "core"

urlpatterns = [path("", views.start, name="start")]

# Included under /o/<slug:org>/ beside the organisation's own pages: the empty state of each part not built yet.
org_urlpatterns = [
    path(f"{part.slug}/", views.part, {"part": part.slug}, name=part.slug) for part in PARTS if part.url_name is None
]
