from django.urls import path

from . import views

app_name = "dashboard"

urlpatterns = [
    path("", views.home, name="home"),
    path("gegevens/", views.download_data, name="download_data"),
    path("verwijderen/", views.delete, name="delete"),
]
