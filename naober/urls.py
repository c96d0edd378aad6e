"""The URL map: accounts, the organisation pages under /o/<slug>/, the API under /api/v1/."""

from __future__ import annotations

from django.urls import include, path
from django.views.i18n import set_language

from naober.api import api
from naober.core.urls import org_urlpatterns
from naober.scan import views as scan_views

urlpatterns = [
    path("", include("naober.core.urls")),
    path("accounts/", include("naober.accounts.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("o/<slug:org>/", include("naober.orgs.urls")),
    path("o/<slug:org>/", include("naober.goals.urls")),
    path("o/<slug:org>/", include("naober.contributions.urls")),
    path("o/<slug:org>/", include("naober.scan.urls")),
    path("o/<slug:org>/", include("naober.stories.urls")),
    path("o/<slug:org>/", include("naober.reviews.urls")),
    path("o/<slug:org>/", include("naober.work.urls")),
    # The balance scan's personal link: no login, the token is the key (naober/scan/views.py answer).
    path("s/<str:token>/", scan_views.answer, name="scan_answer"),
    path("o/<slug:org>/", include((org_urlpatterns, "parts"))),
    path("api/v1/", api.urls),
]
