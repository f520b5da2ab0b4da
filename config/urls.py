from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from django.views.static import serve as serve_file
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts import views as accounts_views
from core import views as core_views

urlpatterns = [
    path("beheer/", include(wagtailadmin_urls)),
    # Ahead of allauth's own views at these addresses: setting up an authenticator app
    # leads on to the recovery codes and back to where the person was (accounts.mfa).
    path(
        "account/2fa/totp/activate/",
        accounts_views.ActivateAuthenticatorView.as_view(),
        name="mfa_activate_totp",
    ),
    path(
        "account/2fa/recovery-codes/",
        accounts_views.RecoveryCodesView.as_view(),
        name="mfa_view_recovery_codes",
    ),
    path("account/", include("allauth.urls")),
    path("mijn/", include("accounts.urls")),
    path("mijn/", include("dashboard.urls")),
    path("mijn/api-sleutels/", include("api.page_urls")),
    path("documenten/", include(wagtaildocs_urls)),
    path("taal/", core_views.set_language, name="set_language"),
    path("portaal.css", core_views.portal_css, name="portal_css"),
    path("weergave/", core_views.display_preferences, name="display_preferences"),
    path("sitemap.xml", core_views.sitemap, name="sitemap"),
    path("sitemap/", core_views.html_sitemap, name="html_sitemap"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
]

if settings.STORAGES["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage":
    # Local uploads are served by the app itself; with S3 the bucket serves them.
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve_file, {"document_root": settings.MEDIA_ROOT}),
    ]

urlpatterns += [
    # These apps give their own Dutch paths; they must come before Wagtail's catch-all.
    path("", include("learning.urls")),
    path("", include("events.urls")),
    path("", include("circles.urls")),
    path("", include("tracks.urls")),
    path("", include("newsletter.urls")),
    path("", include("monitor.urls")),
    path("", include("organisations.urls")),
    path("", include("reports.urls")),
    path("zoeken/", include("search.urls")),
    path("api/v1/", include("api.urls")),
]
urlpatterns += [
    # Wagtail's own log-in form for pages open to logged-in people only would skip
    # allauth's limits on tries and its question for the code; it leads to allauth's.
    path(
        "_util/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
        name="wagtailcore_login",
    ),
    path("", include(wagtail_urls)),
]
