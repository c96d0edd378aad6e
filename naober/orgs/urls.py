from __future__ import annotations

from django.urls import path

from naober.orgs import views

app_name = "orgs"

# Included under /o/<slug:org>/; every view here is wrapped by naober.core.access.org_view.
urlpatterns = [
    path("", views.home, name="home"),
    path("teams/", views.team_list, name="teams"),
    path("teams/<int:team_id>/", views.team_detail, name="team"),
    path("people/", views.person_list, name="people"),
    path("people/import/", views.people_import_page, name="people_import"),
    path("people/<int:person_id>/", views.person_detail, name="person"),
    path("settings/", views.settings_page, name="settings"),
    path("settings/members/", views.member_list, name="members"),
    path("transparency/", views.transparency, name="transparency"),
]
