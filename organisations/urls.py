from django.urls import path

from . import views

app_name = "organisations"

urlpatterns = [
    path("organisaties/", views.index, name="index"),
    path("organisaties/<slug:slug>/", views.detail, name="detail"),
]
