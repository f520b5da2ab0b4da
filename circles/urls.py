from django.urls import path

from . import organisation_views, views

app_name = "circles"

WORKSPACE = "leerkringen/<slug:slug>/"

urlpatterns = [
    path(
        "organisaties/<slug:slug>/knelpunt/",
        organisation_views.report_bottleneck,
        name="organisation_bottleneck",
    ),
    # Before the workspace paths: "knelpunten" is reserved as a circle slug.
    path("leerkringen/knelpunten/", views.regional_bottlenecks, name="regional_bottlenecks"),
    path("leerkringen/knelpunten/<int:pk>/antwoord/", views.respond, name="respond"),
    path(WORKSPACE, views.workspace_home, name="workspace"),
    path(WORKSPACE + "deelnemen/", views.request_join, name="request_join"),
    path(
        WORKSPACE + "uitnodiging/<str:token>/",
        views.accept_invitation,
        name="accept_invitation",
    ),
    path(WORKSPACE + "overzicht/", views.overview, name="overview"),
    path(WORKSPACE + "bijeenkomsten/", views.meetings, name="meetings"),
    path(WORKSPACE + "bijeenkomsten/nieuw/", views.meeting_form, name="meeting_new"),
    path(WORKSPACE + "bijeenkomsten/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path(WORKSPACE + "bijeenkomsten/<int:pk>/bewerken/", views.meeting_form, name="meeting_edit"),
    path(WORKSPACE + "bijeenkomsten/<int:pk>/verslag/", views.minutes, name="minutes"),
    path(WORKSPACE + "bijeenkomsten/<int:pk>/aanwezigheid/", views.attendance, name="attendance"),
    path(WORKSPACE + "casussen/", views.cases, name="cases"),
    path(WORKSPACE + "casussen/nieuw/", views.case_new, name="case_new"),
    path(WORKSPACE + "casussen/<int:pk>/", views.case_detail, name="case_detail"),
    path(WORKSPACE + "casussen/<int:pk>/bewerken/", views.case_edit, name="case_edit"),
    path(WORKSPACE + "casussen/<int:pk>/reageren/", views.comment, name="comment"),
    path(
        WORKSPACE + "casussen/<int:pk>/verbeterpunten/",
        views.improvement_point,
        name="improvement_point",
    ),
    path(
        WORKSPACE + "verbeterpunten/<int:pk>/afspraak/",
        views.point_to_agreement,
        name="point_to_agreement",
    ),
    path(WORKSPACE + "afspraken/", views.agreements, name="agreements"),
    path(WORKSPACE + "afspraken/download/", views.agreements_download, name="agreements_download"),
    path(WORKSPACE + "afspraken/nieuw/", views.agreement_form, name="agreement_new"),
    path(WORKSPACE + "afspraken/<int:pk>/bewerken/", views.agreement_form, name="agreement_edit"),
    path(WORKSPACE + "knelpunten/", views.bottlenecks, name="bottlenecks"),
    path(WORKSPACE + "knelpunten/nieuw/", views.bottleneck_form, name="bottleneck_new"),
    path(
        WORKSPACE + "knelpunten/<int:pk>/bewerken/", views.bottleneck_form, name="bottleneck_edit"
    ),
    path(WORKSPACE + "knelpunten/<int:pk>/delen/", views.bottleneck_share, name="bottleneck_share"),
    path(WORKSPACE + "leden/", views.members, name="members"),
    path(WORKSPACE + "leden/uitnodigen/", views.invite, name="invite"),
    path(WORKSPACE + "leden/<int:pk>/verzoek/", views.decide_request, name="decide_request"),
    path(WORKSPACE + "leden/<int:pk>/verwijderen/", views.remove, name="remove"),
    path(WORKSPACE + "leden/overdragen/", views.hand_over, name="hand_over"),
    path(WORKSPACE + "leden/verlaten/", views.leave, name="leave"),
    path(WORKSPACE + "leden/meldingen/", views.notifications, name="notifications"),
    path(WORKSPACE + "geschiedenis/", views.history, name="history"),
]
