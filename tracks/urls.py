from django.urls import path

from . import views

app_name = "tracks"

# Below /leergangen/, which is the overview page itself (a Wagtail page); a track is a
# catalogue item at /aanbod/<slug>/.
urlpatterns = [
    path("leergangen/groep/<int:pk>/inschrijven/", views.register, name="register"),
    path("leergangen/groep/<int:pk>/afmelden/", views.cancel, name="cancel"),
    path("leergangen/groep/<int:pk>/agenda.ics", views.cohort_ics, name="cohort_ics"),
    path(
        "leergangen/groep/<int:pk>/dag/<int:day_pk>/aanwezigheid/",
        views.attendance,
        name="attendance",
    ),
    path("leergangen/groep/<int:pk>/voortgang/", views.progress_matrix, name="matrix"),
    path("leergangen/certificaat/<int:pk>/certificaat.pdf", views.certificate, name="certificate"),
    # The public check of a certificate and its Open Badge.
    path("certificaat/", views.verify_form, name="verify_form"),
    path("certificaat/uitgever.json", views.badge_issuer, name="badge_issuer"),
    path("certificaat/sleutel.json", views.badge_key, name="badge_key"),
    path("certificaat/<str:code>/", views.verify, name="verify"),
    path("certificaat/<str:code>/badge.json", views.badge_json, name="badge"),
    path("certificaat/<str:code>/badge.jwt", views.badge_jwt, name="badge_jwt"),
]
