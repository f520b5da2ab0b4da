from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("rapportages/", views.report, name="report"),
    path("rapportages/download.<str:file_format>", views.export, name="export"),
    path("rapportages/jaarverslag-<int:year>.pdf", views.yearly, name="yearly"),
]
