from __future__ import annotations

from django.urls import path

from naober.goals import views

app_name = "goals"

# Included under /o/<slug:org>/; every view here is wrapped by naober.core.access.org_view.
urlpatterns = [
    path("steer/", views.goal_list, name="list"),
    path("steer/goals/<int:goal_id>/", views.goal_detail, name="goal"),
    path("steer/values/", views.value_list, name="values"),
    path("steer/overview/", views.overview, name="overview"),
    path("steer/overview.csv", views.overview_csv, name="overview_csv"),
]
