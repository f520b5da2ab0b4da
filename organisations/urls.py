from django.urls import path

from . import views, workspace
from .sign_in import views as sign_in_views

app_name = "organisations"

urlpatterns = [
    path("organisaties/", views.index, name="index"),
    path("organisaties/<slug:slug>/", views.detail, name="detail"),
    path("mijn/organisatie/", workspace.home, name="workspace"),
    path("mijn/organisatie/verlaten/", workspace.leave, name="leave"),
    path(
        "mijn/organisatie/uitnodiging/<str:token>/",
        workspace.accept_invitation,
        name="accept_invitation",
    ),
    path("mijn/organisatie/mensen/", workspace.people, name="people"),
    path("mijn/organisatie/mensen/<int:pk>/", workspace.person, name="person"),
    path(
        "mijn/organisatie/mensen/<int:pk>/verwijderen/",
        workspace.remove_person,
        name="remove_person",
    ),
    path("mijn/organisatie/teams/", workspace.teams, name="teams"),
    path("mijn/organisatie/teams/<int:pk>/", workspace.team, name="team"),
    path("mijn/organisatie/teams/<int:pk>/naam/", workspace.rename_team, name="rename_team"),
    path("mijn/organisatie/teams/<int:pk>/leden/", workspace.add_to_team, name="add_to_team"),
    path(
        "mijn/organisatie/teams/<int:pk>/leden/<int:member_pk>/",
        workspace.change_team_member,
        name="change_team_member",
    ),
    path("mijn/organisatie/teams/<int:pk>/verwijderen/", workspace.delete_team, name="delete_team"),
    path("mijn/organisatie/domeinen/", workspace.domains, name="domains"),
    path(
        "mijn/organisatie/domeinen/<int:pk>/verwijderen/",
        workspace.remove_domain,
        name="remove_domain",
    ),
    path("mijn/organisatie/uitnodigingen/", workspace.invitations, name="invitations"),
    path(
        "mijn/organisatie/uitnodigingen/<int:pk>/intrekken/",
        workspace.withdraw_invitation,
        name="withdraw_invitation",
    ),
    path("mijn/organisatie/geschiedenis/", workspace.history, name="history"),
    path("mijn/organisatie/inloggen/", sign_in_views.settings_page, name="sign_in_settings"),
    path("account/organisatie/", sign_in_views.start, name="sign_in_start"),
]
