"""Included by learning/urls.py, so the names are learning:…"""

from django.urls import path

from . import team_views as views

TEAM = "mijn/organisatie/teams/<int:team_id>/leerpaden/"
PATH = TEAM + "<int:path_id>/"

urlpatterns = [
    path("mijn/organisatie/leerpaden/", views.teams, name="team_overview"),
    path("mijn/organisatie/delen/", views.sharing, name="sharing"),
    path(TEAM, views.team_paths, name="team_paths"),
    path(PATH, views.compose, name="team_path"),
    path(PATH + "stappen/", views.add_step, name="team_path_add_step"),
    path(PATH + "stappen/<int:step_id>/", views.change_step, name="team_path_step"),
    path(PATH + "toewijzen/", views.assign, name="team_path_assign"),
    path(PATH + "verwijderen/", views.delete, name="team_path_delete"),
    path(PATH + "voortgang/", views.progress, name="team_path_progress"),
]
