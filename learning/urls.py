from django.urls import include, path

from . import views

app_name = "learning"

urlpatterns = [
    path("", include("learning.scan_urls")),
    path("", include("learning.team_urls")),
    path("mijn/voortgang/<int:page_id>/afgerond/", views.complete, name="complete"),
    path("mijn/voortgang/<int:page_id>/media/", views.media_progress, name="media_progress"),
    path("mijn/opdrachten/<int:page_id>/", views.answers, name="answers"),
]
