from django.urls import path

from . import views

app_name = "monitor"

urlpatterns = [
    path("monitor/", views.index, name="index"),
    path("monitor/<slug:slug>/", views.municipality, name="municipality"),
]
