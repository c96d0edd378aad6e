from __future__ import annotations

from django.urls import path

from naober.stories import views

app_name = "stories"

# Included under /o/<slug:org>/; every view here is wrapped by naober.core.access.org_view.
urlpatterns = [
    path("stories/", views.story_list, name="list"),
    path("stories/new/", views.story_new, name="new"),
    path("stories/patterns/", views.story_patterns, name="patterns"),
    path("stories/<int:story_id>/", views.story_detail, name="story"),
    path("stories/selection/", views.selection_list, name="selections"),
    path("stories/selection/<int:selection_id>/", views.selection_detail, name="selection"),
]
