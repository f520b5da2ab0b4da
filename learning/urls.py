from django.urls import path

from . import views

app_name = "learning"

urlpatterns = [
    path("mijn/voortgang/<int:page_id>/afgerond/", views.complete, name="complete"),
    path("mijn/voortgang/<int:page_id>/media/", views.media_progress, name="media_progress"),
    path("mijn/opdrachten/<int:page_id>/", views.answers, name="answers"),
]
