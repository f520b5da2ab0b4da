"""Included by learning/urls.py, so the names are learning:…"""

from django.urls import path

from . import scan_views as views

urlpatterns = [
    path("mijn/leerbehoefte/", views.needs_scan, name="needs_scan"),
    path("mijn/leerbehoefte/<int:scan_id>/voorstel/", views.scan_proposal, name="scan_proposal"),
    path(
        "mijn/leerbehoefte/<int:scan_id>/overnemen/",
        views.accept_scan_route,
        name="accept_route",
    ),
    path("mijn/route/", views.route, name="route"),
    path("mijn/route/toevoegen/<int:page_id>/", views.add_item_to_route, name="add_to_route"),
    path("mijn/route/<int:step_id>/verplaats/", views.move_route_step, name="move_step"),
    path("mijn/route/<int:step_id>/verwijder/", views.remove_route_step, name="remove_step"),
    path("aanbevolen/", views.recommended, name="recommended"),
]
