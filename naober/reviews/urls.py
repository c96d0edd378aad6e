from __future__ import annotations

from django.urls import path

from naober.reviews import views

app_name = "reviews"

# Included under /o/<slug:org>/; every view here is wrapped by naober.core.access.org_view.
urlpatterns = [
    path("teams/<int:team_id>/reviews/", views.review_list, name="list"),
    path("reviews/<int:review_id>/", views.review_detail, name="review"),
    path("reviews/<int:review_id>/live/", views.review_live, name="live"),
]
