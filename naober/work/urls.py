from __future__ import annotations

from django.urls import path

from naober.work import views

app_name = "work"

# Included under /o/<slug:org>/; every view here is wrapped by naober.core.access.org_view.
urlpatterns = [
    path("work/", views.work_home, name="home"),
    path("work/teams/<int:team_id>/", views.team_diagnostics, name="team"),
    path("work/teams/<int:team_id>/diagnostics.csv", views.team_diagnostics_csv, name="team_csv"),
    path("work/import/", views.import_upload, name="upload"),
    path("work/imports/<int:import_id>/", views.import_detail, name="import"),
    path("work/imports/<int:import_id>/progress/", views.import_progress, name="progress"),
    path("work/settings/", views.work_settings, name="settings"),
]
