from __future__ import annotations

from django.urls import path

from naober.scan import views

app_name = "scan"

# Included under /o/<slug:org>/; every view here is wrapped by naober.core.access.org_view.
urlpatterns = [
    path("scan/", views.round_list, name="rounds"),
    path("scan/rounds/<int:round_id>/", views.round_detail, name="round"),
    path("scan/rounds/<int:round_id>/letters/", views.letters, name="letters"),
    path("scan/rounds/<int:round_id>/report/", views.report, name="report"),
]
