from django.urls import path

from . import reservation_views, views

app_name = "events"

# Below /agenda/, which is the agenda page itself (a Wagtail page); these paths do not clash
# with its own routes ("", "archief/").
urlpatterns = [
    path("agenda/sessie/<int:pk>/inschrijven/", views.register, name="register"),
    path("agenda/sessie/<int:pk>/agenda.ics", views.session_ics, name="session_ics"),
    path("agenda/sessie/<int:pk>/deelnemers/", views.participants, name="participants"),
    path("agenda/sessie/<int:pk>/aanwezigheid/", views.attendance, name="attendance"),
    path("agenda/evenement/<int:page_id>/agenda.ics", views.event_ics, name="event_ics"),
    path("agenda/bevestigen/<str:token>/", views.confirm, name="confirm"),
    path("agenda/afmelden/<str:token>/", views.cancel_by_link, name="cancel_by_link"),
    path("agenda/plaats/<str:token>/", views.accept_offer, name="accept_offer"),
    path("agenda/inschrijving/<int:pk>/annuleren/", views.cancel, name="cancel"),
    path("agenda/inschrijving/<int:pk>/plaats/", views.accept_own_offer, name="accept_own_offer"),
    path("agenda/inschrijving/<int:pk>/evaluatie/", views.evaluation, name="evaluation"),
    path("agenda/inschrijving/<int:pk>/deelnamebewijs.pdf", views.certificate, name="certificate"),
    path("agenda/mijn-agenda/", views.my_calendar, name="my_calendar"),
    path("agenda/feed/<str:token>.ics", views.feed, name="feed"),
]

# An organisation's reserved seats, in its members' workspace (/mijn/organisatie/).
urlpatterns += [
    path("mijn/organisatie/plaatsen/", reservation_views.reservation_list, name="reservations"),
    path("mijn/organisatie/plaatsen/reserveren/", reservation_views.reserve, name="reserve"),
    path(
        "mijn/organisatie/plaatsen/<int:pk>/",
        reservation_views.reservation_detail,
        name="reservation",
    ),
    path(
        "mijn/organisatie/plaatsen/<int:pk>/terugnemen/<int:registration_pk>/",
        reservation_views.unassign,
        name="unassign",
    ),
    path(
        "mijn/organisatie/plaatsen/<int:pk>/annuleren/",
        reservation_views.cancel,
        name="cancel_reservation",
    ),
]
