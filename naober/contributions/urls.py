from __future__ import annotations

from django.urls import path

from naober.contributions import views

app_name = "contributions"

# Included under /o/<slug:org>/; every view here is wrapped by naober.core.access.org_view.
urlpatterns = [
    path("contribute/", views.mine, name="mine"),
    path("teams/<int:team_id>/timeline/", views.timeline, name="timeline"),
]
